/**
 * Messages between the extension's parts. The background service worker is the
 * single writer of the database; the content script, popup and options page
 * ask it through `browser.runtime.sendMessage` and it answers with the
 * matching response type. Changes are broadcast to tabs and pages.
 */
import type { EntryPage, EntryPageQuery } from '../glossary/entry-list';
import type { HitKind } from '../glossary/search';
import type { Edition, Entry, EntrySource, Lang } from '../glossary/types';
import type { ScanResult } from './scan-wire';
import type { Settings } from './settings';

/** An entry as the database holds it. */
export interface StoredEntry extends Entry {
  source: EntrySource;
  /** For a personal override of a bundled entry: the bundled entry's id (equal to `id`). */
  overrides?: string;
  createdAt: number;
  updatedAt: number;
}

export type DuplicatePolicy = 'skip' | 'overwrite' | 'keep-both';

export interface ImportSummary {
  added: number;
  updated: number;
  skipped: number;
  /** The batch that undoes this import (`batch/undo`); absent when nothing was written. */
  batchId?: number;
}

/** The answer to `entries/delete`: how many rows went, and the batch that brings them back. */
export interface DeleteSummary {
  deleted: number;
  batchId?: number;
}

/** An import or bulk delete that can still be undone (`batches/list`), newest first. */
export interface BatchInfo {
  id: number;
  kind: 'import' | 'delete';
  /** The imported file's name ('' for a delete). */
  name: string;
  createdAt: number;
  /** Entries it created. */
  created: number;
  /** Entries it overwrote or deleted. */
  previous: number;
}

/** The answer to `batch/undo`. */
export interface UndoSummary {
  /** Entries the batch had created, now removed. */
  removed: number;
  /** Entries the batch had overwritten or deleted, now back as they were. */
  restored: number;
}

/**
 * Every request to the background: its parameters and its answer. The
 * background checks each request against its schema (lib/request-schemas.ts)
 * before its handler (entrypoints/background/router.ts) sees it; pages send
 * them with `ask` (lib/client.ts), typed by this map. An invalid request is
 * answered with `{ error: ErrorInfo }`, a code the page translates.
 */
