/**
 * The background: the single writer of the database. It seeds the bundled
 * glossary, answers every request of lib/protocol.ts (entrypoints/background/router.ts,
 * requests.ts) and
 * broadcasts each change. This file only wires those modules to the browser.
 */
import { browser } from 'wxt/browser';
import { AtaZanDatabase, DB_NAME } from '../../db/database';
import { seedBundled } from '../../db/seed';
import { getBundledVersion } from '../../db/glossary-store';
import type { ScanResult } from '../../lib/scan-wire';
import type {
  Broadcast,
  ParamsOf,
  RequestType,
  ResponseOf,
  SearchAnswer,
  StoredEntry,
} from '../../lib/protocol';
import { EntryList } from '../../glossary/entry-list';
import {
  BUNDLED_VERSION,
  bundledEntries,
  bundledGlossary,
  bundledIndex,
  bundledSearch,
  bundledSearchIndex,
  evaluatedForInstall,
} from './bundled-glossary';
import { scanWith, type Compiled } from './matcher-cache';
import { GlossaryService } from './requests';
import { broadcast, showCardInActiveTab } from './broadcast';
import { registerContextMenu } from './context-menu';
import { injectIntoOpenTabs } from './inject';
import { allowNative, syncPdfRedirect } from './pdf-redirect';
import { answer, route, type Handler, type Handlers } from './router';
import { entryHash } from '../../lib/options-route';
import { READER_PAGE, readerPath } from '../../lib/official-links';

/**
 * Requests answered without waiting for the bundled rows to be written: none
 * reads or writes the entries, or it waits for them itself (the options page's
 * lists, which a first install answers empty at once). A page's first scan needs its settings, and
 * a fresh install's seeding takes seconds; scans are answered from the stored
 * or bundled glossary meanwhile; the PDF viewer's tab is waiting to navigate.
 */
const ANSWERED_WHILE_SEEDING: ReadonlySet<unknown> = new Set<RequestType>([
  'settings/get',
  'settings/set',
  'text/scan',
  'search/query',
  'pdf/native',
  'options/open',
  'reader/open',
  'worker/wake',
  // Each waits for the rows itself, unless a first install's seeding runs (below).
  'entries/page',
  'entries/ids',
  'batches/list',
]);

/** Whether the browser lists no database of ours (false when it cannot tell). */
async function noDatabaseYet(): Promise<boolean> {
  try {
    const listed = await indexedDB.databases();
    return !listed.some((d) => d.name === DB_NAME);
  } catch {
    return false;
  }
}

/** How long seeding waits for a first page's scan, or a request that needs the rows. */
const SEED_AFTER_MS = 1000;

