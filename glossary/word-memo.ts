/**
 * What the matcher found for a word, remembered by the word's exact code
 * units and the word state it was read from. Running text repeats its words
 * (in the benchmark's texts, a tenth of the words of a 1 MB document are
 * distinct), and what a word yields depends on nothing but its own characters
 * and that state: a first word, its best single-word match and where a phrase
 * may go on; a later word of a phrase, where its terms may end in it (which
 * are then verified against the whole phrase) and where the phrase goes on.
 * A repeated word costs one lookup here instead of the word table's lookups
 * and the verification of its terms.
 *
 * Words are compared character by character with a copy kept in a pool, so a
 * hash collision can never return another word's result. Memory is bounded:
 * when the pool or the table fills up, everything is forgotten at once.
 */

/** Slots: 2^15, eight int32 each (a cache line holds two). */
const BITS = 15;
const STRIDE = 8;
/** Forget everything past this many words, so that probes stay short. */
const MAX_WORDS = (1 << BITS) >> 1;
const POOL_CHARS = 1 << 18;

export const MEMO_SEED = 0x811c9dc5 | 0;

/** The hash of a word after one more code unit. */
export function memoStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export class WordMemo {
  /**
   * Per slot: [0] hash, [1] where the word's copy starts in the pool (-1 =
   * empty), [2] its length, [3] the word state, [4..7] the four values
   * stored with it.
   */
  readonly slots = new Int32Array((1 << BITS) * STRIDE);
  private readonly pool = new Uint16Array(POOL_CHARS);
  private poolUsed = 0;
  private words = 0;

  constructor() {
    this.clear();
  }

  /** Forget every word. */
  clear(): void {
    for (let s = 0; s < 1 << BITS; s++) this.slots[s * STRIDE + 1] = -1;
    this.poolUsed = 0;
    this.words = 0;
  }

  private static first(hash: number, length: number, state: number): number {
    return Math.imul(hash ^ length ^ Math.imul(state, 0x85ebca6b), 0x9e3779b1) >>> (32 - BITS);
  }

  /** The slot of text[start, end) (hashed to `hash`) read from `state`: its values at +4…+7; -1 when not remembered. */
  find(text: string, start: number, end: number, hash: number, state: number): number {
    const { slots, pool } = this;
    const length = end - start;
    for (let s = WordMemo.first(hash, length, state); ; s = (s + 1) & ((1 << BITS) - 1)) {
      const at = s * STRIDE;
      const copy = slots[at + 1]!;
      if (copy < 0) return -1;
      if (slots[at] !== hash || slots[at + 2] !== length || slots[at + 3] !== state) continue;
      let j = 0;
      while (j < length && pool[copy + j] === text.charCodeAt(start + j)) j++;
      if (j === length) return at;
    }
  }

  /** Remember the values of text[start, end) read from `state` (not remembered yet). */
  store(
    text: string,
    start: number,
    end: number,
    hash: number,
    state: number,
    v0: number,
    v1: number,
    v2: number,
    v3: number,
  ): void {
    const length = end - start;
    if (length > 64) return; // rare, and would crowd the pool
    if (this.words >= MAX_WORDS || this.poolUsed + length > POOL_CHARS) this.clear();
    const { slots, pool } = this;
    let s = WordMemo.first(hash, length, state);
    while (slots[s * STRIDE + 1]! >= 0) s = (s + 1) & ((1 << BITS) - 1);
    const at = s * STRIDE;
    const copy = this.poolUsed;
    for (let j = 0; j < length; j++) pool[copy + j] = text.charCodeAt(start + j);
    this.poolUsed += length;
    this.words++;
    slots[at] = hash;
    slots[at + 1] = copy;
    slots[at + 2] = length;
    slots[at + 3] = state;
    slots[at + 4] = v0;
    slots[at + 5] = v1;
    slots[at + 6] = v2;
    slots[at + 7] = v3;
  }

  get bytes(): number {
    return this.slots.byteLength + this.pool.byteLength;
  }
}
