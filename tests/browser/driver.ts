/**
 * One interface over the two browsers the browser tests run in, so every
 * scenario is written once and run in each (`describe.each(BROWSERS)`):
 *
 * - Chromium: Debian's /usr/bin/chromium through playwright-core, the build in
 *   .output/chrome-mv3 loaded unpacked (harness.ts); pages at
 *   chrome-extension://<id>/, the background is a service worker.
 * - Firefox: Debian's /usr/bin/firefox-esr through puppeteer-core over WebDriver
 *   BiDi (no geckodriver), the build in .output/firefox-mv3 installed as a
 *   temporary add-on; pages at moz-extension://<uuid>/, where the uuid is one we
 *   choose before the install (the `extensions.webextensions.uuids` pref); the
 *   background is an event page (`background.scripts`).
 *
 * Everything that differs between the two lives here; the tests only see
 * `ExtensionBrowser` and `TestPage` (launched for a describe block by
 * `useExtension`, setup.ts). Set ATAZAN_BROWSERS=chromium or =firefox
 * to run one of them, FIREFOX_PATH to use another Firefox (140 or later).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import puppeteer, { type Page as PpPage } from 'puppeteer-core';
import { launchWithExtension as launchChromium } from './harness';

export type BrowserName = 'chromium' | 'firefox';

const ALL: readonly BrowserName[] = ['chromium', 'firefox'];

/** The browsers to run, from ATAZAN_BROWSERS (comma-separated), both by default. */
export const BROWSERS: BrowserName[] = (() => {
  const wanted = (process.env.ATAZAN_BROWSERS ?? ALL.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const w of wanted) {
    if (!ALL.includes(w as BrowserName)) {
      throw new Error(`ATAZAN_BROWSERS: unknown browser "${w}" (chromium, firefox)`);
    }
  }
  return wanted as BrowserName[];
})();

export const EXTENSION_DIRS: Readonly<Record<BrowserName, string>> = {
  chromium: resolve(import.meta.dirname, '../../.output/chrome-mv3'),
  firefox: resolve(import.meta.dirname, '../../.output/firefox-mv3'),
};

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The extension's gecko id (wxt.config.ts); Firefox keys the add-on's uuid by it. */
export const GECKO_ID = 'ata-zan@atazan.kz';

type PageFn<A, R> = (arg: A) => R | Promise<R>;

