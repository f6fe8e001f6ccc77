/**
 * Calm reading, in Chromium and Firefox with the built extension: the
 * highlight modes paint every occurrence, the first per section, or nothing
 * (while the card still opens on hover), and switch without reading the page
 * again; muted terms lose their highlights and their card and get them back
 * when unmuted, from the settings or the options page's list (with undo); a
 * term inside a web component's open shadow root is highlighted and hoverable.
 * Also measures highlights per 100 words on three real legal texts in each
 * mode (printed; docs/extension.md explains the default chosen from them).
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { StoredEntry } from '../../lib/protocol';
import type { HighlightMode, Settings } from '../../lib/settings';
import { BROWSERS, type TestPage } from './driver';
import {
  cardState,
  clause,
  codeConcepts,
  constitution,
  constitutionArticles,
  escapeHtml,
  highlightTexts,
  hoverAt,
  hoverText,
  lawPage,
  paintedCount,
  settledCount,
  shadowTextCenter,
  wordCount,
} from './highlight-pages';
import { bundledEntry, useExtension } from './setup';

const ru = constitution('2026.ru');
const upk = codeConcepts('criminal-procedure', 'ru');

const PAGES: Record<string, string> = {
  '/constitution-ru.html': lawPage(
    'Конституция Республики Казахстан',
    'ru',
    constitutionArticles('2026.ru', 1, 40),
  ),
  '/constitution-kk.html': lawPage(
    'Қазақстан Республикасының Конституциясы',
    'kk',
    constitutionArticles('2026.kk', 1, 40),
  ),
  '/upk-concepts.html': lawPage(upk.title, 'ru', upk.articles),
  // A short page with a known term to hover, in two sections.
  '/modes.html': `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;font-size:20px">
<section><h2>Первый раздел</h2>
<p id="probe">${escapeHtml(clause(ru, '72', '7'))}</p>
<p>${escapeHtml(clause(ru, '72', '7'))}</p></section>
<section><h2>Второй раздел</h2>
<p>${escapeHtml(clause(ru, '72', '7'))}</p></section>
</body></html>`,
  // A web component: its text lives in an open shadow root (defined before the content script runs).
  '/component.html': `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;font-size:20px">
<p id="light">Обычный текст без терминов.</p>
<law-note id="note"></law-note>
<script>
customElements.define('law-note', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><p id="inner">Жалоба подана в Конституционный Суд вчера.</p></div>';
  }
});
</script>
</body></html>`,
};

const MODES: HighlightMode[] = ['all', 'first', 'hover'];

describe.each(BROWSERS)('%s', (name) => {
  const { browser, server } = useExtension(name, PAGES);
  let court: StoredEntry;
  const send = (msg: unknown): Promise<unknown> => browser.send(msg);
  const setSettings = (patch: Partial<Settings>): Promise<unknown> =>
    send({ type: 'settings/set', patch });

  beforeAll(async () => {
    court = await bundledEntry(browser, 'Конституционный Суд');
  });
  afterEach(async () => {
    await setSettings({ highlightMode: 'all', highlightLook: 'background', mutedIds: [] });
  });

  async function open(path: string): Promise<TestPage> {
    const page = await browser.newPage();
    await page.setViewport(900, 700);
    await page.goto(`${server.url}${path}`);
    await expect.poll(() => paintedCount(page), { timeout: 8000 }).toBeGreaterThan(0);
    return page;
  }

  const courtTexts = async (page: TestPage): Promise<string[]> =>
    Object.values(await highlightTexts(page))
      .flat()
      .filter((t) => /^конституционн\S* суд/i.test(t));

  test('all paints more than first, hover paints nothing; switching reads nothing again', async () => {
    const page = await open('/modes.html');
    const scans = () =>
      page.evaluate(() => performance.getEntriesByName('atazan-scan-done').length);
    const all = await settledCount(page);
    const scansBefore = await scans();
    // The same clause three times, in two sections: the court's entry painted thrice, then twice.
    expect(await courtTexts(page)).toHaveLength(3);

    await setSettings({ highlightMode: 'first' });
    await expect.poll(() => courtTexts(page)).toHaveLength(2);
    const first = await settledCount(page);
    expect(first).toBeLessThan(all);
    expect(first).toBeGreaterThan(0);

    await setSettings({ highlightMode: 'hover' });
    await expect.poll(() => paintedCount(page)).toBe(0);
    // Nothing painted, yet the card opens on the term.
    await hoverText(page, '#probe', 'Конституционного Суда');
    await expect.poll(() => cardState(page)).not.toBeNull();
    expect((await cardState(page))!.id).toBe(court.id);
    await page.press('Escape');

    await setSettings({ highlightMode: 'all' });
    await expect.poll(() => paintedCount(page)).toBe(all);
    // Every switch repainted from the spans already found.
    expect(await scans()).toBe(scansBefore);

    // The look: the rule for a kind draws a background, or only an underline.
    const rule = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets
          .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
          .filter((t) => t.includes('atazan-exact'))
          .join('\n'),
      );
    expect(await rule()).toContain('background-color');
    await setSettings({ highlightLook: 'dotted' });
    await expect.poll(rule).toContain('dotted');
    expect(await rule()).not.toContain('background-color');
    await page.close();
  });

  test('a muted term loses its highlights and its card, and gets both back when unmuted', async () => {
    const page = await open('/modes.html');
    const all = await settledCount(page);
    await setSettings({ mutedIds: [court.id] });
    await expect.poll(() => courtTexts(page)).toHaveLength(0);
    expect(await paintedCount(page)).toBe(all - 3);
    await hoverText(page, '#probe', 'Конституционного Суда');
    await page.wait(800);
    expect(await cardState(page)).toBeNull();

    await setSettings({ mutedIds: [] });
    await expect.poll(() => courtTexts(page)).toHaveLength(3);
    expect(await paintedCount(page)).toBe(all);
    await page.close();
  });

  test('the options page lists a muted term by its Kazakh and Russian terms; unmute and undo work', async () => {
    const page = await open('/modes.html');
    await setSettings({ mutedIds: [court.id] });
    await expect.poll(() => courtTexts(page)).toHaveLength(0);

    const options = await browser.openExtensionPage('options.html');
    const row = `li[data-entry-id="${court.id}"]`;
    await expect.poll(() => options.text(row)).toContain(court.kk.term);
    expect(await options.text(row)).toContain(court.ru.term);

    await options.click(`${row} button[name="unmute"]`);
    await expect.poll(() => options.count(row)).toBe(0);
    expect(((await send({ type: 'settings/get' })) as Settings).mutedIds).toEqual([]);
    await page.bringToFront();
    await expect.poll(() => courtTexts(page)).toHaveLength(3);

    await options.bringToFront();
    await options.click('button[name="undo-unmute"]');
    await expect.poll(() => options.count(row)).toBe(1);
    expect(((await send({ type: 'settings/get' })) as Settings).mutedIds).toEqual([court.id]);
    await page.bringToFront();
    await expect.poll(() => courtTexts(page)).toHaveLength(0);
    await options.close();
    await page.close();
  });

  test('the options page and the popup choose the mode; the options page the look', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.count('select[name="highlight-mode"]')).toBe(1);
    expect(await options.value('select[name="highlight-mode"]')).toBe('all');
    await options.evaluate(() => {
      for (const [name, value] of [
        ['highlight-mode', 'first'],
        ['highlight-look', 'dotted'],
      ]) {
        const sel = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
        sel.value = value!;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await expect
      .poll(async () => {
        const s = (await send({ type: 'settings/get' })) as Settings;
        return [s.highlightMode, s.highlightLook];
      })
      .toEqual(['first', 'dotted']);
    await options.close();

    const popup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => popup.value('select[name="highlight-mode"]')).toBe('first');
    await popup.evaluate(() => {
      const sel = document.querySelector<HTMLSelectElement>('select[name="highlight-mode"]')!;
      sel.value = 'hover';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect
      .poll(async () => ((await send({ type: 'settings/get' })) as Settings).highlightMode)
      .toBe('hover');
    await popup.close();
  });

  test('a term inside a web component’s open shadow root is highlighted and hoverable', async () => {
    const page = await open('/component.html');
    const inShadow = await page.evaluate(() => {
      const h = CSS.highlights.get('atazan-exact');
      return h
        ? [...h]
            .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
            .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))
        : [];
    });
    expect(inShadow.map((t) => t.toLowerCase())).toContain('конституционный суд');
    // The highlight rules reach into the shadow root: the same sheet adopted there.
    expect(
      await page.evaluate(() =>
        document
          .querySelector('law-note')!
          .shadowRoot!.adoptedStyleSheets.some((s) =>
            [...s.cssRules].some((r) => r.cssText.includes('atazan-exact')),
          ),
      ),
    ).toBe(true);
    await hoverAt(page, await shadowTextCenter(page, '#note', 'Конституционный Суд'));
    await expect.poll(() => cardState(page)).not.toBeNull();
    expect((await cardState(page))!.id).toBe(court.id);
    // A change inside the shadow root is read again.
    await page.evaluate(() => {
      const p = document.querySelector('law-note')!.shadowRoot!.getElementById('inner')!;
      p.append(' Решение Конституционного Суда окончательно.');
    });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            [...(CSS.highlights.get('atazan-exact') ?? [])].filter(
              (r) => r.startContainer.getRootNode() instanceof ShadowRoot,
            ).length,
        ),
      )
      .toBeGreaterThan(inShadow.length);
    await page.close();
  });

  test('highlights per 100 words on three legal texts, in each mode', async () => {
    const rows: string[] = [];
    for (const path of ['/constitution-ru.html', '/constitution-kk.html', '/upk-concepts.html']) {
      const page = await open(path);
      const words = await wordCount(page);
      const per100: Record<string, number> = {};
      for (const mode of MODES) {
        await setSettings({ highlightMode: mode });
        if (mode === 'hover') await expect.poll(() => paintedCount(page)).toBe(0);
        else await page.wait(300);
        per100[mode] = Math.round(((await settledCount(page)) / words) * 1000) / 10;
      }
      rows.push(
        `${name} ${path}: ${words} words; ${MODES.map((m) => `${m} ${per100[m]}`).join(', ')}`,
      );
      expect(per100.all).toBeGreaterThan(per100.first!);
      expect(per100.first).toBeGreaterThan(0);
      expect(per100.hover).toBe(0);
      await setSettings({ highlightMode: 'all' });
      await page.close();
    }
    console.log(`Highlights per 100 words:\n${rows.join('\n')}`);
  });
});
