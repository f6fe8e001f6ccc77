/**
 * The matcher's word-level index: a hash table from (word state, the keys of
 * one word read from it) to what can happen there — a stem ends inside the
 * word (it takes suffixes), a pattern ends with the word, the next word of a
 * phrase follows, or a term's own hyphen comes next.
 *
 * A character trie answers the same questions letter by letter; this table
 * answers them word by word. A scan hashes each word of the text as it reads
 * it, which it must read anyway to find where the word ends, and looks it up
 * once at its end and where the rest of it is a suffix: a word costs about one
 * probe however large the glossary, and building the table costs a hash per
 * word of each pattern instead of a trie node per letter.
 *
 * A word state is where a word starts: 0 for the first word of a pattern, or
 * the state reached after an earlier word of a phrase and a space. Patterns
 * that agree on their words so far share their states. The hash of a word is
 * two 32-bit lanes seeded by its state and stepped by each key. The builder
 * compares the keys of words whose lanes agree, and reports a collision
 * (never seen: 64 bits over some 10^5 words) so that the matcher can do
 * without the table; a text word that merely hashes like a stored one yields
 * a candidate that verification rejects, since every match is compared with
 * its term.
 */

/** The first lane's seed for a word state. */
export function seedA(state: number): number {
  return Math.imul(state ^ 0x3c6ef372, 0x9e3779b1) ^ 0x1b873593;
}

/** The second lane's seed for a word state. */
export function seedB(state: number): number {
  return Math.imul(state ^ 0x7f4a7c15, 0x85ebca6b) ^ 0x2545f491;
}

/** The first lane after one more key (FNV-1a over 16-bit keys). */
export function stepA(h: number, key: number): number {
  return Math.imul(h ^ key, 0x01000193);
}

/** The second lane after one more key (a different multiply and shift, so the lanes stay independent). */
export function stepB(h: number, key: number): number {
  const x = Math.imul(h + key, 0x5bd1e995);
  return x ^ (x >>> 15);
}

/** Bits of the Bloom filter of stems: 2^20 bits, 128 KiB, small enough to stay in the processor's cache. */
const BLOOM_BITS = 20;

function bloomBit(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x27d4eb2f), 0x165667b1) >>> (32 - BLOOM_BITS);
}

/** A slot's first value: the state a phrase goes on from (+1; 0 = none) in the low bits, then flags. */
export const SLOT_STATE = (1 << 26) - 1;
/** The word is a stem that takes suffixes. */
export const SLOT_TAKES_SUFFIX = 1 << 26;
/** A pattern ends with the word. */
export const SLOT_ENDS_WORD = 1 << 27;
/** The keys are a term's word up to and including its own hyphen. */
export const SLOT_HYPHEN = 1 << 28;

/** The table as the scan reads it. */
export class WordTable {
  /**
   * Four int32 per slot: lane A, lane B, the flags and state (see SLOT_*; -1
   * = an empty slot), the first terminal (-1 = none). Everything a lookup
   * needs sits in one cache line.
   */
  readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /** Bloom filter of the words that take suffixes. */
  readonly stems = new Uint32Array(1 << (BLOOM_BITS - 5));

