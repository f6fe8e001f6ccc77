/**
 * What each request to the background must look like, checked at its door
 * (entrypoints/background/router.ts) before a handler sees it. A schema
 * checks the shape a handler relies on and refuses anything else with a code
 * (glossary/errors.ts); the entries a request carries are checked in depth by
 * the entry model (glossary/entry-model.ts) where they are stored, and a
 * settings change by `validateSettingsPatch`.
 */
import { ValidationError } from '../glossary/entry-model';
import { ENTRY_SORT_KEYS, type EntrySortKey } from '../glossary/entry-list';
import type { Entry, EntrySource, Lang } from '../glossary/types';
import type { DuplicatePolicy, ParamsOf, Request, RequestType, StoredEntry } from './protocol';
import { isPlaceNumber } from './official-links';
import { validateSettingsPatch } from './settings';

type Raw = Record<string, unknown>;
type Schemas = { [K in RequestType]: (raw: Raw) => ParamsOf<K> };

/** A content script sends chunks of tens of kilobytes; refuse anything that is not that. */
export const MAX_SCAN_CHARS = 1_000_000;
/** Entries per `import/chunk`; the options page sends far fewer. */
export const MAX_IMPORT_CHUNK = 10_000;
const MAX_SEARCH_LIMIT = 200;
const MAX_QUERY_CHARS = 300;
/** Rows of `entries/page` at most: a table draws one page, not the termbase. */
export const MAX_PAGE_ROWS = 500;
/** The languages a table may be sorted in (the interface languages). */
const SORT_LANGS: readonly string[] = ['en', 'kk', 'ru'];
const TERM_LANGS: readonly Lang[] = ['kk', 'ru'];
const POLICIES: readonly DuplicatePolicy[] = ['skip', 'overwrite', 'keep-both'];
const SOURCES: readonly EntrySource[] = ['bundled', 'personal'];

function id(x: unknown): string {
  if (typeof x !== 'string' || !x.trim()) throw new ValidationError('request.idRequired');
  return x.trim();
}

function object<T>(x: unknown): T {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new ValidationError('entry.notObject');
  }
  return x as T;
}

function texts(x: unknown): string[] {
  if (!Array.isArray(x) || !x.every((t): t is string => typeof t === 'string')) {
    throw new ValidationError('request.texts');
  }
  if (x.reduce((n, t) => n + t.length, 0) > MAX_SCAN_CHARS) {
    throw new ValidationError('request.tooMuchText', { max: MAX_SCAN_CHARS });
  }
  return x;
}

function policy(x: unknown): DuplicatePolicy {
  if (!POLICIES.includes(x as DuplicatePolicy)) throw new ValidationError('import.policy');
  return x as DuplicatePolicy;
}

function importId(x: unknown): string {
  if (typeof x !== 'string' || !x) throw new ValidationError('import.expired');
  return x;
}

/** A text to look for: a string, cut to the length a search takes. */
function queryText(x: unknown): string {
  if (typeof x !== 'string') throw new ValidationError('request.query');
  return x.slice(0, MAX_QUERY_CHARS);
}

function count(x: unknown, min: number, max: number): number {
  if (!Number.isSafeInteger(x) || (x as number) < min || (x as number) > max) {
    throw new ValidationError('request.range', { max: MAX_PAGE_ROWS });
  }
  return x as number;
}

function pageQuery(r: Raw): ParamsOf<'entries/page'> {
  const sort = object<Raw>(r.sort ?? { key: 'updated', dir: -1 });
  if (!ENTRY_SORT_KEYS.includes(sort.key as EntrySortKey) || (sort.dir !== 1 && sort.dir !== -1)) {
    throw new ValidationError('request.sort');
  }
  const lang = r.lang ?? 'en';
  if (typeof lang !== 'string' || !SORT_LANGS.includes(lang)) {
    throw new ValidationError('settings.language');
  }
  return {
    filter: queryText(r.filter ?? ''),
    sort: { key: sort.key as EntrySortKey, dir: sort.dir },
    lang,
    offset: count(r.offset ?? 0, 0, Number.MAX_SAFE_INTEGER),
    limit: count(r.limit, 1, MAX_PAGE_ROWS),
  };
}

const none = (): ParamsOf<'glossary/get'> => ({});

