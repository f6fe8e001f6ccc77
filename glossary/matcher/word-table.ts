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
 * two 32-bit lanes seeded by its state and stepped by each key. Lanes stand
 * for the keys: a text word that merely hashes like a stored one, or two
 * stored words that hash alike (64 bits over some 10^5 words), only yield
 * candidates that verification rejects, since every match is compared with
 * its own term, letter by letter.
 */
import { runSteps, type Steps } from '../steps';

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

/** Bits of each Bloom filter: 2^20 bits (128 KiB), which must stay small enough for the processor's cache. */
const BLOOM_BITS = 20;

function bloomBit(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x27d4eb2f), 0x165667b1) >>> (32 - BLOOM_BITS);
}

/** Uint32 words of each Bloom filter. */
const BLOOM_WORDS = 1 << (BLOOM_BITS - 5);

/**
 * The word table as a stored index holds it: its words without the empty
 * slots (four int32 each, as in a slot), which a load puts back into a table
 * of its own size, and the Bloom filters.
 */
export interface WordTableData {
  readonly words: Int32Array;
  readonly stems: Uint32Array;
  readonly starts: Uint32Array;
  readonly shortWords: Uint32Array;
}

/** A slot's first value: the state a phrase goes on from (+1; 0 = none) in the low bits, then flags. */
const SLOT_STATE = (1 << 26) - 1;
/** The word is a stem that takes suffixes. */
const SLOT_TAKES_SUFFIX = 1 << 26;
/** A pattern ends with the word. */
const SLOT_ENDS_WORD = 1 << 27;
/** The keys are a term's word up to and including its own hyphen. */
const SLOT_HYPHEN = 1 << 28;
/** Set in every stored slot: an empty slot is all zeros, as a new Int32Array is. */
const SLOT_USED = 1 << 29;
/** Words put in the frozen table between two yields of WordTableBuilder.freezeSteps. */
const FREEZE_STEP = 8192;

/**
 * Why `data` cannot be a word table whose first terminals lie below
 * `terminals` (a stored index may be truncated or corrupted), or null. A
 * table that passes cannot send a lookup into an endless probe or the scan
 * to a terminal that is not there.
 */
export function checkWordTableData(data: WordTableData, terminals: number): string | null {
  const { words } = data;
  if (words.length % 4 !== 0) return 'word table: words cut short';
  for (const bloom of [data.stems, data.starts, data.shortWords])
    if (bloom.length !== BLOOM_WORDS) return 'word table: a Bloom filter has the wrong length';
  for (let at = 0; at < words.length; at += 4) {
    const first = words[at + 3]!;
    if ((words[at + 2]! & SLOT_USED) === 0 || first < -1 || first >= terminals)
      return 'word table: a word is malformed';
  }
  return null;
}

/** The table as the scan reads it. */
export class WordTable {
  /**
   * Four int32 per slot: lane A, lane B, the flags and state (see SLOT_*; 0
   * = an empty slot), the first terminal (-1 = none). Everything a lookup
   * needs sits in one cache line.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  /** Bloom filter of the words that take suffixes. */
  readonly stems: Uint32Array;
  /**
   * Bloom filters of how the later words of phrases begin: their first two
   * keys (from their state), or the whole word when it has just one. After
   * the first word of a phrase, the next word of the text rarely goes on
   * with it, and two letters tell.
   */
  readonly starts: Uint32Array;
  readonly shortWords: Uint32Array;

