/**
 * The hover card in Chromium and Firefox with the built extension: it opens when the
 * pointer rests on a term, shows the equivalent and the Constitution citation
 * of the right entry, lets the pointer move into it, closes on Escape and when
 * the pointer leaves, stays in the viewport, renders user text as text, and
 * the keyboard shortcut opens it for the selection.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { officialLink } from '../../lib/official-links';
import type { StoredEntry } from '../../lib/protocol';
import { BROWSERS, type ExtensionBrowser, type TestPage } from './driver';
import type { PageServer } from './harness';
import {
  allHighlighted,
  cardState,
  clause,
  constitution,
  escapeHtml,
  hoverText,
} from './highlight-pages';
import { bundledEntry, useExtension } from './setup';

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

/** The served page in a new tab, once its terms are highlighted. */
async function openPage(browser: ExtensionBrowser, server: PageServer): Promise<TestPage> {
  const page = await browser.newPage();
  await page.setViewport(800, 600);
  await page.goto(`${server.url}/card.html`);
  await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(1);
  return page;
}

/** Rest the pointer on a term and wait for its card. */
async function hoverTerm(page: TestPage, selector: string, text: string): Promise<void> {
  await hoverText(page, selector, text);
  await expect.poll(() => cardState(page)).not.toBeNull();
}

describe.each(BROWSERS)('%s', (name) => {
  const { browser, server } = useExtension(name, { '/card.html': page1 });
  let constitutionalCourt: StoredEntry;
  const send = (msg: unknown): Promise<unknown> => browser.send(msg);

  beforeAll(async () => {
    constitutionalCourt = await bundledEntry(browser, 'Конституционный Суд');
  });

  /** Select the term inside the page's form field and show its card with the shortcut; the field keeps its value. */
  async function expectShortcutInField(page: TestPage): Promise<void> {
    await page.focus('#field');
    await page.evaluate(() =>
      (document.getElementById('field') as HTMLInputElement).setSelectionRange(9, 28),
    );
    await showSelectionIn(browser);
    await expect.poll(() => cardState(page)).not.toBeNull();
    expect((await cardState(page))!.id).toBe(constitutionalCourt.id);
    expect(await page.value('#field')).toBe('Жалоба в Конституционный Суд');
  }

  test('hovering a term shows its card with the equivalent and the citation; Escape closes it', async () => {
    const page = await openPage(browser, server);
    await hoverTerm(page, '#ru', 'Конституционного Суда');
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
    const page = await openPage(browser, server);
    await hoverTerm(page, '#kk', 'Конституциялық Соттың');
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
    await expect.poll(() => cardState(page)).toBeNull();
    await page.close();
  });

  test('the card stays inside the viewport', async () => {
    const page = await openPage(browser, server);
    await hoverTerm(page, '#corner', 'судом');
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
    const page = await openPage(browser, server);
    await expect
      .poll(async () => (await allHighlighted(page)).join('|'))
      .toContain('зловредный термин');
    // Hover again until the card shows: the save's glossary/changed broadcast can repaint the
    // page just after its first scan, and a rest on a span being repainted finds nothing.
    await expect
      .poll(
        async () => {
          await hoverText(page, '#mine', 'зловредный термин');
          await page.wait(400);
          return cardState(page);
        },
        { timeout: 8000 },
      )
      .not.toBeNull();
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
    const page = await openPage(browser, server);
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
    await showSelectionIn(browser);
    await expect.poll(() => cardState(page)).not.toBeNull();
    expect((await cardState(page))!.id).toBe(constitutionalCourt.id);
    await page.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();

    // The same inside a form field (never highlighted, but the shortcut still works).
    await expectShortcutInField(page);
    await page.close();
  });
});

/** The open card's geometry: the card, its footer's buttons and the viewport. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface CardLayout {
  card: Box;
  viewport: { w: number; h: number };
  footer: (Box & { cls: string })[];
}

async function cardLayout(page: TestPage): Promise<CardLayout> {
  return page.evaluate(() => {
    const root = document.querySelector('atazan-card')!.shadowRoot!;
    const box = (el: Element) => {
      const b = el.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    return {
      card: box(root.querySelector('.atz-card')!),
      viewport: { w: innerWidth, h: innerHeight },
      footer: [...root.querySelectorAll('.atz-actions button')].map((b) => ({
        ...box(b),
        cls: b.className,
      })),
    };
  });
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

/** The focused element inside the card (its class), or what has the page's focus outside it. */
async function focusState(page: TestPage): Promise<{ inCard: boolean; cls: string; id: string }> {
  return page.evaluate(() => {
    const host = document.querySelector('atazan-card');
    const active = document.activeElement;
    if (host && active === host) {
      const inner = host.shadowRoot!.activeElement;
      return { inCard: true, cls: inner?.className ?? '', id: '' };
    }
    return { inCard: false, cls: active?.className ?? '', id: active?.id ?? '' };
  });
}

