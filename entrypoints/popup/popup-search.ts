/**
 * Where the popup's search is answered: the background, whose index is in
 * memory while its worker runs, or the stored index (lib/stored-search.ts),
 * read in the popup. A running worker answers within a few milliseconds, so
 * it is asked first; when it has not answered after a head start (the worker
 * is asleep and must start, read the glossary and index it), the stored index
 * is read too and the first complete answer is shown. Once read, the stored
 * index answers the popup's later keystrokes itself.
 */
import type { SearchResults, Searcher } from '../../components/search-results';
import type { StoredSearch } from '../../lib/stored-search';

/** How long a running worker has to answer before the stored index is read as well. */
export const HEAD_START_MS = 50;

/**
 * The stored index, its code loaded only when it is read: a running worker's
 * answers never wait for it.
 */
export async function openStoredLater(): Promise<StoredSearch | null> {
  const { openStoredSearch } = await import('../../lib/stored-search');
  return openStoredSearch();
}

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
  openStored: () => Promise<StoredSearch | null>,
  headStartMs = HEAD_START_MS,
): PopupSearch {
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
      opened?.close();
      opened = null;
    },
  };
}
