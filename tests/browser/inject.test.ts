/**
 * Tabs open before Ata Zan is installed or updated (entrypoints/background/inject.ts):
 * a served legal page is open first, then the extension is installed into the
 * running browser, then installed again over itself (an update); the tab gets
 * highlights each time without a reload, and the copy orphaned by the update
 * leaves neither dead highlights nor its "reload the page" note behind.
 *
 * The shared driver installs the extension at launch, so this file starts each
 * browser without it: Chromium through playwright-core with CDP's
 * Extensions.loadUnpacked (it needs the pipe Playwright speaks over and
 * --enable-unsafe-extension-debugging), Firefox through puppeteer-core's
 * WebDriver BiDi install of a temporary add-on. (Firefox itself runs an add-on's
 * content scripts in matching tabs already open at install, so there the test
 * checks the outcome a reader sees, not inject.ts alone; Chromium does not.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { BROWSERS, EXTENSION_DIRS, FIREFOX, type BrowserName } from './driver';
import { CHROMIUM, QUIET_CHROMIUM, servePages, type PageServer } from './harness';
import { clause, constitution, escapeHtml } from './highlight-pages';

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');
const LAW = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Закон</title></head><body>
${['76', '72', '75'].map((a) => `<p>${escapeHtml(clause(ru, a, '1'))}</p><p>${escapeHtml(clause(kk, a, '1'))}</p>`).join('\n')}
</body></html>`;

/** What the test needs of a running browser: one tab, and a way to (re)install the extension. */
interface Bare {
  /** Runs in the tab's main world. */
  evaluate<R>(fn: () => R): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Install the built extension (again: as an update). */
  install(): Promise<void>;
  close(): Promise<void>;
}

async function bareChromium(url: string): Promise<Bare> {
  const profile = mkdtempSync(join(tmpdir(), 'atazan-inject-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--enable-unsafe-extension-debugging', ...QUIET_CHROMIUM],
  });
  const page = await context.newPage();
  await page.goto(url);
  const cdp = await context.browser()!.newBrowserCDPSession();
  return {
    evaluate: (fn) => page.evaluate(fn),
    mouseMove: (x, y) => page.mouse.move(x, y),
    async install() {
      await cdp.send('Extensions.loadUnpacked', { path: EXTENSION_DIRS.chromium });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function bareFirefox(url: string): Promise<Bare> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    headless: true,
    executablePath: FIREFOX,
  });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return {
    evaluate: (fn) => page.evaluate(fn) as Promise<never>,
    mouseMove: (x, y) => page.mouse.move(x, y),
    async install() {
      await browser.installExtension(EXTENSION_DIRS.firefox);
    },
    close: () => browser.close(),
  };
}

/** Ranges in our highlights, as the page's registry holds them. */
const highlighted = (): number =>
  ['atazan-exact', 'atazan-approximate', 'atazan-personal'].reduce(
    (n, k) => n + (CSS.highlights.get(k)?.size ?? 0),
    0,
  );

describe.each(BROWSERS)('%s', (name: BrowserName) => {
  let server: PageServer;
  let tab: Bare;

  beforeAll(async () => {
    server = await servePages({ '/law.html': LAW });
    const url = `${server.url}/law.html`;
    tab = name === 'chromium' ? await bareChromium(url) : await bareFirefox(url);
  });
  afterAll(async () => {
    await tab?.close();
    await server?.close();
  });

  let painted = 0;

  test('a tab open before the install is highlighted without a reload', async () => {
    await tab.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    expect(await tab.evaluate(highlighted)).toBe(0);
    await tab.install();
    await expect.poll(() => tab.evaluate(highlighted), { timeout: 30_000 }).toBeGreaterThan(10);
    // The whole page, once (the manifest's copy does not come as well: the document is not reloaded).
    await tab.evaluate(() => new Promise((ok) => setTimeout(ok, 1500)));
    painted = await tab.evaluate(highlighted);
    expect(await tab.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test(
    'after an update the tab is highlighted by the new copy, and the old one says nothing',
    { timeout: 90_000 },
    async () => {
      expect(painted).toBeGreaterThan(10);
      // The first copy's highlight, as the page sees it: a new copy registers its own.
      await tab.evaluate(() => {
        const w = window as unknown as { before?: unknown };
        w.before = CSS.highlights.get('atazan-exact');
      });
      await tab.install();
      // The old copy notices within its runtime check and takes its highlights away;
      // the new copy, injected meanwhile, has its own by then.
      await tab.evaluate(() => new Promise((ok) => setTimeout(ok, 5000)));
      await expect.poll(() => tab.evaluate(highlighted), { timeout: 30_000 }).toBe(painted);
      // No "reload the page" note at the next pointer move: a newer copy is at work.
      await tab.mouseMove(100, 100);
      await tab.mouseMove(120, 110);
      await tab.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
      expect(
        await tab.evaluate(
          () => document.querySelector('atazan-card')?.shadowRoot?.textContent ?? '',
        ),
      ).not.toContain('reload the page');
      expect(await tab.evaluate(highlighted)).toBe(painted);
      expect(
        await tab.evaluate(() => {
          const now = CSS.highlights.get('atazan-exact');
          return now !== undefined && now !== (window as unknown as { before?: unknown }).before;
        }),
      ).toBe(true);
      expect(await tab.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    },
  );
});
