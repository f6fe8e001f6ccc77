/**
 * Text normalisation shared by the matcher, search and import: case folding for
 * Kazakh and Russian, Latin look-alike letters inside Cyrillic words folded to
 * Cyrillic, ё → е, invisible characters (soft hyphen, zero-width, stress marks)
 * ignored, and every whitespace run equal.
 *
 * Everything here works on UTF-16 code units through lookup tables built once,
 * so the matcher can fold text on the fly in its scan loop without allocating.
 */

/** Character classes of the scan loop (a plain object, not an enum: the scan reads it in its hottest loop). */
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

/** Code used for a whitespace run in folded strings and trie keys. */
export const SPACE = 0x20;
/** Code used for any hyphen in folded strings. */
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

export interface Normalized {
  /** The folded text. */
  text: string;
  /**
   * map[i] is the offset in the original text of folded character i;
   * map[text.length] is the original length, so a folded span [a, b) maps back
   * to [map[a], map[b - 1] + 1).
   */
  map: Int32Array;
}

/**
 * Normalise a text for comparison: case-folded, Latin look-alikes inside
 * Cyrillic words folded, ё → е, ignorable characters dropped, every whitespace
 * run (and a hyphen that breaks a word at a line end) collapsed, with a map
 * back to the original offsets.
 */
export function normalize(input: string): Normalized {
  const n = input.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const k = CLASS[c];
    if (k === CharClass.Space) {
      const start = i;
      while (i < n && CLASS[input.charCodeAt(i)] === CharClass.Space) i++;
      out[len] = SPACE;
      map[len++] = start;
      continue;
    }
    if (k === CharClass.Ignorable) {
      i++;
      continue;
    }
    if (k === CharClass.Hyphen) {
      const after = lineBreakHyphenEnd(input, i);
      if (after > 0 && len > 0 && CLASS[input.charCodeAt(i - 1)] === CharClass.Word) {
        i = after;
        continue;
      }
      out[len] = HYPHEN;
      map[len++] = i++;
      continue;
    }
    if (k === CharClass.Word) {
      // Fold a whole word at a time: look-alikes count only where the word has Cyrillic.
      const start = len;
      let cyrillic = false;
      while (i < n) {
        const d = input.charCodeAt(i);
        const dk = CLASS[d];
        if (dk === CharClass.Word) {
          if (IS_CYRILLIC[d]) cyrillic = true;
          out[len] = FOLD[d]!;
          map[len++] = i++;
        } else if (dk === CharClass.Ignorable) {
          i++;
        } else if (dk === CharClass.Hyphen) {
          const after = lineBreakHyphenEnd(input, i);
          if (after > 0) i = after;
          else break;
        } else break;
      }
      if (cyrillic) {
        for (let j = start; j < len; j++) {
          const l = LOOKALIKE[out[j]!]!;
          if (l) out[j] = l;
        }
      }
      continue;
    }
    out[len] = FOLD[c]!;
    map[len++] = i++;
  }
  map[len] = n;
  let text = '';
  for (let j = 0; j < len; j += 8192) {
    text += String.fromCharCode(...out.subarray(j, Math.min(len, j + 8192)));
  }
  return { text, map: map.slice(0, len + 1) };
}

/**
 * Where a hyphen at `i` splits a word across a line ("правосу-\nдие"): the
 * offset of the next word's first letter, or -1 when the hyphen is not
 * followed by a line break and then a lowercase letter (any letter with
 * `anyCase`: where a real hyphen, as in Алаш-\nОрда, may stand at a line end).
 */
export function lineBreakHyphenEnd(text: string, i: number, anyCase = false): number {
  let j = i + 1;
  let sawBreak = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (CLASS[c] !== CharClass.Space) break;
    if (c === 0x0a || c === 0x0d || c === 0x2028) sawBreak = true;
    j++;
  }
  if (!sawBreak || j >= text.length) return -1;
  const c = text.charCodeAt(j);
  if (CLASS[c] !== CharClass.Word) return -1;
  // A capital after the break starts a new word (a real hyphenated name such as Алаш-\nОрда keeps its hyphen).
  return anyCase || FOLD[c] === c || String.fromCharCode(c).toLowerCase() === String.fromCharCode(c)
    ? j
    : -1;
}

/** Fold a short string (a term, a query, a suffix) the way `normalize` does. */
export function foldTerm(term: string): string {
  return normalize(term.trim()).text;
}

/** Replace Kazakh-only letters by their Russian substitutes (азаматтық → азаматтык). */
export function degrade(folded: string): string {
  let s = '';
  for (let i = 0; i < folded.length; i++) s += String.fromCharCode(DEGRADE[folded.charCodeAt(i)]!);
  return s;
}
