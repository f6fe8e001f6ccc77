/**
 * The page's terms side panel, in Chromium and Firefox with the built
 * extension: its page (the manifest's side panel / sidebar, opened in a tab
 * with `?tab=`) lists the glossary terms painted on a served page with their
 * equivalents and counts, filters them, steps through a term's occurrences
 * (the page scrolls, the occurrence reached flashes), and exports the list;
 * the list follows the page's changes without polling it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { StoredEntry } from '../../lib/protocol';
import { BROWSERS, type TestPage } from './driver';
import {
  clause,
  constitution,
  escapeHtml,
  highlightTexts,
  paintedCount,
  settledCount,
} from './highlight-pages';
import { bundledEntry, useExtension } from './setup';

const ru = constitution('2026.ru');
const spacer = '<div style="height:1500px"></div>';
const page1 = `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;font-size:18px">
<section><h2>Первый раздел</h2><p>${escapeHtml(clause(ru, '72', '7'))}</p></section>
${spacer}
<section><h2>Второй раздел</h2><p>${escapeHtml(clause(ru, '72', '7'))}</p></section>
${spacer}
<section><h2>Третий раздел</h2><p>${escapeHtml(clause(ru, '72', '7'))}</p></section>
${spacer}
</body></html>`;

describe.each(BROWSERS)('%s', (name) => {
  const { browser, server } = useExtension(name, { '/terms.html': page1 });
  let court: StoredEntry;

  beforeAll(async () => {
    court = await bundledEntry(browser, 'Конституционный Суд');
  });

  /** The served page in a tab, painted, and the panel's page for that tab. */
  async function openBoth(): Promise<{ page: TestPage; panel: TestPage }> {
    const page = await browser.newPage();
    await page.setViewport(900, 600);
    await page.goto(`${server.url}/terms.html`);
    await expect.poll(() => paintedCount(page), { timeout: 8000 }).toBeGreaterThan(0);
    await settledCount(page);
    const tabId = await browser.inExtension(async (url) => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        }
      ).chrome;
      // By URL in code: match patterns with a port are not read alike everywhere.
      const tab = (await c.tabs.query({})).find((t) => t.url === url);
      return tab?.id ?? -1;
    }, `${server.url}/terms.html`);
    expect(tabId).toBeGreaterThanOrEqual(0);
    const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    return { page, panel };
  }

  const row = (id: string) => `tr[data-entry-id="${id}"]`;

  test('the manifest declares the panel', () => {
    if (name === 'chromium') {
      expect(browser.manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(browser.manifest.permissions).toContain('sidePanel');
      // The action still opens the popup.
      expect((browser.manifest.action as { default_popup: string }).default_popup).toBe(
        'popup.html',
      );
    } else {
      expect((browser.manifest.sidebar_action as { default_panel: string }).default_panel).toBe(
        'sidepanel.html',
      );
    }
  });

  test('lists the terms with equivalents and counts, filters them, and exports CSV', async () => {
    const { page, panel } = await openBoth();
    await expect.poll(() => panel.count(row(court.id)), { timeout: 8000 }).toBe(1);
    const painted = Object.values(await highlightTexts(page)).flat();
    const courtCount = painted.filter((t) => /^конституционн\S* суд/i.test(t)).length;
    expect(courtCount).toBe(3);
    expect(await panel.text(`${row(court.id)} .count`)).toBe('3');
    expect(await panel.text(`${row(court.id)} .equivalent`)).toBe(court.kk.term);
    // Every painted occurrence is counted once.
    const counts = (await panel.evaluate(() =>
      [...document.querySelectorAll('tr[data-entry-id] .count')].map((td) =>
        Number(td.textContent),
      ),
    )) as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(painted.length);
    // Sorted by count: the court's entry, found three times, leads.
    expect(await panel.attrs('tr[data-entry-id]', 'data-entry-id')).toHaveProperty('0', court.id);

    const rows = counts.length;
    await panel.fill('input[name="filter"]', court.kk.term);
    await expect.poll(() => panel.count('tr[data-entry-id]')).toBeLessThan(rows);
    expect(await panel.count(row(court.id))).toBe(1);
    const kept = await panel.evaluate(() =>
      [...document.querySelectorAll('tr[data-entry-id]')].map((tr) => tr.textContent ?? ''),
    );
    for (const text of kept) expect(text.toLowerCase()).toContain(court.kk.term.toLowerCase());

    // The export: capture the file the panel would download.
    await panel.evaluate(() => {
      const w = window as unknown as { exported: Promise<string>[] };
      w.exported = [];
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        w.exported.push((blob as Blob).text());
        return 'blob:captured';
      };
      HTMLAnchorElement.prototype.click = () => undefined;
    });
    await panel.click('button[name="export-csv"]');
    const csv = await panel.evaluate(async () => {
      const w = window as unknown as { exported: Promise<string>[] };
      return w.exported.length ? await w.exported[0]! : '';
    });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(court.id);
    expect(lines[1]).toContain(court.kk.term);
    expect(lines[1]).toContain(court.ru.term);
    await panel.click('button[name="export-tbx"]');
    const tbx = await panel.evaluate(async () => {
      const w = window as unknown as { exported: Promise<string>[] };
      return w.exported.length > 1 ? await w.exported[1]! : '';
    });
    expect(tbx).toContain('<tbx');
    expect(tbx).toContain(court.kk.term);
    await panel.close();
    await page.close();
  });

  test('next and previous scroll the page to each occurrence and flash it', async () => {
    const { page, panel } = await openBoth();
    await expect.poll(() => panel.count(row(court.id)), { timeout: 8000 }).toBe(1);
    const current = () =>
      page.evaluate(() => {
        const h = CSS.highlights.get('atazan-current');
        const r = h ? [...h][0] : undefined;
        if (!r) return null;
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return { text: x.toString(), top: x.getBoundingClientRect().top, scrollY: window.scrollY };
      });

    const seen: { text: string; scrollY: number }[] = [];
    for (const [button, position] of [
      ['next', '1'],
      ['next', '2'],
      ['next', '3'],
      ['prev', '2'],
    ] as const) {
      const before = seen.at(-1)?.scrollY ?? -1;
      await panel.click(`${row(court.id)} button[name="${button}"]`);
      await expect
        .poll(() => panel.text(`${row(court.id)} .position`))
        .toMatch(new RegExp(`^${position}\\D.*3$`));
      // The flash of the occurrence reached (polled: the tab answers before its page has scrolled).
      await expect.poll(async () => ((await current())?.scrollY ?? before) !== before).toBe(true);
      const now = (await current())!;
      expect(now.text.toLowerCase()).toMatch(/^конституционн\S* суд/);
      // In view.
      expect(now.top).toBeGreaterThanOrEqual(0);
      expect(now.top).toBeLessThan(600);
      seen.push(now);
    }
    // Each step reached another place on the page; back to the second occurrence.
    expect(new Set(seen.slice(0, 3).map((s) => s.scrollY)).size).toBe(3);
    expect(seen[3]!.scrollY).toBe(seen[1]!.scrollY);
    expect(seen[3]!.text).toBe(seen[1]!.text);
    // The flash is short-lived.
    await expect.poll(current, { timeout: 6000 }).toBeNull();
    await panel.close();
    await page.close();
  });
  test('the list follows the page when its terms change, and asks the tab nothing in between', async () => {
    const { page, panel } = await openBoth();
    await expect.poll(() => panel.count(row(court.id)), { timeout: 8000 }).toBe(1);
    // Count what the panel asks the tab from now on.
    await panel.evaluate(() => {
      const w = window as unknown as { asked: number };
      w.asked = 0;
      const g = globalThis as unknown as Record<string, { tabs?: Record<string, unknown> }>;
      for (const api of new Set([g.browser, g.chrome])) {
        const tabs = api?.tabs;
        if (!tabs) continue;
        const send = tabs.sendMessage as (...a: unknown[]) => Promise<unknown>;
        tabs.sendMessage = (...a: unknown[]) => {
          w.asked++;
          return send.apply(tabs, a);
        };
      }
    });
    const asked = () => panel.evaluate(() => (window as unknown as { asked: number }).asked);
    const total = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll('tr[data-entry-id] .count')].reduce(
          (n, td) => n + Number(td.textContent),
          0,
        ),
      );
    const before = await total();
    // A quiet page: nothing asked.
    await panel.wait(2500);
    expect(await asked()).toBe(0);
    // Text added to the page: the list grows by its terms, after the tab said so.
    await page.evaluate(
      (text) => {
        const p = document.createElement('p');
        p.textContent = text;
        document.body.appendChild(p);
      },
      clause(ru, '72', '7'),
    );
    await expect.poll(total, { timeout: 8000 }).toBeGreaterThan(before);
    expect(await panel.text(`${row(court.id)} .count`)).toBe('4');
    expect(await asked()).toBeGreaterThan(0);
    // And quiet again once the page's rescan is over.
    await panel.wait(1000);
    const afterChange = await asked();
    await panel.wait(2500);
    expect(await asked()).toBe(afterChange);
    await panel.close();
    await page.close();
  });
});