export default defineBackground(() => {
  // The worker's timeline, read by the page benchmark (bench/page.ts).
  performance.mark('atazan-worker-start');
  // The first request of each type: when it came (asked-) and when it was answered (first-).
  const asked = new Set<unknown>();
  const answered = new Set<unknown>();
  const db = new AtaZanDatabase();
  const service = new GlossaryService(db);
  // On an install the first pages are scanned with the built index: its file is read first,
  // while the database is opened and the stored version looked up (an update reads it for
  // nothing). Where there is no database yet, it is loaded as soon as it is read, not when
  // the version is known, and the settings are the defaults without waiting for the
  // database to be created: the first page asks for both.
  let firstInstall = Promise.resolve(false);
  if (evaluatedForInstall()) {
    bundledIndex().catch(() => undefined);
    firstInstall = noDatabaseYet();
    void firstInstall.then(async (install) => {
      if (!install) return;
      service.settingsNeverSaved();
      await bundledGlossary().catch(() => undefined);
    });
  }
  registerContextMenu();
  // A large termbase's part of the stored index takes a while to load: pages answered from
  // the bundled entries' part meanwhile are told to scan again once it answers.
  service.matcher.rescanEarlyTabs((tabs, revision) => {
    const msg: Broadcast = { type: 'glossary/changed', revision, sameMatches: false };
    for (const tab of tabs) void browser.tabs.sendMessage(tab, msg).catch(() => undefined);
  });

  // Seeding runs at every start and is a no-op when the version is current, so
  // install, update and a worker woken after a failed update all end the same.
  const storedVersion = getBundledVersion(db).catch(() => '');
  // While the rows are written, pages are scanned with the glossary stored
  // before (an update: it holds the user's entries), or on an install with the
  // bundled glossary's index built with the extension. Either is read before
  // the writing starts: a read would queue behind it, and the first page
  // needs it sooner than the rows. The broadcast below makes pages rescan
  // when the rows are in.
  const before = storedVersion.then((v) =>
    v === BUNDLED_VERSION
      ? null
      : v === ''
        ? bundledGlossary().catch(() => null)
        : service.matcher.storedAnyRevision(),
  );
  let seeded = false;
  // Reading the bundled entries and writing their rows hold the worker for a while; on an
  // install or update the first page's scan (answered without them) comes first. Seeding
  // starts after it, at once when a request needs the rows, or after a second anyway.
  let seedNow = (): void => undefined;
  const seedingMayStart = new Promise<void>((resolve) => {
    seedNow = resolve;
    setTimeout(resolve, SEED_AFTER_MS);
  });
  const ready = before
    .then(async () => {
      const installed = await storedVersion;
      if (installed === BUNDLED_VERSION) return;
      await seedingMayStart;
      const change = await seedBundled(db, BUNDLED_VERSION, await bundledEntries());
      if (change.revision === null) return;
      service.invalidate();
      // An install holds the bundled rows alone: their built index serves the new
      // revision, and pages scanned with it meanwhile need not scan again.
      const sameMatches =
        installed === '' && (await service.matcher.adopt(change.revision, bundledIndex));
      // The popup's first search after install reads the stored index of the seeded
      // glossary (an install's is the one built with the extension), stored before
      // the broadcast makes open popups look for it.
      if (
        installed !== '' ||
        !(await service.search.adoptSearch(change.revision, bundledSearchIndex))
      ) {
        service.search.warmSearchSoon();
      }
      await broadcast({ type: 'glossary/changed', revision: change.revision, sameMatches });
    })
    .catch((err: unknown) => console.error('Ata Zan: seeding the bundled glossary failed', err))
    .finally(() => {
      seeded = true;
      performance.mark('atazan-worker-seeded');
    });
  /** Whether the bundled rows are still being written (an install or an update). */
  const stillSeeding = async () => !seeded && (await storedVersion) !== BUNDLED_VERSION;
  let interim: Promise<Compiled> | null = null;
  const scanWhileSeeding = async (texts: string[]): Promise<ScanResult | null> => {
    if (!(await stillSeeding())) return null;
    interim ??= before
      .then((c) => c ?? bundledGlossary())
      .finally(() => performance.mark('atazan-worker-interim'));
    const result = scanWith(await interim, texts);
    seedNow();
    return result;
  };
  // The popup's search while an install or an update seeds: the bundled glossary alone, its
  // index built with the extension, marked incomplete (the popup asks again; an update's
  // popup also reads the stored index of the user's glossary, which is complete).
  const searchWhileSeeding = async (
    query: string,
    limit?: number,
  ): Promise<SearchAnswer | null> => {
    if (!(await stillSeeding())) return null;
    const search = await bundledSearch();
    return { hits: search.search(query, limit), size: search.size, revision: 0, complete: false };
  };
  /** The bundled rows are written (seeding starts now if it had not). */
  const rowsWritten = (): Promise<void> => {
    seedNow();
    return ready;
  };
  // On a first install the user has no entries and no imports until the seeding ends (a
  // save or an import waits for it): the options page's lists are answered empty at once.
  const emptyOnFirstInstall =
    <K extends 'entries/page' | 'entries/ids' | 'batches/list'>(
      type: K,
      empty: (params: ParamsOf<K>) => ResponseOf<K>,
    ): Handler<K> =>
    async (params, sender) => {
      if (!seeded && (await firstInstall)) return answer(empty(params));
      await rowsWritten();
      return service.handlers[type](params, sender);
    };
  // Compile the matcher once seeded, so the first page to scan does not wait for it
  // (requests for settings and entries are answered before, not after, the compile).
  void ready.then(() =>
    setTimeout(() => {
      service.matcher.get().catch((err: unknown) => console.error('Ata Zan: no matcher', err));
    }, 0),
  );
  // An import's packs not yet moved into rows when the worker last stopped (db/import-packs.ts).
  void ready.then(() => service.unpackSoon());

  // PDFs to Ata Zan's viewer while the setting is on (the rule persists; re-synced at each start).
  void service.getSettings().then((s) => syncPdfRedirect(s.openPdfs));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Ask that our rows never be evicted (unlimitedStorage is in the manifest too).
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (typeof storage?.persist === 'function') void storage.persist().catch(() => false);
    // Open tabs get highlighted without a reload; their scans are answered while seeding runs.
    if (reason === 'install' || reason === 'update') {
      void injectIntoOpenTabs().catch((err: unknown) =>
        console.debug('Ata Zan: open tabs not injected', err),
      );
    }
  });

  const handlers: Handlers = {
    ...service.handlers,
    'text/scan': async ({ texts }, sender) => {
      const early = await scanWhileSeeding(texts);
      if (early) return answer(early);
      await ready;
      return service.handlers['text/scan']({ texts }, sender);
    },
    'search/query': async (params, sender) => {
      const early = await searchWhileSeeding(params.query, params.limit);
      if (early) return answer(early);
      await ready;
      return service.handlers['search/query'](params, sender);
    },
    'entries/page': emptyOnFirstInstall('entries/page', (query) => ({
      ...new EntryList<StoredEntry>([]).page(query),
      revision: 0,
    })),
    'entries/ids': emptyOnFirstInstall('entries/ids', () => []),
    'batches/list': emptyOnFirstInstall('batches/list', () => []),
    // Being woken was the point: the index is already loading (above).
    'worker/wake': async () => answer(null),
    'options/open': async ({ entryId }) => {
      const hash = entryId ? entryHash(entryId) : '';
      await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + hash });
      return answer(null);
    },
    'reader/open': async (place, { tabId }) => {
      const url = browser.runtime.getURL(readerPath(place));
      const from = tabId !== undefined ? await browser.tabs.get(tabId).catch(() => null) : null;
      // In the reader itself the card moves the reader; from any other page it opens beside it.
      if (from?.id !== undefined && from.url?.startsWith(browser.runtime.getURL(READER_PAGE))) {
        await browser.tabs.update(from.id, { url });
      } else {
        await browser.tabs.create({
          url,
          ...(from?.index !== undefined ? { index: from.index + 1 } : {}),
          ...(from?.windowId !== undefined ? { windowId: from.windowId } : {}),
        });
      }
      return answer(null);
    },
    'pdf/native': async ({ url }, { tabId }) => {
      await allowNative(url, tabId).catch((err: unknown) =>
        console.debug('Ata Zan: no exception for the PDF', err),
      );
      return answer(null);
    },
  };

  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (!msg || typeof msg !== 'object' || !('type' in msg)) return undefined;
    void (async () => {
      const type = (msg as { type: unknown }).type;
      if (!asked.has(type)) {
        asked.add(type);
        performance.mark(`atazan-worker-asked-${String(type)}`);
      }
      if (!ANSWERED_WHILE_SEEDING.has(type)) await rowsWritten();
      const page = sender.tab !== undefined && !sender.url?.startsWith(extensionOrigin);
      const { response, broadcasts } = await route(handlers, msg, { tabId: sender.tab?.id, page });
      // The PDF redirect follows its setting before the change is acknowledged.
      for (const b of broadcasts) {
        if (b.type === 'settings/changed') await syncPdfRedirect(b.settings.openPdfs);
      }
      sendResponse(response);
      if (!answered.has(type)) {
        answered.add(type);
        performance.mark(`atazan-worker-first-${String(type)}`);
      }
      for (const b of broadcasts) await broadcast(b);
    })();
    // Keep the channel open for the asynchronous answer.
    return true;
  });

  browser.commands?.onCommand.addListener((command) => {
    if (command === 'show-card') void showCardInActiveTab();
  });
});
