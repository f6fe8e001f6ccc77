/**
 * Text normalisation shared by the matcher, search and import: case folding for
 * Kazakh and Russian, Latin look-alike letters inside Cyrillic words folded to
 * Cyrillic, ё → е, invisible characters (soft hyphen, zero-width, stress marks)
 * ignored, and every whitespace run equal.
 *
 * Everything here works on UTF-16 code units through lookup tables built once,
 * so the matcher can fold text on the fly in its scan loop without allocating.
 * The tables and the word-reading rule live with the matcher
 * (glossary/matcher/chars.ts, words.ts).
 */

import { CharClass, HYPHEN, SPACE, charTables } from './matcher/chars';
import { wordGoesOn } from './matcher/words';

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
  const len = foldInto(input, out, map);
  return { text: textOf(out, len), map: map.slice(0, len + 1) };
}

/**
 * The folding itself: writes the folded code units of `input` to `out` and,
 * when given, each one's offset in `input` to `map` (map[len] = input.length);
 * returns the folded length. Both must hold input.length (+1) values.
 */
function foldInto(input: string, out: Uint16Array, map: Int32Array | null): number {
  const { cls, fold, cyr, lookalike } = charTables();
  const n = input.length;
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    const k = cls[c];
    if (k === CharClass.Space) {
      const start = i;
      while (i < n && cls[input.charCodeAt(i)] === CharClass.Space) i++;
      if (map) map[len] = start;
      out[len++] = SPACE;
      continue;
    }
    if (k === CharClass.Ignorable) {
      i++;
      continue;
    }
    if (k === CharClass.Hyphen) {
      if (map) map[len] = i;
      out[len++] = HYPHEN;
      i++;
      continue;
    }
    if (k === CharClass.Word) {
      // Fold a word (up to a hyphen inside it) at a time: look-alikes count
      // only where it has Cyrillic. Skipped code units leave no trace.
      const start = len;
      let cyrillic = false;
      for (;;) {
        const j = wordGoesOn(input, i);
        if (j > i) {
          i = j;
          continue;
        }
        const d = input.charCodeAt(i);
        if (j < 0 || cls[d] !== CharClass.Word) break;
        if (cyr[d]) cyrillic = true;
        if (map) map[len] = i;
        out[len++] = fold[d]!;
        i++;
      }
      if (cyrillic) {
        for (let j = start; j < len; j++) {
          const l = lookalike[out[j]!]!;
          if (l) out[j] = l;
        }
      }
      continue;
    }
    if (map) map[len] = i;
    out[len++] = fold[c]!;
    i++;
  }
  if (map) map[len] = n;
  return len;
}

function textOf(out: Uint16Array, len: number): string {
  if (len <= 8192)
    return String.fromCharCode.apply(null, out.subarray(0, len) as unknown as number[]);
  let text = '';
  for (let j = 0; j < len; j += 8192) {
    text += String.fromCharCode.apply(
      null,
      out.subarray(j, Math.min(len, j + 8192)) as unknown as number[],
    );
  }
  return text;
}

/** foldTerm's buffer, grown as needed: folding a term allocates only its result. */
let termBuffer = new Uint16Array(256);

/** Fold a short string (a term, a query, a suffix) the way `normalize` does. */
export function foldTerm(term: string): string {
  const t = term.trim();
  if (t.length > termBuffer.length) termBuffer = new Uint16Array(t.length * 2);
  return textOf(termBuffer, foldInto(t, termBuffer, null));
}

/** Replace Kazakh-only letters by their Russian substitutes (азаматтық → азаматтык). */
export function degrade(folded: string): string {
  const table = charTables().degrade;
  let s = '';
  for (let i = 0; i < folded.length; i++) s += String.fromCharCode(table[folded.charCodeAt(i)]!);
  return s;
}
