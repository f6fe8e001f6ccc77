/**
 * The shapes every part of Ata Zan shares: the canonical glossary entry (the
 * bundled data, the database rows and the JSON import/export all use it) and
 * what the matcher reports.
 */

export type Lang = 'kk' | 'ru';

/**
 * How a term stands in the official texts: the wording they use now
 * (preferred), another wording still in use (admitted), or a superseded one
 * (historical: the prosecutor's protest, terms of the 1995 Constitution only).
 */
export type TermStatus = 'preferred' | 'admitted' | 'historical';

/** One language side of an entry. `variants` are synonyms and abbreviations (ҚР/РК). */
export interface TermSide {
  term: string;
  variants: string[];
  definition: string;
  /** The status of a variant; a variant not listed is admitted. */
  variantStatus?: Record<string, TermStatus>;
}

/** Which Constitution a citation quotes: the current one (2026) or the 1995 one (edition 01.01.2023). */
export type Edition = '2026' | '1995';

/** The codes the glossary cites, by their slug in glossary/sources/codes. */
export type CodeSlug =
  | 'civil-procedure'
  | 'criminal-procedure'
  | 'criminal'
  | 'administrative-procedure'
  | 'civil-general'
  | 'labour';

/** A clause of the Constitution, quoted in both languages. */
export interface ConstitutionCitation {
  code?: undefined;
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

/** An article title or a concept clause of a code, quoted in both languages. */
export interface CodeCitation {
  code: CodeSlug;
  /** The edition (YYYY-MM-DD) of the text quoted: titles may come from an older edition than the concepts. */
  edition: string;
  /** "148", "27-1" */
  article: string;
  /** The clause of a concepts article ("1", "14-1", "intro"); null for the article's title (or the whole text of an unnumbered concepts article). */
  clause: string | null;
  quote: { kk: string; ru: string };
  mentions?: boolean;
}

export type Citation = ConstitutionCitation | CodeCitation;

/** Whether a citation quotes a code rather than the Constitution. */
export const isCodeCitation = (c: Citation): c is CodeCitation => c.code !== undefined;

export interface Entry {
  /** Stable, unique; bundled ids are lowercase ASCII slugs, personal ids start with "p-". */
  id: string;
  kk: TermSide;
  ru: TermSide;
  en?: { term: string };
  citations: Citation[];
  tags: string[];
  /** The status of the entry's terms; absent means preferred. */
  status?: TermStatus;
  /**
   * One sense of a word with several legal meanings (азаматтық: "civil" and
   * "citizenship"): the senses of one word share a `group`, and the context
   * decides which one a page shows (glossary/context.ts).
   */
  sense?: SenseRule;
  /**
   * Terms common outside law (область, брак, жер): highlighted only where one
   * of the rules finds the context legal.
   */
  quiet?: QuietRule[];
}

/**
 * A test of one word next to a match, compared after `foldTerm` (lowercase,
 * ё → е, look-alikes). The word passes when it is one of `words`, or begins
 * with one of `prefixes`, or ends with one of `suffixes`; a test with none of
 * the three passes any word.
 */
export interface WordTest {
  words?: string[];
  prefixes?: string[];
  suffixes?: string[];
}

/**
 * A condition on the context of a match; every field given must hold. "The
 * word before" and "the word after" are the nearest words in the same
 * sentence, across spaces and commas only.
 */
export interface ContextRule {
  /** The matched text is the term itself, uninflected ("bare"), or an inflected form. */
  form?: 'bare' | 'inflected';
  /** The matched text (folded) is one of these forms: a required case form ("заңды"). */
  forms?: string[];
  /** The word before passes the test (and there is one). */
  prev?: WordTest;
  /** The word after passes the test (and there is one). */
  next?: WordTest;
  /** There is no word before, or it fails the test. */
  notPrev?: WordTest;
  /** There is no word after, or it fails the test. */
  notNext?: WordTest;
  /**
   * The sentence is legal: it holds another glossary term that is not itself
   * quiet, or a legal cue word (статья, бап, кодекс… — LEGAL_CUES in glossary/context.ts).
   */
  legalContext?: boolean;
}

/** One sense of a word: the sense applies where one of `when` holds; without `when` it is the group's default. */
export interface SenseRule {
  /** The word's senses share this slug. */
  group: string;
  when?: ContextRule[];
}

/** Terms of one language (all of them unless `terms` lists some) that are highlighted only where one of `when` holds. */
export interface QuietRule {
  lang: Lang;
  /** The terms or variants, as written in the entry; absent: every term of the language. */
  terms?: string[];
  when: ContextRule[];
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
  /** The ids of the other senses the matched word may have (glossary/context.ts); absent when none. */
  senses?: string[];
}
