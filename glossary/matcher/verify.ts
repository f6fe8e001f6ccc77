/**
 * Verification: every candidate the index offers is compared with its term,
 * letter by letter, before it counts — its stem with the text (compareStem)
 * and the rest of its word with the stem's suffixes (SuffixTrie). This is
 * also where an exact match is told from an approximate one (a Russian
 * substitute letter where the term has a Kazakh one). The index may offer
 * false candidates (hash collisions, the lossy key alphabet); verification
 * never accepts one.
 *
 * The text is read by the word-reading rule (words.ts): invisible characters
 * and split words' line-end hyphens are skipped.
 */
import type { SuffixSet } from '../morphology/types';
import {
  CLASS,
  CharClass,
  DEGRADE,
  FL,
  FOLD,
  HYPHEN,
  IS_CYRILLIC,
  KEY,
  SPACE,
  VIA_LOOKALIKE,
} from './char-tables';
import { lineEndHyphenEnd, wordGoesOn } from './words';

/** A comparison's outcome. */
export const NO_MATCH = 0;
export const EXACT = 1;
export const APPROXIMATE = 2;
export type Comparison = 0 | 1 | 2;

/**
 * A trie of the given strings as child maps (node 0 the root), each read
 * through keyOf, forwards or backwards; final marks a whole string.
 */
export function mapTrie(
  strings: Iterable<string>,
  keyOf: Uint16Array,
  backwards: boolean,
): { next: Map<number, number>[]; final: boolean[] } {
  const next: Map<number, number>[] = [new Map()];
  const final: boolean[] = [false];
  for (const s of strings) {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const k = keyOf[s.charCodeAt(backwards ? s.length - 1 - i : i)]!;
      let child = next[node]!.get(k);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        final.push(false);
        next[node]!.set(k, child);
      }
      node = child;
    }
    final[node] = true;
  }
  return { next, final };
}

/** A suffix trie's arrays, as a stored index holds them (see SuffixTrie). */
export interface SuffixTrieData {
  readonly start: Int32Array;
  readonly keys: Uint16Array;
  readonly kids: Int32Array;
  readonly final: Uint8Array;
}

/** Why `data` cannot be a suffix trie (a stored index may be corrupted), or null. */
export function checkSuffixTrieData(data: SuffixTrieData): string | null {
  const { start, keys, kids, final } = data;
  const n = final.length;
  if (n < 1 || start.length !== n + 1 || start[0] !== 0) return 'suffix trie: malformed nodes';
  for (let v = 0; v < n; v++) if (start[v + 1]! < start[v]!) return 'suffix trie: malformed nodes';
  if (keys.length !== start[n] || kids.length !== start[n]) return 'suffix trie: malformed edges';
  for (const kid of kids) if (kid < 0 || kid >= n) return 'suffix trie: an edge leads nowhere';
  return null;
}

/**
 * The suffixes of one SuffixSet as a small frozen trie: node v's edges are
 * keys[start[v], start[v + 1]) with children kids[…]; final[v] marks a whole
 * suffix.
 */
class SuffixTrie {
  constructor(private readonly trie: SuffixTrieData) {}

  static of(suffixes: readonly string[], table: Uint16Array): SuffixTrie {
    // Build with maps, then lay the nodes out breadth first.
    const { next, final: isFinal } = mapTrie(suffixes, table, false);
    const n = next.length;
    const start = new Int32Array(n + 1);
    const keys = new Uint16Array(n - 1);
    const kids = new Int32Array(n - 1);
    const final = new Uint8Array(n);
    let e = 0;
    for (let v = 0; v < n; v++) {
      start[v] = e;
      final[v] = isFinal[v] ? 1 : 0;
      for (const [k, child] of next[v]!) {
        keys[e] = k;
        kids[e++] = child;
      }
    }
    start[n] = e;
    return new SuffixTrie({ start, keys, kids, final });
  }

  get data(): SuffixTrieData {
    return this.trie;
  }

  /** Does text[i, end) — the rest of a word — spell a suffix, read through `table`? */
  matches(table: Uint16Array, text: string, i: number, end: number): boolean {
    const { start, keys, kids } = this.trie;
    let node = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      const k = CLASS[c];
      if (k !== CharClass.Word) {
        const j = wordGoesOn(text, i);
        if (j > i) {
          i = j;
          continue;
        }
      }
      const key = k === CharClass.Hyphen ? HYPHEN : table[c]!;
      let found = -1;
      for (let e = start[node]!, last = start[node + 1]!; e < last; e++) {
        if (keys[e] === key) {
          found = kids[e]!;
          break;
        }
      }
      if (found < 0) return false;
      node = found;
      i++;
    }
    return this.trie.final[node] === 1;
  }
}

