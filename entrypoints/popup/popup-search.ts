/**
 * Where the popup's search is answered: the background, whose index is in
 * memory while its worker runs, or the stored index (lib/stored-search.ts),
 * read in the popup. A running worker answers within a few milliseconds, so
 * it is asked first; when it has not answered after a head start (the worker
 * is asleep and must start, read the glossary and index it), the stored index
 * is read too and the first complete answer is shown. Once read, the stored
 * index answers the popup's later keystrokes itself. Its code and the
 * database are made ready as the popup starts, so that a late worker's wait
 * is only the row's read and check.
 */
import type { SearchResults, Searcher } from '../../components/search-results';
import type { StoredSearch } from '../../lib/stored-search';
import { openStoredDatabase, readStoredSearchRow } from '../../lib/stored-search-row';

/** How long a running worker has to answer before the stored index is read as well. */
export const HEAD_START_MS = 50;

/**
 * Opens the stored index; `prepare` takes its first steps ahead, as the popup
 * starts, and `release` lets them go unused (the glossary changed since).
 */
export interface StoredOpener {
  (): Promise<StoredSearch | null>;
  prepare?(): void;
  release?(): void;
}

interface Prepared {
  /** The code that checks and searches the row. */
  module: Promise<typeof import('../../lib/stored-search')>;
  db: IDBDatabase | null;
}
let prepared: Promise<Prepared> | null = null;

/**
 * The database opened as the popup starts, while the code that checks and
 * searches the stored index loads: cheap, and off the path of a late worker's
 * first answer. The row itself (megabytes for a large termbase) is read only
 * when `openStoredLater` is called, so a running worker's answer never waits
 * behind it.
 */
function prepareStored(): Promise<Prepared> {
  prepared ??= (async () => {
    const module = import('../../lib/stored-search');
    module.catch(() => undefined);
    void module.then(() => performance.mark('atazan-popup-stored-chunk'));
    const db = await openStoredDatabase().catch(() => null);
    performance.mark('atazan-popup-stored-db');
    return { module, db };
  })();
  return prepared;
}

/** The stored index, read and checked when the worker is late (its database opened before). */
export const openStoredLater: StoredOpener = Object.assign(
  async () => {
    const ready = prepareStored();
    // The connection goes to this reader (whose index closes it); a later one opens its own.
    prepared = null;
    const { module, db } = await ready;
    if (!db) return null;
    const read = await readStoredSearchRow(db).catch(() => null);
    performance.mark('atazan-popup-stored-row');
    if (!read) {
      db.close();
      return null;
    }
    try {
      return (await module).storedSearchOf(db, read);
    } catch (err) {
      db.close();
      throw err;
    }
  },
  {
    prepare: () => void prepareStored(),
    release() {
      void prepared?.then(({ db }) => db?.close());
      prepared = null;
    },
  },
);

export interface PopupSearch {
  search: Searcher;
  /** Let go of the stored index (the glossary changed, or the popup closes). */
  close(): void;
}

type Outcome = { ok: true; value: SearchResults | null } | { ok: false; error: unknown };

function settle(p: Promise<SearchResults | null>): Promise<Outcome> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

const complete = (o: Outcome): o is { ok: true; value: SearchResults } =>
  o.ok && !!o.value && o.value.complete !== false;

/** The first complete answer of several, or null once all have come without one. */
function firstComplete(outcomes: Promise<Outcome>[]): Promise<SearchResults | null> {
  return new Promise((resolve) => {
    let left = outcomes.length;
    for (const p of outcomes) {
      void p.then((o) => {
        if (complete(o)) resolve(o.value);
        else if (--left === 0) resolve(null);
      });
    }
  });
}

export function popupSearch(
  background: Searcher,
  openStored: StoredOpener,
  headStartMs = HEAD_START_MS,
): PopupSearch {
  openStored.prepare?.();
  let stored: Promise<StoredSearch | null> | null = null;
  let opened: StoredSearch | null = null;
  let closed = false;

  const readStored = (): Promise<StoredSearch | null> => {
    if (!stored) {
      // Marks that tell which source answered (performance.getEntriesByType('mark')).
      performance.mark('atazan-popup-stored-read');
      stored = openStored()
        .catch(() => null)
        .then((s) => {
          performance.mark(s ? 'atazan-popup-stored-open' : 'atazan-popup-stored-none');
          if (closed) s?.close();
          else opened = s;
          return opened;
        });
    }
    return stored;
  };

  const fromStored = async (query: string, limit: number): Promise<SearchResults | null> => {
    const s = await readStored();
    return s ? s.search(query, limit).catch(() => null) : null;
  };

  async function search(query: string, limit: number): Promise<SearchResults> {
    if (opened) {
      const local = await fromStored(query, limit);
      if (local) return local;
    }
    const remote = settle(background(query, limit));
    void remote.then((o) =>
      performance.mark(complete(o) ? 'atazan-popup-background' : 'atazan-popup-background-partial'),
    );
    // A blank query shows no rows, only the glossary's size: a slow worker is waited for (the
    // stored index is read only if it fails), so reading it never delays the first keystroke.
    const early = await Promise.race([
      remote,
      ...(query.trim() === ''
        ? []
        : [new Promise<null>((resolve) => setTimeout(() => resolve(null), headStartMs))]),
    ]);
    if (early && complete(early)) return early.value;
    const first = await firstComplete([remote, settle(fromStored(query, limit))]);
    if (first) return first;
    // Neither is complete: the background's stand-in answer (the panel asks again), or its error.
    const r = await remote;
    if (r.ok && r.value) return r.value;
    throw r.ok ? new Error('search: no answer') : r.error;
  }

  return {
    search,
    close() {
      closed = true;
      if (!stored) openStored.release?.();
      opened?.close();
      opened = null;
    },
  };
}
