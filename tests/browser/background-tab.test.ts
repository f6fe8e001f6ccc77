/**
 * A tab in the background (document hidden: no frames, so no
 * IntersectionObserver reports) in Chromium and Firefox with the built
 * extension: a personal entry saved elsewhere is in its highlights while it is
 * still hidden, and a long page's terms in view are registered for the first
 * frame after the tab is shown, not a frame later (entrypoints/content/highlight.ts).
 *
 * Both browsers through puppeteer-core here: under Playwright (the shared
 * driver's Chromium) every page stays visible and renders, whichever tab is in
 * front, so a hidden document cannot be had there; puppeteer's tabs hide as a
 * browser's do.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSERS, EXTENSION_DIRS, firefoxLaunch, type BrowserName } from './driver';
import { CHROMIUM, servePages, type PageServer } from './harness';
import { clause, constitution, escapeHtml } from './highlight-pages';
import { testEntry } from '../support/entries';

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');

const SHORT = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Термин</title></head><body>
<p>${escapeHtml(clause(ru, '76', '1'))}</p>
<p>Новый термин: эстоппель. Эстоппеля нет. Кеше эстоппельді көрдік.</p>
</body></html>`;

/** Far more terms than a hidden tab registers before it is shown. */
const PARAGRAPHS = 2400;
/** Where the reader looks: past what the budget covers (every paragraph holds terms). */
const FAR = 2200;
const source = [clause(ru, '72', '7'), clause(kk, '72', '7'), clause(ru, '76', '1')];
const LONG = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Длинный</title></head><body>
${Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">${escapeHtml(source[i % source.length]!)}</p>`).join('\n')}
</body></html>`;

/** The browser with the built extension, and a way to run code in one of its pages. */
interface Launched {
  browser: Browser;
  /** Open one of the extension's pages in a new tab (which comes to the front). */
  extensionPage(path: string): Promise<Page>;
}

async function launchWith(name: BrowserName): Promise<Launched> {
  if (name === 'chromium') {
    const dir = EXTENSION_DIRS.chromium;
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--no-sandbox', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    return {
      browser,
      async extensionPage(path) {
        const page = await browser.newPage();
        await page.goto(`${origin}/${path}`);
        return page;
      },
    };
  }
  // As the shared driver does: the add-on's uuid chosen before the install.
  const uuid = randomUUID();
  const browser = await puppeteer.launch(firefoxLaunch(uuid));
  await browser.installExtension(EXTENSION_DIRS.firefox);
  return {
    browser,
    async extensionPage(path) {
      const page = await browser.newPage();
      // puppeteer's goto waits for events Firefox does not send for moz-extension:// pages.
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> };
      };
      await frame.browsingContext.navigate(`moz-extension://${uuid}/${path}`, 'complete');
      return page;
    },
  };
}

const KINDS = ['atazan-exact', 'atazan-approximate', 'atazan-personal'];

describe.each(BROWSERS)('%s', (name) => {
  let launched: Launched;
  let server: PageServer;

  beforeAll(async () => {
    launched = await launchWith(name);
    server = await servePages({ '/short.html': SHORT, '/long.html': LONG });
  });
  afterAll(async () => {
    await launched?.browser.close();
    await server?.close();
  });

  const visibility = (page: Page) => page.evaluate(() => document.visibilityState);
  const painted = (page: Page) =>
    page.evaluate(
      (kinds) => kinds.reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0),
      KINDS,
    );
  const personal = (page: Page) =>
    page.evaluate(() =>
      [...(CSS.highlights.get('atazan-personal') ?? [])].map((r) =>
        (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
      ),
    );

  test('a personal entry saved elsewhere is in a hidden tab’s highlights before it is shown', async () => {
    const page = await launched.browser.newPage();
    await page.goto(`${server.url}/short.html`, { waitUntil: 'load' });
    // The first page of a fresh profile waits for the glossary to be stored.
    await expect.poll(() => painted(page), { timeout: 30_000 }).toBeGreaterThan(0);
    // The options page (any extension page) in front: the page's tab is hidden.
    const helper = await launched.extensionPage('popup.html');
    expect(await visibility(page)).toBe('hidden');
    const saved = (await helper.evaluate(
      (msg) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage(msg),
      {
        type: 'entry/save',
        entry: testEntry('', 'эстоппель', 'эстоппель'),
      },
    )) as { id: string };
    expect(saved.id).toMatch(/^p-/);
    await expect
      .poll(async () => (await personal(page)).map((t) => t.toLowerCase()))
      .toEqual(['эстоппель', 'эстоппеля', 'эстоппельді']);
    expect(await visibility(page)).toBe('hidden');
    await helper.close();
    await page.close();
  });

  test('a long page loaded in the background shows the terms in view in the first frame after it is shown', async () => {
    const page = await launched.browser.newPage();
    const front = await launched.browser.newPage();
    await page.goto(`${server.url}/long.html`, { waitUntil: 'load' });
    expect(await visibility(page)).toBe('hidden');
    // The scan is done (its mark is readable from the page's world).
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('atazan-scan-done').length), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    /** Ranges registered in paragraph #p<i>. */
    const inParagraph = (i: number) =>
      page.evaluate(
        (id, kinds) => {
          const p = document.getElementById(id)!;
          let n = 0;
          for (const k of kinds) {
            for (const r of CSS.highlights.get(k) ?? []) if (p.contains(r.startContainer)) n++;
          }
          return n;
        },
        `p${i}`,
        KINDS,
      );
    // The top of the page is registered while hidden; far down waits (the hidden tab's budget).
    expect(await inParagraph(0)).toBeGreaterThan(0);
    // Chromium leaves it for the tab's showing. Firefox registered the whole page
    // while hidden here (its observer reported the blocks all the same), so there
    // the test checks only what the reader sees.
    if (name === 'chromium') expect(await inParagraph(FAR)).toBe(0);
    // The reader will see a place far down the page.
    await page.evaluate(
      (id, kinds) => {
        document.getElementById(id)!.scrollIntoView({ block: 'start' });
        const w = window as unknown as { firstFrame: Promise<number> };
        w.firstFrame = new Promise((resolve) => {
          const onShown = () => {
            if (document.visibilityState !== 'visible') return;
            document.removeEventListener('visibilitychange', onShown);
            // The first frame's animation callbacks run before it paints.
            requestAnimationFrame(() => {
              let n = 0;
              for (const k of kinds) {
                for (const r of CSS.highlights.get(k) ?? []) {
                  const box = r.startContainer.parentElement!.getBoundingClientRect();
                  if (box.bottom > 0 && box.top < innerHeight) n++;
                }
              }
              resolve(n);
            });
          };
          document.addEventListener('visibilitychange', onShown);
        });
      },
      `p${FAR}`,
      KINDS,
    );
    await page.bringToFront();
    const inView = await page.evaluate(
      () => (window as unknown as { firstFrame: Promise<number> }).firstFrame,
    );
    expect(inView).toBeGreaterThan(0);
    expect(await inParagraph(FAR)).toBeGreaterThan(0);
    await front.close();
    await page.close();
  });
});