/** A compiled suffix set's parts, as a stored index holds them. */
export interface CompiledSuffixesData {
  readonly exact: SuffixTrieData;
  readonly degraded: SuffixTrieData;
  readonly bare: boolean;
  readonly any: boolean;
}

/** A compiled suffix set: tries over the exact suffixes and over their degraded keys. */
export class CompiledSuffixes {
  private readonly exact: SuffixTrie;
  private readonly degraded: SuffixTrie;
  /** The bare stem is a form. */
  readonly bare: boolean;
  /** Some suffix is not empty. */
  readonly any: boolean;

  /** The set `data` holds (checked by checkSuffixTrieData). */
  constructor(data: CompiledSuffixesData) {
    this.exact = new SuffixTrie(data.exact);
    this.degraded = new SuffixTrie(data.degraded);
    this.bare = data.bare;
    this.any = data.any;
  }

  static of(set: SuffixSet): CompiledSuffixes {
    const nonEmpty = [...set.forms].filter((s) => s !== '');
    return new CompiledSuffixes({
      exact: SuffixTrie.of(nonEmpty, FL).data,
      degraded: SuffixTrie.of(nonEmpty, KEY).data,
      bare: set.forms.has(''),
      any: nonEmpty.length > 0,
    });
  }

  data(): CompiledSuffixesData {
    return { exact: this.exact.data, degraded: this.degraded.data, bare: this.bare, any: this.any };
  }

  /** Compare text[i, end), the rest of a word, with the suffixes: exact, or approximate through substitutes. */
  compare(text: string, i: number, end: number): Comparison {
    if (this.exact.matches(FL, text, i, end)) return EXACT;
    return this.degraded.matches(KEY, text, i, end) ? APPROXIMATE : NO_MATCH;
  }
}

/**
 * Compare text[start, end) with the expected folded stem, stems[from, from +
 * length), without allocating. Exact: each letter as the term has it (or its
 * Latin look-alike, inside a word that has Cyrillic); approximate: a Russian
 * substitute stands for a Kazakh letter. A run of whitespace matches the
 * term's space; the term's own hyphen may stand at a line end.
 */
export type StemComparer = (
  text: string,
  start: number,
  end: number,
  stems: Uint16Array,
  from: number,
  length: number,
) => Comparison;

export const compareStem: StemComparer = (text, start, end, stems, from, length) => {
  let result: Comparison = EXACT;
  let j = 0;
  let wordHasCyrillic = false;
  let wordUsedLookalike = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const k = CLASS[c];
    let t: number;
    if (k === CharClass.Space) {
      if (wordUsedLookalike && !wordHasCyrillic) return NO_MATCH;
      wordHasCyrillic = wordUsedLookalike = false;
      while (i < end && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      t = SPACE;
    } else if (k === CharClass.Hyphen && j < length && stems[from + j] === HYPHEN) {
      // The term's own hyphen, perhaps at a line end.
      const broken = lineEndHyphenEnd(text, i);
      i = broken > 0 ? broken : i + 1;
      t = HYPHEN;
    } else if (k === CharClass.Word) {
      if (IS_CYRILLIC[c]) wordHasCyrillic = true;
      t = FL[c]!;
      i++;
    } else {
      const next = wordGoesOn(text, i);
      if (next > i) {
        i = next;
        continue;
      }
      t = k === CharClass.Hyphen ? HYPHEN : FL[c]!;
      i++;
    }
    if (j >= length) return NO_MATCH;
    const e = stems[from + j++]!;
    if (FOLD[c] === e) continue; // as written (also a Latin letter of a Latin term)
    if (t === e) {
      if (VIA_LOOKALIKE[c]) wordUsedLookalike = true;
      continue;
    }
    const d = DEGRADE[e]!;
    if (d !== e && DEGRADE[t] === d) {
      // A substitute letter where the term has a Kazakh one.
      result = APPROXIMATE;
      continue;
    }
    return NO_MATCH;
  }
  if (j !== length) return NO_MATCH;
  // The last word may go on into its suffix; a look-alike-only stem there is rare enough to accept.
  if (
    wordUsedLookalike &&
    !wordHasCyrillic &&
    i >= end &&
    CLASS[text.charCodeAt(end)] !== CharClass.Word
  )
    return NO_MATCH;
  return result;
};

/**
 * compareStem, with a fast path for the common case: the span is the stem
 * letter for letter (one tight loop confirms it); anything else (a substitute
 * letter, a look-alike, a run of spaces) goes to compareStem.
 */
export const comparePlain: StemComparer = (text, start, end, stems, from, length) => {
  if (end - start === length) {
    let j = 0;
    while (j < length && FOLD[text.charCodeAt(start + j)] === stems[from + j]) j++;
    if (j === length) return EXACT;
  }
  return compareStem(text, start, end, stems, from, length);
};