describe.each(BROWSERS)('%s: the compact card', (name) => {
  const { browser, server } = useExtension(name, { '/card.html': page1 });
  let court: StoredEntry;

  beforeAll(async () => {
    court = await bundledEntry(browser, 'Конституционный Суд');
  });

  /** Click inside the card's shadow root (the pointer stays on the term, so the card stays). */
  const clickInCard = (page: TestPage, selector: string, index = 0): Promise<void> =>
    page.evaluate(
      ({ selector, index }) => {
        const el = document
          .querySelector('atazan-card')!
          .shadowRoot!.querySelectorAll<HTMLElement>(selector)[index];
        if (!el) throw new Error(`no ${selector}`);
        el.click();
      },
      { selector, index },
    );

  test('the footer actions are in view at the default size, with every citation unfolded too', async () => {
    const page = await openPage(browser, server);
    await hoverTerm(page, '#ru', 'Конституционного Суда');
    const folded = await cardLayout(page);
    expect(folded.footer.map((b) => b.cls)).toEqual([
      'atz-copy-equivalent',
      'atz-copy',
      'atz-toggle',
      'atz-open',
      'atz-mute',
    ]);
    const viewport = { left: 0, top: 0, right: folded.viewport.w, bottom: folded.viewport.h };
    for (const b of folded.footer) {
      expect(inside(b, folded.card), b.cls).toBe(true);
      expect(inside(b, viewport), b.cls).toBe(true);
    }
    // Each citation is one line until asked for: code or edition and the article.
    const lines = await page.evaluate(() =>
      [...document.querySelector('atazan-card')!.shadowRoot!.querySelectorAll('.atz-cite')].map(
        (s) => ({ text: s.textContent, height: s.getBoundingClientRect().height }),
      ),
    );
    expect(lines.length).toBe(court.citations.length);
    for (const l of lines) {
      expect(l.text).toMatch(/art\. \d/);
      expect(l.height).toBeLessThan(24);
    }
    // Unfold them all: the body scrolls, the footer stays where it was.
    for (let i = 0; i < lines.length; i++) await clickInCard(page, '.atz-cite', i);
    const open = await cardLayout(page);
    expect(open.card.bottom - open.card.top).toBeLessThanOrEqual(421);
    for (const b of open.footer) {
      expect(inside(b, open.card), b.cls).toBe(true);
      expect(inside(b, viewport), b.cls).toBe(true);
    }
    const scrolls = await page.evaluate(() => {
      const body = document.querySelector('atazan-card')!.shadowRoot!.querySelector('.atz-body')!;
      return body.scrollHeight > body.clientHeight;
    });
    expect(scrolls).toBe(true);
    await page.close();
  });

  test('"mute this term" on the card: its highlights go at once, the others stay; unmuted, they come back', async () => {
    const page = await openPage(browser, server);
    const courtTexts = async () =>
      (await allHighlighted(page)).filter((t) =>
        /конституционн\S*\s+суд|конституциялық\s+сот/i.test(t),
      );
    expect((await courtTexts()).length).toBeGreaterThan(0);
    const others = (await allHighlighted(page)).length - (await courtTexts()).length;
    await hoverTerm(page, '#ru', 'Конституционного Суда');
    await clickInCard(page, '.atz-mute');
    await expect.poll(() => cardState(page)).toBeNull();
    await expect.poll(async () => (await courtTexts()).length).toBe(0);
    expect((await allHighlighted(page)).length).toBeGreaterThanOrEqual(others);
    const muted = (await browser.send({ type: 'settings/get' })) as { mutedIds: string[] };
    expect(muted.mutedIds).toContain(court.id);
    await browser.send({ type: 'settings/set', patch: { mutedIds: [] } });
    await expect.poll(async () => (await courtTexts()).length).toBeGreaterThan(0);
    await page.close();
  });

  test('copy the equivalent alone, or one quote', async () => {
    const page = await openPage(browser, server);
    await page.bringToFront();
    await hoverTerm(page, '#ru', 'Конституционного Суда');
    const statusText = () =>
      page.evaluate(
        () =>
          document.querySelector('atazan-card')!.shadowRoot!.querySelector('.atz-status-line')!
            .textContent,
      );
    await clickInCard(page, '.atz-copy-equivalent');
    await expect.poll(statusText).toBe('Copied');
    const label = () =>
      page.evaluate(
        () =>
          document.querySelector('atazan-card')!.shadowRoot!.querySelector('.atz-copy-equivalent')!
            .textContent,
      );
    expect(await label()).toBe('Copied');
    if (name === 'chromium') {
      // What the clipboard holds, pasted into a field of the page.
      expect(await pasted(page)).toBe(court.kk.term);
      await hoverTerm(page, '#ru', 'Конституционного Суда');
    }
    await clickInCard(page, '.atz-cite', 0);
    await clickInCard(page, '.atz-copy-quote', 0);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('atazan-card')!.shadowRoot!.querySelector('.atz-copy-quote')!
              .textContent,
        ),
      )
      .toBe('Copied');
    if (name === 'chromium') {
      const quote = await pasted(page);
      expect(quote.startsWith(`«${court.citations[0]!.quote.ru}»`)).toBe(true);
    }
    await page.close();
  });

  /** Paste the clipboard into the page's field (Chromium: the headless clipboard is real). */
  async function pasted(page: TestPage): Promise<string> {
    await page.evaluate(() => {
      const f = document.getElementById('field') as HTMLInputElement;
      f.value = '';
      f.focus();
    });
    await page.press('Control+V');
    const value = (await page.value('#field')) ?? '';
    await page.evaluate(() => {
      (document.getElementById('field') as HTMLInputElement).value = 'Жалоба в Конституционный Суд';
    });
    return value;
  }

  test('each citation links to its act on the official database in the card’s language', async () => {
    const page = await openPage(browser, server);
    for (const [selector, text, lang] of [
      ['#ru', 'Конституционного Суда', 'ru'],
      ['#kk', 'Конституциялық Соттың', 'kk'],
    ] as const) {
      await page.press('Escape');
      await hoverTerm(page, selector, text);
      const links = await page.evaluate(() =>
        [
          ...document.querySelector('atazan-card')!.shadowRoot!.querySelectorAll('a.atz-source'),
        ].map((a) => a.getAttribute('href') ?? ''),
      );
      expect(links).toEqual(court.citations.map((c) => officialLink(c, lang).url));
      for (const url of links) expect(url).toContain(lang === 'kk' ? '/kaz' : '/rus');
    }
    await page.close();
  });

  test('the shortcut moves the focus into the card; Tab cycles inside it; Escape returns the focus', async () => {
    const page = await openPage(browser, server);
    await page.bringToFront();
    await page.focus('#field');
    await page.evaluate(() =>
      (document.getElementById('field') as HTMLInputElement).setSelectionRange(9, 28),
    );
    await showSelectionIn(browser);
    await expect.poll(() => cardState(page)).not.toBeNull();
    // The dialog itself has the focus, labelled by the term and its equivalent.
    await expect.poll(() => focusState(page)).toMatchObject({ inCard: true, cls: 'atz-card' });
    const dialog = await page.evaluate(() => {
      const root = document.querySelector('atazan-card')!.shadowRoot!;
      const card = root.querySelector('.atz-card')!;
      const text = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .map((id) => root.getElementById(id)?.textContent ?? '')
          .join(' ');
      return {
        role: card.getAttribute('role'),
        label: text(card.getAttribute('aria-labelledby')),
        description: text(card.getAttribute('aria-describedby')),
      };
    });
    expect(dialog.role).toBe('dialog');
    expect(dialog.label).toContain(court.ru.term);
    expect(dialog.label).toContain(court.kk.term);
    expect(dialog.description).toBe(court.ru.definition);

    // Tab goes through the controls and comes back to the first; it never reaches the page.
    const controls = await page.evaluate(
      () =>
        [
          ...document
            .querySelector('atazan-card')!
            .shadowRoot!.querySelectorAll('summary, a[href], button'),
        ].filter((el) => el.getClientRects().length > 0).length,
    );
    const seen: string[] = [];
    for (let i = 0; i <= controls; i++) {
      await page.press('Tab');
      const f = await focusState(page);
      expect(f.inCard, `Tab ${i + 1}`).toBe(true);
      seen.push(f.cls);
    }
    expect(seen[0]).toBe('atz-cite');
    expect(seen).toContain('atz-copy-equivalent');
    expect(seen).toContain('atz-close');
    expect(seen.at(-1)).toBe(seen[0]);
    // Shift+Tab on the first control goes round to the last.
    await page.evaluate(() => {
      const root = document.querySelector('atazan-card')!.shadowRoot!;
      const first = root.querySelector<HTMLElement>('summary')!;
      first.focus();
      first.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true }),
      );
    });
    expect((await focusState(page)).cls).toBe('atz-close');
    // The pointer moving away does not close a card the keyboard is in.
    await page.mouseMove(5, 590, 3);
    await page.wait(600);
    expect(await cardState(page)).not.toBeNull();

    await page.press('Escape');
    await expect.poll(() => cardState(page)).toBeNull();
    expect(await focusState(page)).toMatchObject({ inCard: false, id: 'field' });
    await page.close();
  });

  test('a hovered card does not take the focus', async () => {
    const page = await openPage(browser, server);
    await page.bringToFront();
    await page.focus('#field');
    await hoverTerm(page, '#ru', 'Конституционного Суда');
    await page.wait(200);
    expect(await focusState(page)).toMatchObject({ inCard: false, id: 'field' });
    await page.close();
  });

  test('"read the whole article" opens the reader at the cited article, from a Russian and a Kazakh card', async () => {
    const cited = court.citations.find((c) => c.code === undefined)!;
    const index = court.citations.indexOf(cited);
    const readButton = court.citations.slice(0, index).filter((c) => c.code === undefined).length;
    const page = await openPage(browser, server);
    for (const [selector, text] of [
      ['#ru', 'Конституционного Суда'],
      ['#kk', 'Конституциялық Соттың'],
    ] as const) {
      await page.press('Escape');
      await hoverTerm(page, selector, text);
      await clickInCard(page, '.atz-cite', index);
      await clickInCard(page, '.atz-read', readButton);
      const expected = browser.extensionUrl(
        `constitution.html?edition=${cited.edition}&article=${cited.article}${cited.clause ? `&clause=${cited.clause}` : ''}`,
      );
      await expect.poll(() => readerTabs(browser)).toContain(expected);
      await closeReaderTabs(browser);
    }
    // That address opens the reader at the article, both languages side by side.
    const reader = await browser.openExtensionPage(
      `constitution.html?edition=${cited.edition}&article=${cited.article}${cited.clause ? `&clause=${cited.clause}` : ''}`,
    );
    await expect
      .poll(() => reader.attrs('.reader-target', 'data-article'), { timeout: 10_000 })
      .toEqual([cited.article]);
    const row = cited.clause
      ? `#article-${cited.article}-${cited.clause}`
      : `#article-${cited.article} .reader-clause`;
    expect(await reader.text(`${row} [lang=kk]`)).toContain(cited.quote.kk);
    expect(await reader.text(`${row} [lang=ru]`)).toContain(cited.quote.ru);
    await reader.close();
    await page.close();
  });
});

/** What the `show-card` command does in the background (entrypoints/background/broadcast.ts): tell the active tab. */
async function showSelectionIn(browser: ExtensionBrowser): Promise<void> {
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

interface ReaderTabs {
  query(q: object): Promise<{ id?: number; url?: string }[]>;
  remove(ids: number[]): Promise<void>;
}

/** The addresses of the open reader tabs; with `close`, those tabs are closed too. */
function readerTabs(browser: ExtensionBrowser, close = false): Promise<string[]> {
  return browser.inExtension(async (close) => {
    const c = (
      globalThis as unknown as {
        chrome: { tabs: ReaderTabs; runtime: { getURL(p: string): string } };
      }
    ).chrome;
    const prefix = c.runtime.getURL('/constitution.html');
    const tabs = (await c.tabs.query({})).filter((t) => t.url?.startsWith(prefix));
    if (close && tabs.length) await c.tabs.remove(tabs.map((t) => t.id!));
    return tabs.map((t) => t.url!);
  }, close);
}

const closeReaderTabs = (browser: ExtensionBrowser): Promise<string[]> => readerTabs(browser, true);
