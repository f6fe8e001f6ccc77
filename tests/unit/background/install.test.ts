/**
 * A worker started for an install, before the bundled rows are written (the
 * seeding takes seconds): it reads the bundled glossary's built index at once,
 * since the first pages after an install are scanned with it and waiting for
 * the stored version first put that read on their path; and the popup's
 * search is answered from the bundled glossary meanwhile. A woken worker (its
 * ServiceWorker 'activated') reads nothing it does not need.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { evaluatedForInstall } from '../../../entrypoints/background/bundled-glossary';
import type { SearchAnswer } from '../../../lib/protocol';

// The seeding never ends: what is answered is answered while the rows are being written.
vi.mock('../../../db/seed', () => ({ seedBundled: () => new Promise(() => {}) }));

describe('which worker is being installed', () => {
  const cases: [string, unknown, boolean][] = [
    ['parsed, before its install event', { serviceWorker: { state: 'parsed' } }, true],
    ['installing', { serviceWorker: { state: 'installing' } }, true],
    ['installed, waiting', { serviceWorker: { state: 'installed' } }, false],
    ['activating', { serviceWorker: { state: 'activating' } }, false],
    ['woken after a stop', { serviceWorker: { state: 'activated' } }, false],
    ['a background page (no ServiceWorker)', {}, false],
    ['a state of another type', { serviceWorker: { state: 1 } }, false],
    ['no scope', undefined, false],
  ];
  test.each(cases)('%s', (_, scope, expected) => {
    expect(evaluatedForInstall(scope ?? {})).toBe(expected);
  });
});

/** The bundled files as the setup file serves them (unstubbing the globals restores Node's own fetch). */
const servedFiles = globalThis.fetch;

describe('the bundled index read as the worker starts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** Start the background afresh with its ServiceWorker in `state`; the URLs fetched by its first task. */
  async function startedWith(state: string, fetchFiles = false): Promise<string[]> {
    vi.resetModules();
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockResolvedValue(undefined);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(String(url));
      // The bundled files as the setup file serves them, or none.
      return fetchFiles ? servedFiles(url) : Promise.resolve(new Response(null, { status: 404 }));
    });
    vi.stubGlobal('serviceWorker', { state });
    const { default: background } = await import('../../../entrypoints/background');
    background.main();
    // Only what the worker's first task started: nothing it reads later has been asked for yet.
    return [...fetched];
  }

  test('installing: the index file is asked for before anything is read from the database', async () => {
    const fetched = await startedWith('parsed');
    expect(fetched.some((url) => url.endsWith('/bundled-index.bin'))).toBe(true);
  });

  test('woken: no bundled file is asked for', async () => {
    expect(await startedWith('activated')).toEqual([]);
  });

  test('installing: the popup is answered from the bundled glossary while the rows are written', async () => {
    await startedWith('parsed', true);
    const answer = await new Promise<SearchAnswer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer while seeding')), 20_000);
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => unknown;
      void trigger({ type: 'search/query', query: 'правосудие', limit: 5 }, {}, (r: unknown) => {
        clearTimeout(timer);
        resolve(r as SearchAnswer);
      });
    });
    expect(answer.complete).toBe(false);
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(answer.hits[0]!.entry.source).toBe('bundled');
    expect(answer.hits[0]!.entry.ru.term.toLowerCase()).toContain('правосуди');
  });
});
