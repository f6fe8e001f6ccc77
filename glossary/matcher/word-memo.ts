/**
 * What the matcher found for a word, remembered by the word's exact code
 * units and a key: 0 for the first word of a match, else the slot of the word
 * before it (+1). Running text repeats its words and phrases, and what a
 * word yields depends on nothing but its own characters and those
 * of the words before it: its best match, verified, and the word state a
 * phrase goes on from. A slot stands for the exact text of its word and of
 * every word before it, so a repeated word or phrase costs one lookup per word
 * here instead of the word table's lookups and the verification of its terms.
 *
 * Words are compared character by character with a copy kept in a pool, so a
 * hash collision can never return another word's result. Memory is bounded:
 * when the pool or the table fills up, everything is forgotten at once (and a
 * phrase being read stops being remembered: its slots are gone).
 */

import { lineEndHyphenEnd, wordGoesOn } from './words';

/** Slots: 2^15 by default, eight int32 each (a cache line holds two). */
const BITS = 15;
const STRIDE = 8;
/** The pool holds this many code units per slot. */
const POOL_PER_SLOT = 8;
/** Longer words are not remembered. */
const MAX_LENGTH = 64;

export const MEMO_SEED = 0x811c9dc5 | 0;

/** The hash of a word after one more code unit. */
export function memoStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export class WordMemo {
  /**
   * Per slot: [0] hash, [1] where the word's copy starts in the pool, + 1 (0
   * = empty), [2] its length, [3] its key, [4..6] the three values stored
   * with it, [7] the slot of the word that followed it last (-1 none).
   */
  private readonly slots: Int32Array;
  private readonly pool: Uint16Array;
  private poolUsed = 0;
  private words = 0;
  /** Slot numbers are hashes shifted right by this. */
  private readonly shift: number;
  private readonly mask: number;
  /** Forget everything past this many words (half the slots), so that probes stay short. */
  private readonly maxWords: number;

  /** `bits`: 2^bits slots (the tests make it small, to forget often). */
  constructor(bits = BITS) {
    // New arrays are empty: a small memo (a matcher of one entry) costs little to make.
    this.slots = new Int32Array((1 << bits) * STRIDE);
    this.pool = new Uint16Array(Math.max((1 << bits) * POOL_PER_SLOT, 2 * MAX_LENGTH));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.maxWords = (1 << bits) >> 1;
  }

  /** Forget every word. */
  clear(): void {
    this.slots.fill(0);
    this.poolUsed = 0;
    this.words = 0;
  }

  private first(hash: number, length: number, key: number): number {
    return Math.imul(hash ^ length ^ Math.imul(key, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  /** The slot of text[start, end) (hashed to `hash`) under `key` (see value0…value2); -1 when not remembered. */
  find(text: string, start: number, end: number, hash: number, key: number): number {
    const { slots, pool, mask } = this;
    const length = end - start;
    for (let s = this.first(hash, length, key); ; s = (s + 1) & mask) {
      const at = s * STRIDE;
      const copy = slots[at + 1]! - 1;
      if (copy < 0) return -1;
      if (slots[at] !== hash || slots[at + 2] !== length || slots[at + 3] !== key) continue;
      let j = 0;
      while (j < length && pool[copy + j] === text.charCodeAt(start + j)) j++;
      if (j === length) return at;
    }
  }

  /**
   * The slot of the word that followed the word in slot `at` when it was
   * last read, if text at `start` is that word again (a whole plain word:
   * what follows it would end the word for hashWord too); else -1.
   */
  nextAt(at: number, text: string, start: number): number {
    const { slots, pool } = this;
    const next = slots[at + 7]!;
    if (next < 0) return -1;
    const copy = slots[next + 1]! - 1;
    // A slot forgotten, or taken by a word after another.
    if (copy < 0 || slots[next + 3] !== at + 1) return -1;
    const length = slots[next + 2]!;
    const end = start + length;
    if (end > text.length) return -1;
    for (let j = 0; j < length; j++) if (pool[copy + j] !== text.charCodeAt(start + j)) return -1;
    // The word must end there, as it did then (a term's own hyphen at a line end would go on).
    if (wordGoesOn(text, end) >= 0 || lineEndHyphenEnd(text, end) > 0) return -1;
    return next;
  }

  /** The length of the word in slot `at`. */
  length(at: number): number {
    return this.slots[at + 2]!;
  }

  /** The first value stored with the word in slot `at`. */
  value0(at: number): number {
    return this.slots[at + 4]!;
  }

  /** The second value stored with the word in slot `at`. */
  value1(at: number): number {
    return this.slots[at + 5]!;
  }

  /** The third value stored with the word in slot `at`. */
  value2(at: number): number {
    return this.slots[at + 6]!;
  }

  /** The word in slot `next` followed the word in slot `at` (what nextAt offers). */
  follows(next: number, at: number): void {
    this.slots[at + 7] = next;
  }

  /** The next store forgets every word first. */
  get full(): boolean {
    return this.words >= this.maxWords || this.poolUsed + MAX_LENGTH > this.pool.length;
  }

  /**
   * Remember the values of text[start, end) under `key` (not remembered
   * yet); returns its slot, or -1 for a word too long to remember.
   */
  store(
    text: string,
    start: number,
    end: number,
    hash: number,
    key: number,
    v0: number,
    v1: number,
    v2: number,
  ): number {
    const length = end - start;
    if (length > MAX_LENGTH) return -1; // rare, and would crowd the pool
    if (this.full) this.clear();
    const { slots, pool } = this;
    let s = this.first(hash, length, key);
    while (slots[s * STRIDE + 1] !== 0) s = (s + 1) & this.mask;
    const at = s * STRIDE;
    const copy = this.poolUsed;
    for (let j = 0; j < length; j++) pool[copy + j] = text.charCodeAt(start + j);
    this.poolUsed += length;
    this.words++;
    slots[at] = hash;
    slots[at + 1] = copy + 1;
    slots[at + 2] = length;
    slots[at + 3] = key;
    slots[at + 4] = v0;
    slots[at + 5] = v1;
    slots[at + 6] = v2;
    slots[at + 7] = -1;
    return at;
  }

  get bytes(): number {
    return this.slots.byteLength + this.pool.byteLength;
  }
}
