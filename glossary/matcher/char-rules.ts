/** The character classes and the code units the matcher treats specially, shared by the tables and their Unicode source. */

/** Character classes (a plain object, not an enum: the scan reads it in its hottest loop). */
export const CharClass = {
  /** Punctuation, symbols: a word boundary. */
  Other: 0,
  /** Letters, digits and combining marks: part of a word. */
  Word: 1,
  /** Any whitespace, NBSP and line breaks included. */
  Space: 2,
  /** Soft hyphen, zero-width characters, stress marks: skipped inside words. */
  Ignorable: 3,
  /** A hyphen: inside a word when a letter follows; at a line end it may split a word. */
  Hyphen: 4,
} as const;

/** Code used for a whitespace run in folded strings and keys. */
export const SPACE = 0x20;
/** Code used for any hyphen in folded strings and keys. */
export const HYPHEN = 0x2d;

/** Soft hyphen, zero-width characters, the word joiner, BOM, stress marks, the grapheme joiner. */
export const IGNORABLE: readonly number[] = [
  0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0300, 0x0301, 0x034f,
];
/** Hyphen-minus, hyphen, non-breaking hyphen. */
export const HYPHENS: readonly number[] = [0x2d, 0x2010, 0x2011];
