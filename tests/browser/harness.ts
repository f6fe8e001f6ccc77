/**
 * Shared set-up for the browser tests: Debian's Chromium (never a downloaded
 * browser) with the built extension loaded, and a static server on 127.0.0.1
 * for the test pages. One browser per test file keeps them fast.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium for tests: headless in a container, and nothing of its own on the network. */
export const QUIET_CHROMIUM: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** A fresh profile with the built extension (or the build in `dir`) installed. */
export async function launchWithExtension(dir = EXTENSION_DIR): Promise<ExtensionBrowser> {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'atazan-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...QUIET_CHROMIUM],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** Serve in-memory pages (path → HTML) on 127.0.0.1 only. */
export async function servePages(pages: Record<string, string>): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = pages[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * The stored compiled index's revision and the glossary's, read from the
 * extension's database (evaluated in its service worker or one of its pages);
 * null when either is missing.
 */
export function storedIndexRevisions(): Promise<[number, number] | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open('atazan');
    req.onerror = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('compiledIndex')) {
        db.close();
        return resolve(null);
      }
      const tx = db.transaction(['compiledIndex', 'meta']);
      const row = tx.objectStore('compiledIndex').get('glossary');
      const meta = tx.objectStore('meta').get('revision');
      tx.oncomplete = () => {
        const r = row.result as { revision: number } | undefined;
        const m = meta.result as { value: number } | undefined;
        db.close();
        resolve(r && m ? [r.revision, m.value] : null);
      };
    };
  });
}

/** Stop the browser's service workers (as it does when one is idle), through a page's DevTools session. */
export async function stopServiceWorkers(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