  /** An empty table with room for `count` words. */
  constructor(count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size * 4);
    this.stems = new Uint32Array(BLOOM_WORDS);
    this.starts = new Uint32Array(BLOOM_WORDS);
    this.shortWords = new Uint32Array(BLOOM_WORDS);
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
  }

  /** The table `data` holds (checked by checkWordTableData): its words put back in slots, its Bloom filters as they are. */
  static of(data: WordTableData): WordTable {
    const { words } = data;
    const table = new WordTable(words.length / 4);
    for (let at = 0; at < words.length; at += 4)
      table.put(words[at]!, words[at + 1]!, words[at + 2]!, words[at + 3]!);
    table.stems.set(data.stems);
    table.starts.set(data.starts);
    table.shortWords.set(data.shortWords);
    return table;
  }

  /** The words and Bloom filters, as serialize.ts stores them. */
  data(): WordTableData {
    const { slots, stems, starts, shortWords } = this;
    const words = new Int32Array(4 * this.words);
    // Element by element: a subarray per slot costs more than the copy.
    for (let at = 0, w = 0; at < slots.length; at += 4) {
      if (slots[at + 2] === 0) continue;
      words[w] = slots[at]!;
      words[w + 1] = slots[at + 1]!;
      words[w + 2] = slots[at + 2]!;
      words[w + 3] = slots[at + 3]!;
      w += 4;
    }
    return { words, stems, starts, shortWords };
  }

  /** Store a word (its lanes not stored yet). */
  add(a: number, b: number, value: number, first: number): void {
    this.put(a, b, value | SLOT_USED, first);
    if (value & SLOT_TAKES_SUFFIX) WordTable.mark(this.stems, a, b);
  }

  /** Put a word's four values in the first free slot of its probe. */
  private put(a: number, b: number, value: number, first: number): void {
    const { slots, mask } = this;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    while (slots[s * 4 + 2] !== 0) s = (s + 1) & mask;
    slots[s * 4] = a;
    slots[s * 4 + 1] = b;
    slots[s * 4 + 2] = value;
    slots[s * 4 + 3] = first;
  }

  /** May a stem that takes suffixes have these lanes? (false: certainly not) */
  mayTakeSuffix(a: number, b: number): boolean {
    return WordTable.maybe(this.stems, a, b);
  }

  /** May a later word of a phrase begin with the two keys that led to these lanes? */
  mayStart(a: number, b: number): boolean {
    return WordTable.maybe(this.starts, a, b);
  }

  /** May a later word of a phrase be the one key that led to these lanes? */
  mayBeShort(a: number, b: number): boolean {
    return WordTable.maybe(this.shortWords, a, b);
  }

  /** May a word of this Bloom filter have these lanes? (false: certainly not) */
  static maybe(bloom: Uint32Array, a: number, b: number): boolean {
    const bit = bloomBit(a, b);
    return (bloom[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** The state a phrase goes on from after the word in slot `at`, or -1. */
  goesOn(at: number): number {
    return (this.slots[at + 2]! & SLOT_STATE) - 1;
  }

  /** Some terminal's stem ends with the word in slot `at` and takes suffixes. */
  takesSuffix(at: number): boolean {
    return (this.slots[at + 2]! & SLOT_TAKES_SUFFIX) !== 0;
  }

  /** Some pattern ends with the word in slot `at`. */
  endsWord(at: number): boolean {
    return (this.slots[at + 2]! & SLOT_ENDS_WORD) !== 0;
  }

  /** The keys of slot `at` are a term's word up to and including its own hyphen. */
  ownHyphen(at: number): boolean {
    return (this.slots[at + 2]! & SLOT_HYPHEN) !== 0;
  }

  /** The first terminal of the word in slot `at` (-1 none). */
  first(at: number): number {
    return this.slots[at + 3]!;
  }

  /** Where the word with these lanes has its slot (read it with goesOn…first), or -1. */
  find(a: number, b: number): number {
    const { slots, mask } = this;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = s * 4;
      if (slots[at + 2] === 0) return -1;
      if (slots[at] === a && slots[at + 1] === b) return at;
      s = (s + 1) & mask;
    }
  }

  /** Put these lanes in a Bloom filter. */
  static mark(bloom: Uint32Array, a: number, b: number): void {
    const bit = bloomBit(a, b);
    bloom[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** How many words the table holds. */
  get words(): number {
    let used = 0;
    for (let at = 2; at < this.slots.length; at += 4) if (this.slots[at] !== 0) used++;
    return used;
  }

  get bytes(): number {
    return (
      this.slots.byteLength +
      this.stems.byteLength +
      this.starts.byteLength +
      this.shortWords.byteLength
    );
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
 * distinct (state, lanes) is one word, numbered from 0; the matcher chains its
 * terminals per word, as it would per trie node.
 */
export class WordTableBuilder {
  /**
   * Open addressing, three int32 per slot: lane A, lane B, word number + 1 (0
   * = empty). At most three quarters full: a smaller map, whose probes the
   * processor's cache holds more of, for a slightly longer probe.
   */
  private map: Int32Array<ArrayBuffer>;
  /** Per word: its lanes, the state a phrase goes on from after it (-1 = none yet), whether it ends in a term's own hyphen. */
  private laneA: Int32Array<ArrayBuffer>;
  private laneB: Int32Array<ArrayBuffer>;
  private next: Int32Array<ArrayBuffer>;
  private hyphen: Uint8Array<ArrayBuffer>;
  /** See WordTable.starts and shortWords. */
  private readonly starts = new Uint32Array(BLOOM_WORDS);
  private readonly shortWords = new Uint32Array(BLOOM_WORDS);
  words = 0;
  private states = 1;
  /** The map's slot of a word: the high bits of its hash (the low bits of a product mix poorly). */
  private shift: number;

  /** `expected`: about how many words there will be (the arrays grow past it). */
  constructor(
    private readonly keyOf: Uint16Array,
    expected: number,
  ) {
    let size = 1024;
    while (size < expected) size *= 2;
    this.map = WordTableBuilder.emptyMap(size);
    this.shift = 32 - Math.log2(size);
    this.laneA = new Int32Array(size);
    this.laneB = new Int32Array(size);
    this.next = new Int32Array(size).fill(-1);
    this.hyphen = new Uint8Array(size);
  }

  private static emptyMap(slots: number): Int32Array<ArrayBuffer> {
    return new Int32Array(slots * 3);
  }

  /**
   * The word text[from, to) read from `state` (keys through keyOf), added
   * when new. Two words are one when their lanes agree: should two different
   * words ever do so (64 bits over some 10^5 words), they share a slot and
   * their terms still verify each against its own text.
   */
  word(state: number, text: string, from: number, to: number): number {
    const keyOf = this.keyOf;
    let a = seedA(state);
    let b = seedB(state);
    let j = from;
    if (state !== 0) {
      // A later word of a phrase: how it begins goes in the Bloom filters.
      for (; j < to && j < from + 2; j++) {
        const k = keyOf[text.charCodeAt(j)]!;
        a = stepA(a, k);
        b = stepB(b, k);
      }
      WordTable.mark(to - from < 2 ? this.shortWords : this.starts, a, b);
    }
    for (; j < to; j++) {
      const k = keyOf[text.charCodeAt(j)]!;
      a = stepA(a, k);
      b = stepB(b, k);
    }
    const map = this.map;
    const mask = map.length / 3 - 1;
    let s = Math.imul(a, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const w = map[s * 3 + 2]! - 1;
      if (w < 0) break;
      if (map[s * 3] === a && map[s * 3 + 1] === b) return w;
      s = (s + 1) & mask;
    }
    const w = this.words++;
    if (w >= this.laneA.length) {
      this.laneA = grow(this.laneA, w, 0);
      this.laneB = grow(this.laneB, w, 0);
      this.next = grow(this.next, w, -1);
      const hyphen = new Uint8Array(this.laneA.length);
      hyphen.set(this.hyphen);
      this.hyphen = hyphen;
    }
    this.laneA[w] = a;
    this.laneB[w] = b;
    map[s * 3] = a;
    map[s * 3 + 1] = b;
    map[s * 3 + 2] = w + 1;
    if (4 * this.words > 3 * (mask + 1)) this.rehash();
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

  /** Too many states for a slot to hold (2^26: far more words than any glossary has). */
  get full(): boolean {
    return this.states >= SLOT_STATE;
  }

  /**
   * The table: every word with its kinds (ENDS_WORD / TAKES_SUFFIX bits of
   * `kinds`, as the matcher gives them) and first terminal.
   */
  freeze(heads: Int32Array, kinds: Int32Array, endsWord: number, takesSuffix: number): WordTable {
    return runSteps(this.freezeSteps(heads, kinds, endsWord, takesSuffix));
  }

  /** `freeze` as steps, yielding every FREEZE_STEP words. */
  *freezeSteps(
    heads: Int32Array,
    kinds: Int32Array,
    endsWord: number,
    takesSuffix: number,
  ): Steps<WordTable> {
    const table = new WordTable(this.words);
    table.starts.set(this.starts);
    table.shortWords.set(this.shortWords);
    for (let w = 0; w < this.words; w++) {
      if (w % FREEZE_STEP === FREEZE_STEP - 1) yield;
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

  private rehash(): void {
    const old = this.map;
    const map = WordTableBuilder.emptyMap((old.length / 3) * 2);
    const mask = map.length / 3 - 1;
    this.shift = 32 - Math.log2(mask + 1);
    for (let w = 0; w < this.words; w++) {
      let s = Math.imul(this.laneA[w]!, 0x9e3779b1) >>> this.shift;
      while (map[s * 3 + 2] !== 0) s = (s + 1) & mask;
      map[s * 3] = this.laneA[w]!;
      map[s * 3 + 1] = this.laneB[w]!;
      map[s * 3 + 2] = w + 1;
    }
    this.map = map;
  }
}
