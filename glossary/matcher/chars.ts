/**
 * The character tables: what every code unit is to the matcher and to
 * normalisation. Lookup tables over all 2^16 UTF-16 code units, built once, so
 * that text is folded and classified on the fly without allocating.
 *
 * - CLASS: a letter (part of a word), whitespace, an invisible character (soft
 *   hyphen, zero-width, stress mark: skipped inside words), a hyphen, or other
 *   (punctuation: a word boundary).
 * - FOLD: lowercase, ё → е. Latin look-alikes stay Latin here (LOOKALIKE maps
 *   them): they count as Cyrillic only inside a word that has Cyrillic.
 * - DEGRADE: a Kazakh letter → the Russian letter that substitutes for it
 *   (қ → к); a match that needs one is approximate.
 * - FL and KEY, the matcher's alphabets: FL folds look-alikes too; KEY is FL
 *   degraded, the lossy alphabet in which a Kazakh letter and its substitute
 *   meet, so one lookup finds exact and approximate candidates alike.
 */

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

const IGNORABLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0300, 0x0301, 0x034f];
const HYPHENS = [0x2d, 0x2010, 0x2011];

/**
 * Latin letters that official and older sites type inside Kazakh and Russian
 * words in place of the Cyrillic letter they look like (Latin i for і, ə for ә,
 * c for с). Folded only inside words that also hold a Cyrillic letter.
 */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  k: 'к',
  h: 'һ',
  ə: 'ә',
  ɵ: 'ө',
  A: 'а',
  B: 'в',
  C: 'с',
  E: 'е',
  H: 'н',
  K: 'к',
  M: 'м',
  O: 'о',
  P: 'р',
  T: 'т',
  X: 'х',
  Y: 'у',
  I: 'і',
  Ə: 'ә',
  Ɵ: 'ө',
};

/**
 * Russian letters that stand in for Kazakh ones where a keyboard or font lacked
 * them (азаматтык for азаматтық). A match that needs one is approximate.
 */
export const KAZAKH_SUBSTITUTES: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

function buildTables(): {
  fold: Uint16Array;
  cls: Uint8Array;
  degrade: Uint16Array;
  cyr: Uint8Array;
} {
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const degrade = new Uint16Array(0x10000);
  const cyr = new Uint8Array(0x10000);
  const wordRe = /[\p{L}\p{N}\p{M}]/u;
  const spaceRe = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    degrade[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      // Surrogate halves: letters outside the BMP are rare in legal text; keep
      // them inside words so a span never splits a pair.
      fold[c] = c;
      cls[c] = CharClass.Word;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (IGNORABLE.includes(c)) {
      cls[c] = CharClass.Ignorable;
      fold[c] = 0;
    } else if (HYPHENS.includes(c)) {
      cls[c] = CharClass.Hyphen;
      fold[c] = HYPHEN;
    } else if (spaceRe.test(ch)) {
      cls[c] = CharClass.Space;
      fold[c] = SPACE;
    } else if (wordRe.test(ch)) {
      cls[c] = CharClass.Word;
      const lower = ch.toLowerCase();
      fold[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
      if (c >= 0x0400 && c <= 0x04ff) cyr[c] = 1;
    } else {
      cls[c] = CharClass.Other;
      fold[c] = c;
    }
  }
  fold['ё'.charCodeAt(0)] = 'е'.charCodeAt(0);
  fold['Ё'.charCodeAt(0)] = 'е'.charCodeAt(0);
  for (const [k, v] of Object.entries(KAZAKH_SUBSTITUTES))
    degrade[k.charCodeAt(0)] = v.charCodeAt(0);
  return { fold, cls, degrade, cyr };
}

const tables = buildTables();

/** Code unit → folded code unit (lowercase; ё → е). Latin look-alikes are folded separately: see LOOKALIKE. */
export const FOLD: Uint16Array = tables.fold;
/** Code unit → CharClass. */
export const CLASS: Uint8Array = tables.cls;
/** Folded code unit → the Russian letter that substitutes for it (Kazakh letters only; identity otherwise). */
export const DEGRADE: Uint16Array = tables.degrade;
/** 1 for Cyrillic code units. */
export const IS_CYRILLIC: Uint8Array = tables.cyr;

/** Folded Latin code unit → the Cyrillic letter it looks like (0 when none). */
export const LOOKALIKE: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (const [k, v] of Object.entries(LATIN_LOOKALIKES)) t[k.charCodeAt(0)] = v.charCodeAt(0);
  return t;
})();

/** Code unit → folded code unit with Latin look-alikes read as the Cyrillic letters they stand for. */
export const FL: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c]!;
    t[c] = LOOKALIKE[f]! || f;
  }
  return t;
})();

/** Code unit → the matcher's key: FL, then degraded (Kazakh letters → their Russian substitutes). */
export const KEY: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = DEGRADE[FL[c]!]!;
  return t;
})();

/** A code unit read through a Latin look-alike (so its word must hold Cyrillic to count). */
export const VIA_LOOKALIKE: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (!IS_CYRILLIC[c] && LOOKALIKE[FOLD[c]!]) t[c] = 1;
  return t;
})();

/** Code unit → what the scan needs of it in one load: its key (bits 0–15) and its CharClass (bits 16–18). */
export const CHAR_KEY = 0xffff;
export const CHAR_CLASS_SHIFT = 16;
export const CHAR: Int32Array = (() => {
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = KEY[c]! | (CLASS[c]! << CHAR_CLASS_SHIFT);
  return t;
})();
