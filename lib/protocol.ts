/**
 * Messages between the extension's parts. The background service worker is the
 * single writer of the database; the content script, popup and options page
 * ask it through `browser.runtime.sendMessage` and it answers with the
 * matching response type. Changes are broadcast to tabs and pages.
 */
import type { MatchedTerm } from '../glossary/spans';
import type { Entry, EntrySource } from '../glossary/types';

/** An entry as the database holds it. */
export interface StoredEntry extends Entry {
  source: EntrySource;
  /** For a personal override of a bundled entry: the bundled entry's id (equal to `id`). */
  overrides?: string;
  createdAt: number;
  updatedAt: number;
}

export type HighlightKind = 'exact' | 'approximate' | 'personal';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['exact', 'approximate', 'personal'];

export interface Settings {
  /** Highlighting everywhere. */
  enabled: boolean;
  /** Hostnames where highlighting is off. */
  disabledSites: string[];
  /** 'auto' follows the browser's language. */
  uiLanguage: 'auto' | 'kk' | 'ru' | 'en';
  /** CSS colours of the highlight kinds. */
  colors: Record<HighlightKind, string>;
  /** Open PDFs navigated to in a tab in Ata Zan's viewer (Chromium; off by default). */
  openPdfs: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  uiLanguage: 'auto',
  colors: { exact: '#fff3a3', approximate: '#ffd9a8', personal: '#c8f0d0' },
  openPdfs: false,
};

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

/** Requests to the background, each with its response type. */
export type Request =
  | { type: 'glossary/get' } // → GlossarySnapshot
  | { type: 'entry/get'; id: string } // → StoredEntry | null
  | { type: 'entries/list'; source?: EntrySource } // → StoredEntry[]
  | { type: 'entry/save'; entry: Entry } // → StoredEntry (personal; an override when `id` is a bundled id)
  | { type: 'entry/delete'; id: string } // → StoredEntry | null (the deleted row, for undo)
  | { type: 'entry/restore'; entry: StoredEntry } // → StoredEntry (undo of a delete)
  | { type: 'entry/reset'; id: string } // → StoredEntry | null (drops a personal override; returns the bundled entry)
  | { type: 'entries/import'; entries: Entry[]; policy: DuplicatePolicy; name?: string } // → ImportSummary (one transaction, recorded as a batch)
  | { type: 'entries/delete'; ids: string[] } // → DeleteSummary (personal rows; one transaction, recorded as a batch)
  | { type: 'batches/list' } // → BatchInfo[] (newest first)
  | { type: 'batch/undo'; id: number } // → UndoSummary (an import or a bulk delete, undone in one transaction)
  | { type: 'settings/get' } // → Settings
  | { type: 'settings/set'; patch: Partial<Settings> } // → Settings
  /** Open the options page, at an entry when given (the hover card's "open in glossary"). */
  | { type: 'options/open'; entryId?: string } // → null
  /**
   * Find glossary terms in page texts (content script → background). The
   * background keeps the compiled matcher, so no page pays for compiling it
   * and no page's main thread runs the scan.
   */
  | { type: 'text/scan'; texts: string[] }; // → ScanResult

/**
 * The answer to `text/scan`, packed: messages are JSON, and one object per
 * match would cost more to build, send and parse than the scan itself.
 * `decodeScanResult` (lib/scan-wire.ts) turns it back into matches.
 */
export interface ScanResult {
  /** The glossary revision the texts were scanned against. */
  revision: number;
  /** The terms this answer's spans refer to, each once, in order of first use. */
  terms: MatchedTerm[];
  /**
   * One list per text, in the order sent: its matches in text order, four
   * numbers apiece, `start, end, term, approximate` — `start` and `end` offsets
   * in the text, `term` an index into `terms`, `approximate` 1 or 0 (as
   * `Match.approximate`). Empty for a text without matches.
   */
  spans: number[][];
  /** The ids among `terms` that are personal entries or overrides (painted as `personal`). */
  personal: string[];
  /**
   * The other senses of the word at a span (glossary/context.ts), for the
   * spans whose word has them: `text` and `span` index into `spans`. Absent
   * when no span has any.
   */
  senses?: { text: number; span: number; ids: string[] }[];
}

export interface GlossarySnapshot {
  /** Changes whenever any entry changes; tabs repaint and pages reload their copy when it does. */
  revision: number;
  bundledVersion: string;
  /** The effective glossary: bundled entries (with personal overrides applied) and personal entries. */
  entries: StoredEntry[];
}

/** Broadcasts from the background to tabs and extension pages. */
export type Broadcast =
  | { type: 'glossary/changed'; revision: number }
  | { type: 'settings/changed'; settings: Settings }
  /** Keyboard shortcut: show the card for the selected text in this tab. */
  | { type: 'card/show-selection' };