  constructor(count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size * 4);
    for (let s = 0; s < size; s++) this.slots[s * 4 + 2] = -1;
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }

  /** Store a word (its lanes not stored yet). */
  add(a: number, b: number, value: number, first: number): void {
    const { slots, mask } = this;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    while (slots[s * 4 + 2]! >= 0) s = (s + 1) & mask;
    slots[s * 4] = a;
    slots[s * 4 + 1] = b;
    slots[s * 4 + 2] = value;
    slots[s * 4 + 3] = first;
    if (value & SLOT_TAKES_SUFFIX) {
      const bit = bloomBit(a, b);
      this.stems[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** May a stem that takes suffixes have these lanes? (false: certainly not) */
  static maybeStem(stems: Uint32Array, a: number, b: number): boolean {
    const bit = bloomBit(a, b);
    return (stems[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Where the word with these lanes has its slot (its values at +2 and +3), or -1. */
  find(a: number, b: number): number {
    const { slots, mask } = this;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = s * 4;
      if (slots[at + 2]! < 0) return -1;
      if (slots[at] === a && slots[at + 1] === b) return at;
      s = (s + 1) & mask;
    }
  }

  get bytes(): number {
    return this.slots.byteLength + this.stems.byteLength;
  }
}

/** A growable Int32Array. */
function grow(a: Int32Array<ArrayBuffer>, n: number, fill: number): Int32Array<ArrayBuffer> {
  if (n < a.length) return a;
  const next = new Int32Array(a.length * 2).fill(fill);
  next.set(a);
  return next;
}

/**
 * Collects the words of the patterns while the matcher is compiled. Each
 * distinct (state, keys) is one word, numbered from 0; the matcher chains its
 * terminals per word, as it would per trie node.
 */
export class WordTableBuilder {
  /** Open addressing over word numbers (-1 = empty). */
  private map = new Int32Array(1 << 12).fill(-1);
  private laneA = new Int32Array(1 << 11);
  private laneB = new Int32Array(1 << 11);
  private stateOf = new Int32Array(1 << 11);
  /** Where each word's keys can be read again: a string and a range of it. */
  private readonly source: string[] = [];
  private from = new Int32Array(1 << 11);
  private to = new Int32Array(1 << 11);
  /** The state a phrase goes on from after each word (-1 = none yet). */
  private next = new Int32Array(1 << 11).fill(-1);
  private hyphen = new Uint8Array(1 << 11);
  words = 0;
  private states = 1;
  /** Two different words had the same lanes: the table cannot be used. */
  collided = false;

  constructor(private readonly keyOf: Uint16Array) {}

  /** The word text[from, to) read from `state` (keys through keyOf), added when new. */
  word(state: number, text: string, from: number, to: number): number {
    const keyOf = this.keyOf;
    let a = seedA(state);
    let b = seedB(state);
    for (let j = from; j < to; j++) {
      const k = keyOf[text.charCodeAt(j)]!;
      a = stepA(a, k);
      b = stepB(b, k);
    }
    const mask = this.map.length - 1;
    let s = Math.imul(a, 0x9e3779b1) & mask;
    for (;;) {
      const w = this.map[s]!;
      if (w < 0) break;
      if (this.laneA[w] === a && this.laneB[w] === b) {
        if (!this.sameKeys(w, state, text, from, to)) this.collided = true;
        return w;
      }
      s = (s + 1) & mask;
    }
    const w = this.words++;
    if (w >= this.laneA.length) {
      this.laneA = grow(this.laneA, w, 0);
      this.laneB = grow(this.laneB, w, 0);
      this.stateOf = grow(this.stateOf, w, 0);
      this.from = grow(this.from, w, 0);
      this.to = grow(this.to, w, 0);
      this.next = grow(this.next, w, -1);
      const hyphen = new Uint8Array(this.laneA.length);
      hyphen.set(this.hyphen);
      this.hyphen = hyphen;
    }
    this.laneA[w] = a;
    this.laneB[w] = b;
    this.stateOf[w] = state;
    this.source[w] = text;
    this.from[w] = from;
    this.to[w] = to;
    this.map[s] = w;
    if (this.words * 2 > this.map.length) this.rehash();
    return w;
  }

  /** The state a phrase goes on from after word w, and a space. */
  goOn(w: number): number {
    if (this.next[w]! < 0) this.next[w] = this.states++;
    return this.next[w]!;
  }

  /** Word w is a term's word up to and including its own hyphen. */
  markHyphen(w: number): void {
    this.hyphen[w] = 1;
  }

  /**
   * The table: every word with its kinds (ENDS_WORD / TAKES_SUFFIX bits of
   * `kinds`, as the matcher gives them) and first terminal.
   */
  freeze(heads: Int32Array, kinds: Int32Array, endsWord: number, takesSuffix: number): WordTable {
    const table = new WordTable(this.words);
    for (let w = 0; w < this.words; w++) {
      const k = kinds[w]!;
      const value =
        (this.next[w]! + 1) |
        (k & takesSuffix ? SLOT_TAKES_SUFFIX : 0) |
        (k & endsWord ? SLOT_ENDS_WORD : 0) |
        (this.hyphen[w] ? SLOT_HYPHEN : 0);
      table.add(this.laneA[w]!, this.laneB[w]!, value, heads[w]!);
    }
    return table;
  }

  /** Fewer states than this: a slot has room for them. */
  get full(): boolean {
    return this.states >= SLOT_STATE;
  }

  private sameKeys(w: number, state: number, text: string, from: number, to: number): boolean {
    if (this.stateOf[w] !== state || this.to[w]! - this.from[w]! !== to - from) return false;
    const other = this.source[w]!;
    const keyOf = this.keyOf;
    for (let j = 0, o = this.from[w]!; j < to - from; j++, o++) {
      if (keyOf[text.charCodeAt(from + j)] !== keyOf[other.charCodeAt(o)]) return false;
    }
    return true;
  }

  private rehash(): void {
    const map = new Int32Array(this.map.length * 2).fill(-1);
    const mask = map.length - 1;
    for (let w = 0; w < this.words; w++) {
      let s = Math.imul(this.laneA[w]!, 0x9e3779b1) & mask;
      while (map[s]! >= 0) s = (s + 1) & mask;
      map[s] = w;
    }
    this.map = map;
  }
}