/** A tab, whichever the browser. Selectors are CSS; nothing waits unless it says so. */
export interface TestPage {
  /** Load a URL and wait for its load event (served pages and extension pages alike). */
  goto(url: string): Promise<void>;
  /** The document's URL, read from the page itself. */
  url(): Promise<string>;
  /** Run `fn` in the page's main world. */
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /** Run `fn` in the page's first frame whose URL ends with `urlEnd`; fails if there is none yet. */
  evaluateInFrame<R>(urlEnd: string, fn: () => R | Promise<R>): Promise<R>;
  /** Move the pointer to (x, y) in CSS pixels of the viewport, in `steps` moves. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  /** Press and release one key (`Escape`, `ArrowDown`, `Enter`…). */
  press(key: string): Promise<void>;
  /** Replace a form field's value as if typed. */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** Choose a file in an `<input type=file>`. */
  setInputFile(selector: string, path: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  wait(ms: number): Promise<void>;
  close(): Promise<void>;
  /** textContent of the first match, or null. */
  text(selector: string): Promise<string | null>;
  /** An attribute of every match, in document order. */
  attrs(selector: string, name: string): Promise<(string | null)[]>;
  /** The value of the first matching field, or null. */
  value(selector: string): Promise<string | null>;
  /** How many elements match (and contain `hasText`, if given). */
  count(selector: string, hasText?: string): Promise<number>;
  /** Wait until the first match's text matches `text` (for hooks, where expect.poll is not allowed). */
  waitForText(selector: string, text: RegExp, timeoutMs?: number): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** Chromium: 32 letters derived from the build's path; Firefox: the gecko id. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** The URL of one of the extension's files, e.g. extensionUrl('popup.html#x'). */
  extensionUrl(path: string): string;
  /** The built manifest that was loaded. */
  manifest: Record<string, unknown>;
  newPage(): Promise<TestPage>;
  /** A new tab showing one of the extension's pages, loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Run `fn` with the extension's privileges (chrome.tabs, chrome.runtime…): in
   * an extension page kept open for the purpose. What the background does on a
   * command (tabs.query, tabs.sendMessage) runs the same there.
   */
  inExtension<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /** A request to the background, as the popup sends it; resolves to the answer. */
  send(msg: unknown): Promise<unknown>;
  /** The background's URL: the service worker's script (Chromium) or the event page (Firefox). */
  backgroundUrl(): Promise<string>;
  close(): Promise<void>;
}

function readManifest(dir: string): Record<string, unknown> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    const cmd = dir.endsWith('firefox-mv3') ? 'npm run build:firefox' : 'npm run build';
    throw new Error(`No built extension in ${dir}: run \`${cmd}\` first.`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Runs in an extension page: a request to the background, as the popup sends it. */
function sendFromPage(msg: unknown): Promise<unknown> {
  return (
    globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
  ).chrome.runtime.sendMessage(msg);
}

export function launch(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromiumDriver() : launchFirefoxDriver();
}

/** What the two libraries' pages do alike, so that forwarding to them is written once. */
interface LibraryPage {
  focus(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** Helpers every page has, written once over `evaluate` and the library's page. */
abstract class BasePage<P extends LibraryPage> implements TestPage {
  constructor(readonly page: P) {}

  abstract goto(url: string): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  abstract evaluateInFrame<R>(urlEnd: string, fn: () => R | Promise<R>): Promise<R>;
  abstract mouseMove(x: number, y: number, steps?: number): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract fill(selector: string, value: string): Promise<void>;
  abstract click(selector: string): Promise<void>;
  abstract setInputFile(selector: string, path: string): Promise<void>;
  abstract setViewport(width: number, height: number): Promise<void>;

  focus(selector: string): Promise<void> {
    return this.page.focus(selector);
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  close(): Promise<void> {
    return this.page.close();
  }
  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }
  wait(ms: number): Promise<void> {
    return new Promise((ok) => setTimeout(ok, ms));
  }
  text(selector: string): Promise<string | null> {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }
  attrs(selector: string, name: string): Promise<(string | null)[]> {
    return this.evaluate(
      ({ selector, name }) =>
        [...document.querySelectorAll(selector)].map((e) => e.getAttribute(name)),
      { selector, name },
    );
  }
  value(selector: string): Promise<string | null> {
    return this.evaluate(
      (s) => (document.querySelector(s) as HTMLInputElement | null)?.value ?? null,
      selector,
    );
  }
  async waitForText(selector: string, text: RegExp, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    let last: string | null = null;
    while (Date.now() < end) {
      last = await this.text(selector);
      if (last !== null && text.test(last)) return;
      await this.wait(50);
    }
    throw new Error(`${selector}: text ${JSON.stringify(last)} never matched ${text}`);
  }
  count(selector: string, hasText?: string): Promise<number> {
    return this.evaluate(
      ({ selector, hasText }) =>
        [...document.querySelectorAll(selector)].filter(
          (e) => hasText === undefined || (e.textContent ?? '').includes(hasText),
        ).length,
      { selector, hasText },
    );
  }
}

// ---------------------------------------------------------------- Chromium

class ChromiumPage extends BasePage<PwPage> {
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> {
    // The page function's argument is plain data here, so the library's handle types do not apply.
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown);
  }
  async evaluateInFrame<R>(urlEnd: string, fn: () => R | Promise<R>): Promise<R> {
    const frame = this.page.frames().find((f) => f.url().endsWith(urlEnd));
    if (!frame) throw new Error(`no frame at …${urlEnd}`);
    return frame.evaluate(fn as () => Promise<R>);
  }
  mouseMove(x: number, y: number, steps = 1): Promise<void> {
    return this.page.mouse.move(x, y, { steps });
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }
  fill(selector: string, value: string): Promise<void> {
    return this.page.fill(selector, value);
  }
  click(selector: string): Promise<void> {
    return this.page.click(selector);
  }
  setInputFile(selector: string, path: string): Promise<void> {
    return this.page.setInputFiles(selector, path);
  }
  setViewport(width: number, height: number): Promise<void> {
    return this.page.setViewportSize({ width, height });
  }
}

/** A Playwright page seen through the driver's interface (for the Chromium-only PDF tests). */
export const chromiumTestPage = (page: PwPage): TestPage => new ChromiumPage(page);

/**
 * What both browsers' drivers build the same way from their origin and a way
 * to open a page: extension pages by path, and one extension page kept open to
 * run code in (as the popup would) and to send requests to the background.
 */
function extensionAccess(origin: string, newPage: () => Promise<TestPage>) {
  const openExtensionPage = async (path: string) => {
    const p = await newPage();
    await p.goto(`${origin}/${path}`);
    return p;
  };
  let helper: Promise<TestPage> | null = null;
  const inExtension = async <R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> => {
    helper ??= openExtensionPage('popup.html');
    return (await helper).evaluate(fn, arg);
  };
  return {
    origin,
    extensionUrl: (path: string) => `${origin}/${path}`,
    newPage,
    openExtensionPage,
    inExtension,
    send: (msg: unknown) => inExtension(sendFromPage, msg),
  };
}

async function launchChromiumDriver(): Promise<ExtensionBrowser> {
  const manifest = readManifest(EXTENSION_DIRS.chromium);
  const b = await launchChromium();
  const origin = `chrome-extension://${b.extensionId}`;
  const newPage = async () => new ChromiumPage(await b.context.newPage());
  const access = extensionAccess(origin, newPage);
  return {
    name: 'chromium',
    extensionId: b.extensionId,
    ...access,
    manifest,
    backgroundUrl: async () => b.serviceWorker.url(),
    close: () => b.close(),
  };
}

// ---------------------------------------------------------------- Firefox

/** The part of puppeteer's BiDi frame we need for extension pages (see FirefoxPage.goto). */
interface BidiFrame {
  browsingContext?: {
    navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
  };
}

class FirefoxPage extends BasePage<PpPage> {
  constructor(
    page: PpPage,
    private readonly origin: string,
  ) {
    super(page);
  }
  async goto(url: string): Promise<void> {
    if (!url.startsWith(`${this.origin}/`)) {
      await this.page.goto(url, { waitUntil: 'load' });
      return;
    }
    // Puppeteer's goto waits for navigation events that Firefox does not report for
    // moz-extension:// documents (they load in the extension process), and times out
    // although the page has loaded. The BiDi navigate command itself, waiting for
    // `complete`, is reliable; evaluate and input reach the new document afterwards.
    const context = (this.page.mainFrame() as unknown as BidiFrame).browsingContext;
    if (!context) throw new Error('puppeteer-core: no BiDi browsing context (CDP?)');
    await context.navigate(url, 'complete');
  }
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }
  async evaluateInFrame<R>(urlEnd: string, fn: () => R | Promise<R>): Promise<R> {
    const frame = this.page.frames().find((f) => f.url().endsWith(urlEnd));
    if (!frame) throw new Error(`no frame at …${urlEnd}`);
    return frame.evaluate(fn as () => Promise<R>) as Promise<R>;
  }
  mouseMove(x: number, y: number, steps = 1): Promise<void> {
    // WebDriver BiDi pointer moves take whole CSS pixels.
    return this.page.mouse.move(Math.round(x), Math.round(y), { steps });
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]);
  }
  fill(selector: string, value: string): Promise<void> {
    return this.page.locator(selector).fill(value);
  }
  click(selector: string): Promise<void> {
    return this.page.locator(selector).click();
  }
  async setInputFile(selector: string, path: string): Promise<void> {
    const input = await this.page.waitForSelector(selector);
    if (!input) throw new Error(`no ${selector}`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
  }
  setViewport(width: number, height: number): Promise<void> {
    return this.page.setViewport({ width, height });
  }
}

/**
 * Firefox for tests, the add-on's uuid chosen: Firefox gives each add-on a
 * random uuid for its moz-extension:// origin unless this pref holds one for
 * its id, and we must know the pages' URLs.
 */
export function firefoxLaunch(uuid: string) {
  return {
    browser: 'firefox' as const,
    headless: true,
    executablePath: FIREFOX,
    // WebDriver BiDi refuses to navigate a tab to a moz-extension:// URL without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    },
  };
}

async function launchFirefoxDriver(): Promise<ExtensionBrowser> {
  const manifest = readManifest(EXTENSION_DIRS.firefox);
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `No Firefox at ${FIREFOX}: install Debian's firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  const uuid = randomUUID();
  const browser = await puppeteer.launch(firefoxLaunch(uuid));
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(EXTENSION_DIRS.firefox);
  } catch (err) {
    await browser.close();
    throw err;
  }
  if (extensionId !== GECKO_ID) {
    await browser.close();
    throw new Error(`Installed add-on id ${extensionId}, expected ${GECKO_ID} (wxt.config.ts)`);
  }
  const origin = `moz-extension://${uuid}`;
  const newPage = async () => new FirefoxPage(await browser.newPage(), origin);
  const access = extensionAccess(origin, newPage);
  return {
    name: 'firefox',
    extensionId,
    ...access,
    manifest,
    // An MV3 event page: runtime.getBackgroundPage wakes it and hands back its window.
    backgroundUrl: () =>
      access.inExtension(async () => {
        const bg = await (
          globalThis as unknown as {
            browser: { runtime: { getBackgroundPage(): Promise<Window | null> } };
          }
        ).browser.runtime.getBackgroundPage();
        return bg?.location.href ?? '';
      }),
    close: () => browser.close(),
  };
}
