/**
 * The background as the browser starts it (entrypoints/background/index.ts),
 * on WXT's fake browser and fake-indexeddb: a message reaches the router and
 * its answer comes back through `sendResponse`, requests that need the
 * browser (options/open) use it, and a bad request is answered with a code.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../../entrypoints/background';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';
import { decodeScanResult, type ScanResult } from '../../../lib/scan-wire';
import type { Settings } from '../../../lib/settings';
import { testEntry } from '../../support/entries';

/** What a page gets for one message: the value the listener passes to `sendResponse`. */
function send(message: unknown, tabId = 7): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer to ${JSON.stringify(message)}`)),
      20_000,
    );
    // The real browser passes `sendResponse` third; the fake's typing knows two arguments.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown>;
    void trigger(message, { tab: { id: tabId } }, (res: unknown) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

describe('the background wired to the browser', () => {
  const pages: unknown[] = [];
  const tabMessages: { tabId: number; msg: unknown }[] = [];
  beforeAll(() => {
    fakeBrowser.reset();
    // What the fake browser does not implement and these requests do not use.
    const menus = fakeBrowser.contextMenus;
    vi.spyOn(menus.onClicked, 'addListener').mockImplementation(() => {});
    vi.spyOn(menus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(menus, 'create').mockReturnValue(1);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const rules = fakeBrowser.declarativeNetRequest;
    vi.spyOn(rules, 'getDynamicRules').mockResolvedValue([]);
    vi.spyOn(rules, 'updateDynamicRules').mockResolvedValue(undefined);
    // Broadcasts: to the extension's pages and to each tab, recorded.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (msg: unknown) => {
      pages.push(msg);
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      async (tabId: number, msg: unknown) => void tabMessages.push({ tabId, msg }),
    );
    background.main();
  });

  test('a page asks for the settings and gets the defaults once the glossary is seeded', async () => {
    const settings = (await send({ type: 'settings/get' })) as Settings;
    expect(settings.enabled).toBe(true);
    expect(settings.highlightMode).toBeTypeOf('string');
  });

  test('a page sends text and gets matches of the bundled glossary, each with its kind', async () => {
    const res = (await send({ type: 'text/scan', texts: ['Конституционный Суд'] })) as ScanResult;
    const [matches] = decodeScanResult(res);
    expect(matches!.length).toBeGreaterThan(0);
    expect(matches!.every((m) => m.kind === 'exact')).toBe(true);
    const snap = (await send({ type: 'glossary/get' })) as { entries: unknown[] };
    expect(snap.entries.length).toBe(BUNDLED_ENTRIES.length);
  });

  test('a saved entry is answered, then announced to the pages and every tab', async () => {
    const saved = (await send({
      type: 'entry/save',
      entry: testEntry('', 'жеке термин', 'личный термин'),
    })) as { id: string; source: string };
    expect(saved.source).toBe('personal');
    await vi.waitFor(() => {
      expect(pages).toContainEqual({ type: 'glossary/changed', revision: expect.any(Number) });
      expect(tabMessages.map((m) => (m.msg as { type: string }).type)).toContain(
        'glossary/changed',
      );
    });
    const res = (await send({ type: 'text/scan', texts: ['личного термина'] })) as ScanResult;
    expect(decodeScanResult(res)[0]!.map((m) => [m.id, m.kind])).toEqual([[saved.id, 'personal']]);
  });

  test('options/open opens the options page at the entry, in a new tab', async () => {
    expect(await send({ type: 'options/open', entryId: 'president' })).toBeNull();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContainEqual(
      expect.stringMatching(/^chrome-extension:\/\/[^/]+\/options\.html#.*president/),
    );
  });

  test('a request of no known type, or with bad parameters, is answered with a code', async () => {
    expect(await send({ type: 'entry/drop', id: 'x' })).toEqual({
      error: { code: 'request.unknownType', params: { type: 'entry/drop' } },
    });
    expect(await send({ type: 'entry/get' })).toEqual({
      error: { code: 'request.idRequired', params: {} },
    });
    expect(await send({ type: 'settings/set', patch: { highlightMode: 'loud' } })).toEqual({
      error: { code: 'settings.mode', params: {} },
    });
  });
});
