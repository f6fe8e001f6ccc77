/**
 * A worker evaluated for its install reads the bundled glossary's built index
 * at once: the first pages after an install are scanned with it, and waiting
 * for the stored version first put that read on their path. A woken worker
 * (its ServiceWorker 'activated') reads nothing it does not need.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { evaluatedForInstall } from '../../../entrypoints/background/bundled-glossary';

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

describe('the bundled index read as the worker starts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** Start the background afresh with its ServiceWorker in `state`; the URLs fetched by its first task. */
  async function startedWith(state: string): Promise<string[]> {
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
      return Promise.resolve(new Response(null, { status: 404 }));
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
});
