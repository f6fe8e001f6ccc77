/**
 * The shapes every part of Ata Zan shares: the canonical glossary entry (the
 * bundled data, the database rows and the JSON import/export all use it) and
 * what the matcher reports.
 */

export type Lang = 'kk' | 'ru';

/** One language side of an entry. `variants` are synonyms and abbreviations (ҚР/РК). */
export interface TermSide {
  term: string;
  variants: string[];
  definition: string;
}

/** Which Constitution a citation quotes: the current one (2026) or the 1995 one (edition 01.01.2023). */
export type Edition = '2026' | '1995';

export interface Citation {
  edition: Edition;
  /** "76", "83-1" */
  article: string;
  /** "1", "3-1", or null for an article without numbered clauses */
  clause: string | null;
  /** Word-for-word passages of the cited clause in each language. */
  quote: { kk: string; ru: string };
  /** false when the clause establishes the concept without naming it (rare). */
  mentions?: boolean;
}

export interface Entry {
  /** Stable, unique; bundled ids are lowercase ASCII slugs, personal ids start with "p-". */
  id: string;
  kk: TermSide;
  ru: TermSide;
  en?: { term: string };
  citations: Citation[];
  tags: string[];
}

export type EntrySource = 'bundled' | 'personal';

/** The bundled glossary file format (glossary/data/*.json). */
export interface GlossaryFile {
  version: string;
  entries: Entry[];
}

/** What the matcher needs of an entry: its id and the terms to look for in each language. */
export interface MatchableEntry {
  id: string;
  kk: string[];
  ru: string[];
}

/** One occurrence of a glossary term in a text: [start, end) in UTF-16 code units of the original text. */
export interface Match {
  start: number;
  end: number;
  /** The entry whose term was found. */
  id: string;
  /** The language of the term that matched. */
  lang: Lang;
  /** The dictionary form of the term that matched (as written in the glossary). */
  term: string;
  /** True when the match needed Russian substitute letters (азаматтык for азаматтық) or is an ambiguous word form. */
  approximate: boolean;
}
