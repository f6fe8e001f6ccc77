/**
 * The hover card in Chromium and Firefox with the built extension: it opens when the
 * pointer rests on a term, shows the equivalent and the Constitution citation
 * of the right entry, lets the pointer move into it, closes on Escape and when
 * the pointer leaves, stays in the viewport, renders user text as text, and
 * the keyboard shortcut opens it for the selection.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GlossarySnapshot, StoredEntry } from '../../lib/protocol';
import { BROWSERS, launch, type ExtensionBrowser, type TestPage } from './driver';
import { servePages, type PageServer } from './harness';
import {
  allHighlighted,
  cardState,
  clause,
  constitution,
  escapeHtml,
  textCenter,
} from './highlight-pages';

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');

const page1 = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">
<p id="ru" style="font-size:20px">${escapeHtml(clause(ru, '72', '7'))}</p>
<p id="kk" style="font-size:20px">${escapeHtml(clause(kk, '72', '7'))}</p>
<p id="plain" style="font-size:20px">Обычный текст без терминов.</p>
<p id="corner" style="position:absolute; right:4px; bottom:4px; margin:0; font-size:20px">судом</p>
<p id="mine" style="font-size:20px">Здесь есть зловредный термин.</p>
<input id="field" value="Жалоба в Конституционный Суд" style="width:300px">
<div style="height:2000px"></div>
</body></html>`;

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let constitutionalCourt: StoredEntry;
  const send = (msg: unknown): Promise<unknown> => browser.send(msg);

  beforeAll(async () => {
    browser = await launch(name);
    server = await servePages({ '/card.html': page1 });
    const snap = (await send({ type: 'glossary/get' })) as GlossarySnapshot;
    const found = snap.entries.find((e) => e.ru.term.toLowerCase() === 'конституционный суд');
    if (!found) throw new Error('The bundled glossary has no entry "Конституционный Суд"');
    constitutionalCourt = found;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(): Promise<TestPage> {
    const page = await browser.newPage();
    await page.setViewport(800, 600);
    await page.goto(`${server.url}/card.html`);
    await expect
      .poll(async () => (await allHighlighted(page)).length, { timeout: 5000 })
      .toBeGreaterThan(1);
    return page;
  }

  /** What the `show-card` command does in the background (entrypoints/background/broadcast.ts): tell the active tab. */
  async function showSelection(): Promise<void> {
    await browser.inExtension(async () => {
      interface Tabs {
        query(q: object): Promise<{ id?: number }[]>;
        sendMessage(id: number, msg: unknown): Promise<unknown>;
      }
      const c = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab!.id!, { type: 'card/show-selection' });
    });
  }

  async function hover(page: TestPage, selector: string, text: string): Promise<void> {
    const { x, y } = await textCenter(page, selector, text);
    await page.mouseMove(x - 3, y);
    await page.mouseMove(x, y);
  }

  /** Select the term inside the page's form field and show its card with the shortcut; the field keeps its value. */
  async function expectShortcutInField(page: TestPage): Promise<void> {
    await page.focus('#field');
    await page.evaluate(() =>
      (document.getElementById('field') as HTMLInputElement).setSelectionRange(9, 28),
    );
    await showSelection();
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    expect((await cardState(page))!.id).toBe(constitutionalCourt.id);
    expect(await page.value('#field')).toBe('Жалоба в Конституционный Суд');
  }

  test('hovering a term shows its card with the equivalent and the citation; Escape closes it', async () => {
    const page = await openPage();
    await hover(page, '#ru', 'Конституционного Суда');
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    const card = (await cardState(page))!;
    expect(card.id).toBe(constitutionalCourt.id);
    // The page's form, the dictionary form, the Kazakh equivalent.
    expect(card.text).toContain('Конституционного Суда');
    expect(card.text).toContain(constitutionalCourt.ru.term);
    expect(card.text).toContain(constitutionalCourt.kk.term);
    expect(card.text).toContain(constitutionalCourt.ru.definition);
    // Citations with their Russian quotes, word for word.
    for (const c of constitutionalCourt.citations) {
      expect(card.text).toContain(c.quote.ru);
      expect(card.text).toContain(c.edition === '2026' ? '2026' : '1995');
    }
    // The other language is a click away.
    await page.evaluate(() =>
      (
        document
          .querySelector('atazan-card')!
          .shadowRoot!.querySelector('.atz-toggle') as HTMLElement
      ).click(),
    );
    const toggled = (await cardState(page))!;
    expect(toggled.text).toContain(constitutionalCourt.kk.definition);
    await page.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();

    // The same inside a form field (never highlighted, but the shortcut still works).
    await expectShortcutInField(page);
    await page.close();
  });

  test('a Kazakh term opens the card in Kazakh; the pointer can move into the card; leaving closes it', async () => {
    const page = await openPage();
    await hover(page, '#kk', 'Конституциялық Соттың');
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    const card = (await cardState(page))!;
    expect(card.id).toBe(constitutionalCourt.id);
    expect(card.text).toContain(constitutionalCourt.ru.term);
    for (const c of constitutionalCourt.citations) expect(card.text).toContain(c.quote.kk);

    // Move into the card across the gap: it stays.
    const box = await page.evaluate(() => {
      const b = document
        .querySelector('atazan-card')!
        .shadowRoot!.querySelector('.atz-card')!
        .getBoundingClientRect();
      return { x: b.left + 20, y: b.top + 20 };
    });
    await page.mouseMove(box.x, box.y, 4);
    await page.wait(600);
    expect(await cardState(page)).not.toBeNull();
    // Leave for a spot outside the card and the term: it closes after the grace period.
    const away = await page.evaluate(() => {
      const b = document
        .querySelector('atazan-card')!
        .shadowRoot!.querySelector('.atz-card')!
        .getBoundingClientRect();
      return { x: b.right + 100 < innerWidth ? b.right + 100 : 10, y: b.bottom + 60 };
    });
    await page.mouseMove(away.x, away.y, 3);
    await expect.poll(() => cardState(page), { timeout: 2000 }).toBeNull();
    await page.close();
  });

  test('the card stays inside the viewport', async () => {
    const page = await openPage();
    await hover(page, '#corner', 'судом');
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    const r = await page.evaluate(() => {
      const b = document
        .querySelector('atazan-card')!
        .shadowRoot!.querySelector('.atz-card')!
        .getBoundingClientRect();
      return {
        left: b.left,
        top: b.top,
        right: b.right,
        bottom: b.bottom,
        w: innerWidth,
        h: innerHeight,
      };
    });
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(r.w);
    expect(r.bottom).toBeLessThanOrEqual(r.h);
    await page.close();
  });

  test('user-written text is rendered as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.pwned=1">';
    const saved = (await send({
      type: 'entry/save',
      entry: {
        id: '',
        kk: { term: 'зиянды термин', variants: [], definition: evil },
        ru: { term: 'зловредный термин', variants: [], definition: evil },
        citations: [],
        tags: [],
      },
    })) as StoredEntry;
    const page = await openPage();
    await expect
      .poll(async () => (await allHighlighted(page)).join('|'), { timeout: 2000 })
      .toContain('зловредный термин');
    await hover(page, '#mine', 'зловредный термин');
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    const card = (await cardState(page))!;
    expect(card.id).toBe(saved.id);
    expect(card.text).toContain(evil);
    const images = await page.evaluate(
      () => document.querySelector('atazan-card')!.shadowRoot!.querySelectorAll('img').length,
    );
    expect(images).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    await send({ type: 'entry/delete', id: saved.id });
    await page.close();
  });

  test('the keyboard shortcut shows the card for the selected term', async () => {
    const page = await openPage();
    await page.bringToFront();
    await page.evaluate(() => {
      const p = document.getElementById('ru')!;
      const text = p.firstChild as Text;
      const i = text.data.indexOf('Конституционного');
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 'Конституционного Суда'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await showSelection();
    await expect.poll(() => cardState(page), { timeout: 2000 }).not.toBeNull();
    expect((await cardState(page))!.id).toBe(constitutionalCourt.id);
    await page.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();

    // The same inside a form field (never highlighted, but the shortcut still works).
    await expectShortcutInField(page);
    await page.close();
  });
});
