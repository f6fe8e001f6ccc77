/**
 * The set-up every cross-browser test file shares: inside a
 * `describe.each(BROWSERS)` block, `useExtension(name, pages)` launches the
 * built extension in that browser (and serves the test pages, if any) before
 * the block's tests and closes both after them.
 *
 *   describe.each(BROWSERS)('%s', (name) => {
 *     const { browser, server } = useExtension(name, { '/page.html': html });
 *     test('…', async () => { const page = await browser.newPage(); … });
 *   });
 */
import { afterAll, beforeAll } from 'vitest';
import type { GlossarySnapshot, StoredEntry } from '../../lib/protocol';
import { launch, type BrowserName, type ExtensionBrowser } from './driver';
import { servePages, type PageServer } from './harness';

export interface LaunchedExtension {
  /** The extension's browser; usable from the block's own `beforeAll` hooks on. */
  browser: ExtensionBrowser;
  /** The served pages (only when `useExtension` was given some). */
  server: PageServer;
}

/**
 * An object that stands for what a `beforeAll` hook will create, so the
 * tests can name it when the block is collected; using it before the hook has
 * run (or after it failed) throws, saying what is missing.
 */
function standIn<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      // Not a promise: `await` and test reporters probing for `then` see a plain object.
      if (key === 'then') return undefined;
      const target = current();
      if (target === undefined) throw new Error(`${what} is not ready (its beforeAll has not run)`);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** Launch the extension in `name` (and serve `pages`, path → HTML) for the enclosing describe block. */
export function useExtension(name: BrowserName, pages?: Record<string, string>): LaunchedExtension {
  let browser: ExtensionBrowser | undefined;
  let server: PageServer | undefined;
  beforeAll(async () => {
    browser = await launch(name);
    if (pages) server = await servePages(pages);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: standIn(`The ${name} extension browser`, () => browser),
    server: standIn(pages ? 'The test pages server' : 'No test pages were served', () => server),
  };
}

/** The bundled entry whose Russian term is `ruTerm` (in any case), as the background serves it. */
export async function bundledEntry(
  browser: ExtensionBrowser,
  ruTerm: string,
): Promise<StoredEntry> {
  const snap = (await browser.send({ type: 'glossary/get' })) as GlossarySnapshot;
  const wanted = ruTerm.toLowerCase();
  const found = snap.entries.find((e) => e.ru.term.toLowerCase() === wanted);
  if (!found) throw new Error(`The bundled glossary has no entry "${ruTerm}"`);
  return found;
}