export interface Requests {
  'glossary/get': { params: NoParams; response: GlossarySnapshot };
  'entry/get': { params: { id: string }; response: StoredEntry | null };
  'entries/list': { params: { source?: EntrySource }; response: StoredEntry[] };
  /**
   * One page of the personal entries (the options page's table), filtered and
   * sorted by the rule of glossary/entry-list.ts: the page never holds the
   * whole termbase.
   */
  'entries/page': { params: EntryPageQuery; response: EntriesPage };
  /** The ids of every personal entry the filter lets through (the table's "select all"). */
  'entries/ids': { params: { filter: string }; response: string[] };
  /**
   * The first entry of the effective glossary with this term or variant in
   * this language, other than `except` (the entry form's duplicate warning).
   */
  'entries/with-term': {
    params: { lang: Lang; term: string; except?: string };
    response: StoredEntry | null;
  };
  /** A personal entry; an override when `id` is a bundled id. */
  'entry/save': { params: { entry: Entry }; response: StoredEntry };
  /** Answers the deleted row, for undo. */
  'entry/delete': { params: { id: string }; response: StoredEntry | null };
  /** The undo of a delete. */
  'entry/restore': { params: { entry: StoredEntry }; response: StoredEntry };
  /** Drops a personal override; answers the bundled entry. */
  'entry/reset': { params: { id: string }; response: StoredEntry | null };
  /** One transaction, recorded as a batch. */
  'entries/import': {
    params: { entries: Entry[]; policy: DuplicatePolicy; name?: string };
    response: ImportSummary;
  };
  /** Personal rows; one transaction, recorded as a batch. */
  'entries/delete': { params: { ids: string[] }; response: DeleteSummary };
  /** Newest first. */
  'batches/list': { params: NoParams; response: BatchInfo[] };
  /** An import or a bulk delete, undone in one transaction. */
  'batch/undo': { params: { id: number }; response: UndoSummary };
  'settings/get': { params: NoParams; response: Settings };
  'settings/set': { params: { patch: Partial<Settings> }; response: Settings };
  /** Open the options page, at an entry when given (the hover card's "open in glossary"). */
  'options/open': { params: { entryId?: string }; response: null };
  /** The PDF viewer's "open in the browser's viewer": let this URL through once. */
  'pdf/native': { params: { url: string }; response: null };
  /**
   * Open the Constitution's parallel reader at a place (a card's "read the
   * whole article"): a new tab next to the asking one, or the reader tab itself.
   */
  'reader/open': {
    params: { edition: Edition; article?: string; clause?: string };
    response: null;
  };
  /**
   * A page has started to load (entrypoints/wake.content.ts): nothing to do
   * but be awake, with the index loading, when the page asks to scan.
   */
  'worker/wake': { params: NoParams; response: null };
  /**
   * Find glossary terms in page texts (content script → background). The
   * background keeps the compiled matcher, so no page pays for compiling it
   * and no page's main thread runs the scan.
   */
  'text/scan': { params: { texts: string[] }; response: ScanResult };
  /**
   * A streamed import (the options page with a large file): begun, sent in
   * chunks the background checks and holds, then written in one transaction
   * at commit (one batch, one revision). A cancel drops what was sent, or
   * aborts the commit's transaction, so nothing of it is written.
   */
  'import/begin': {
    params: { policy: DuplicatePolicy; name?: string };
    response: { importId: string };
  };
  /** `offset`: the place in the file of the chunk's first entry, for the messages. */
  'import/chunk': {
    params: { importId: string; entries: Entry[]; offset: number };
    response: { received: number };
  };
  'import/commit': { params: { importId: string }; response: ImportSummary };
  'import/cancel': { params: { importId: string }; response: null };
  /**
   * Search the glossary (the popup, per keystroke): the background keeps the
   * search index of the current revision, built once after each change, so no
   * page rebuilds it when it opens.
   */
  'search/query': {
    params: { query: string; limit?: number };
    response: SearchAnswer;
  };
}

/** The answer to `entries/page`. */
export interface EntriesPage extends EntryPage<StoredEntry> {
  /** The glossary revision the page was read from. */
  revision: number;
}

/** The answer to `search/query`. */
export interface SearchAnswer {
  hits: Array<{ entry: StoredEntry; kind: HitKind; score: number }>;
  /** Entries in the glossary searched. */
  size: number;
  revision: number;
  /**
   * False while the index of the current glossary is still being made (the
   * worker just woke): the hits come from the previous index or the bundled
   * glossary alone, and the page asks again a moment later.
   */
  complete: boolean;
}

/** The parameters of a request that takes none. */
export type NoParams = Record<never, never>;
export type RequestType = keyof Requests;
export type ParamsOf<K extends RequestType> = Requests[K]['params'];
export type ResponseOf<K extends RequestType> = Requests[K]['response'];
/** A request as it crosses the channel: its type and its parameters, side by side. */
export type Request = { [K in RequestType]: { type: K } & ParamsOf<K> }[RequestType];
export type RequestOf<K extends RequestType> = { type: K } & ParamsOf<K>;

export interface GlossarySnapshot {
  /** Changes whenever any entry changes; tabs repaint and pages reload their copy when it does. */
  revision: number;
  bundledVersion: string;
  /** The effective glossary: bundled entries (with personal overrides applied) and personal entries. */
  entries: StoredEntry[];
}

/** Broadcasts from the background to tabs and extension pages. */
export type Broadcast =
  | {
      type: 'glossary/changed';
      revision: number;
      /** Pages find exactly what they found before (an install's rows written): no rescan. */
      sameMatches?: boolean;
    }
  | { type: 'settings/changed'; settings: Settings }
  /** Keyboard shortcut: show the card for the selected text in this tab. */
  | { type: 'card/show-selection' };