export const REQUEST_SCHEMAS: Schemas = {
  'glossary/get': none,
  'entry/get': (r) => ({ id: id(r.id) }),
  'entries/list': (r) => {
    if (r.source === undefined) return {};
    if (!SOURCES.includes(r.source as EntrySource)) throw new ValidationError('request.source');
    return { source: r.source as EntrySource };
  },
  'entries/page': pageQuery,
  'entries/ids': (r) => ({ filter: queryText(r.filter ?? '') }),
  'entries/with-term': (r) => {
    if (!TERM_LANGS.includes(r.lang as Lang)) throw new ValidationError('request.lang');
    const term = queryText(r.term);
    return r.except === undefined
      ? { lang: r.lang as Lang, term }
      : { lang: r.lang as Lang, term, except: id(r.except) };
  },
  'entry/save': (r) => ({ entry: object<Entry>(r.entry) }),
  'entry/delete': (r) => ({ id: id(r.id) }),
  'entry/restore': (r) => ({ entry: object<StoredEntry>(r.entry) }),
  'entry/reset': (r) => ({ id: id(r.id) }),
  'entries/import': (r) => {
    if (!Array.isArray(r.entries)) throw new ValidationError('import.notList');
    if (!POLICIES.includes(r.policy as DuplicatePolicy)) throw new ValidationError('import.policy');
    return {
      entries: r.entries as Entry[],
      policy: r.policy as DuplicatePolicy,
      name: typeof r.name === 'string' ? r.name : '',
    };
  },
  'entries/delete': (r) => {
    if (!Array.isArray(r.ids) || !r.ids.every((x) => typeof x === 'string')) {
      throw new ValidationError('request.ids');
    }
    return { ids: r.ids as string[] };
  },
  'batches/list': none,
  'batch/undo': (r) => {
    if (!Number.isSafeInteger(r.id)) throw new ValidationError('batch.notFound');
    return { id: r.id as number };
  },
  'settings/get': none,
  'settings/set': (r) => ({ patch: validateSettingsPatch(r.patch) }),
  'options/open': (r) => (r.entryId === undefined ? {} : { entryId: id(r.entryId) }),
  'pdf/native': (r) => {
    if (typeof r.url !== 'string' || !/^https?:\/\//.test(r.url)) {
      throw new ValidationError('request.url');
    }
    return { url: r.url };
  },
  'text/scan': (r) => ({ texts: texts(r.texts) }),
  'reader/open': (r) => {
    if (r.edition !== '2026' && r.edition !== '1995') throw new ValidationError('request.place');
    const place: ParamsOf<'reader/open'> = { edition: r.edition };
    for (const name of ['article', 'clause'] as const) {
      const v = r[name];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string' || !isPlaceNumber(v)) throw new ValidationError('request.place');
      place[name] = v;
    }
    return place;
  },
  'worker/wake': none,
  'import/begin': (r) => ({
    policy: policy(r.policy),
    name: typeof r.name === 'string' ? r.name : '',
  }),
  'import/chunk': (r) => {
    if (!Array.isArray(r.entries)) throw new ValidationError('import.notList');
    if (r.entries.length > MAX_IMPORT_CHUNK) {
      throw new ValidationError('request.tooMany', { max: MAX_IMPORT_CHUNK });
    }
    const offset = Number.isSafeInteger(r.offset) && (r.offset as number) >= 0 ? r.offset : 0;
    return {
      importId: importId(r.importId),
      entries: r.entries as Entry[],
      offset: offset as number,
    };
  },
  'import/commit': (r) => ({ importId: importId(r.importId) }),
  'import/cancel': (r) => ({ importId: importId(r.importId) }),
  'search/query': (r) => {
    if (typeof r.query !== 'string') throw new ValidationError('request.query');
    const limit =
      Number.isSafeInteger(r.limit) && (r.limit as number) > 0
        ? Math.min(r.limit as number, MAX_SEARCH_LIMIT)
        : undefined;
    return limit === undefined
      ? { query: r.query.slice(0, MAX_QUERY_CHARS) }
      : { query: r.query.slice(0, MAX_QUERY_CHARS), limit };
  },
};

/** A message from a page as a request whose shape its handler can rely on; a ValidationError otherwise. */
export function parseRequest(raw: unknown): Request {
  if (typeof raw !== 'object' || raw === null || typeof (raw as Raw).type !== 'string') {
    throw new ValidationError('request.noType');
  }
  const type = (raw as Raw).type as string;
  if (!Object.hasOwn(REQUEST_SCHEMAS, type)) {
    throw new ValidationError('request.unknownType', { type });
  }
  const schema = REQUEST_SCHEMAS[type as RequestType] as (r: Raw) => object;
  return { ...schema(raw as Raw), type } as Request;
}
