/**
 * The matcher's word-level index: a hash table from (word state, the keys of
 * one word read from it) to the trie node they lead to, for the nodes where
 * something can happen — a stem ends inside a word (it takes suffixes), a
 * pattern ends with the word, or the next word of a phrase follows.
 *
 * The character trie answers the same questions letter by letter; this table
 * answers them word by word. A scan hashes each word of the text as it reads
 * it, which it must read anyway to find where the word ends, and then looks up
 * only the positions a Bloom filter lets through: a word costs about one
 * probe, however large the glossary, instead of a walk through a trie that no
 * longer fits the processor's cache.
 *
 * A word state is the trie node a word starts from: the root, or the node
 * after the space of a phrase. The hash of a node is two 32-bit lanes, seeded
 * by its word state and stepped by each key since. Lanes that collide in the
 * table are found when it is built, which then starts again with a new salt;
 * a text word that happens to hash like a stored one only yields a candidate
 * that verification rejects, since every match is compared with its term.
 */

/** The first lane's seed for a word state. */
export function seedA(state: number, salt: number): number {
  return Math.imul(state ^ salt ^ 0x3c6ef372, 0x9e3779b1) ^ 0x1b873593;
}

/** The second lane's seed for a word state. */
export function seedB(state: number, salt: number): number {
  return Math.imul((state + salt) ^ 0x7f4a7c15, 0x85ebca6b) ^ 0x2545f491;
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

/** Bits of a Bloom filter: 2^20 bits, 128 KiB, small enough to stay in the processor's cache. */
const BLOOM_BITS = 20;

function bloomBit(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x27d4eb2f), 0x165667b1) >>> (32 - BLOOM_BITS);
}

/** Which nodes the table holds, and which Bloom filter announces each. */
export const WordTableRole = {
  /** A stem ends at the node inside a word. */
  Inside: 1,
  /** A pattern ends, or a phrase goes on, where the word ends at the node. */
  WordEnd: 2,
} as const;

export class WordTable {
  /**
   * Four int32 per slot: lane A, lane B, then the two values stored with the
   * node (the first is -1 in an empty slot). The values ride in the slot so
   * that a lookup reads one cache line.
   */
  readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  readonly inside: Uint32Array;
  readonly wordEnd: Uint32Array;

  private constructor(size: number) {
    this.slots = new Int32Array(size * 4);
    for (let s = 0; s < size; s++) this.slots[s * 4 + 2] = -1;
    this.mask = size - 1;
    this.shift = 32 - Math.log2(size);
    this.inside = new Uint32Array(1 << (BLOOM_BITS - 5));
    this.wordEnd = new Uint32Array(1 << (BLOOM_BITS - 5));
  }

  /**
   * The table of the given nodes (lanes from `lanes`), each with its role and
   * its two values (`values[2j]`, `values[2j + 1]`, the first ≥ 0); null when
   * no salt yields distinct lanes (never seen; the scan then walks the trie).
   */
  static build(
    nodes: Int32Array,
    roles: Uint8Array,
    values: Int32Array,
    lanes: (salt: number) => { a: Int32Array; b: Int32Array },
  ): { table: WordTable; salt: number } | null {
    let size = 1024;
    while (size < nodes.length * 2) size *= 2;
    for (let attempt = 0; attempt < 8; attempt++) {
      const salt = Math.imul(attempt + 1, 0x61c88647);
      const { a, b } = lanes(salt);
      const table = new WordTable(size);
      if (table.fill(nodes, roles, values, a, b)) return { table, salt };
    }
    return null;
  }

  private fill(
    nodes: Int32Array,
    roles: Uint8Array,
    values: Int32Array,
    a: Int32Array,
    b: Int32Array,
  ): boolean {
    const { slots, mask, shift } = this;
    for (let j = 0; j < nodes.length; j++) {
      const node = nodes[j]!;
      const ha = a[node]!;
      const hb = b[node]!;
      let s = Math.imul(ha, 0x9e3779b1) >>> shift;
      while (slots[s * 4 + 2]! >= 0) {
        if (slots[s * 4] === ha && slots[s * 4 + 1] === hb) return false; // two nodes, one hash: try another salt
        s = (s + 1) & mask;
      }
      slots[s * 4] = ha;
      slots[s * 4 + 1] = hb;
      slots[s * 4 + 2] = values[2 * j]!;
      slots[s * 4 + 3] = values[2 * j + 1]!;
      const bit = bloomBit(ha, hb);
      if (roles[j]! & WordTableRole.Inside) this.inside[bit >>> 5]! |= 1 << (bit & 31);
      if (roles[j]! & WordTableRole.WordEnd) this.wordEnd[bit >>> 5]! |= 1 << (bit & 31);
    }
    return true;
  }

  /** May a node of this role have these lanes? (false: certainly not) */
  static maybe(bloom: Uint32Array, a: number, b: number): boolean {
    const bit = bloomBit(a, b);
    return (bloom[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /** Where the node with these lanes has its slot (its values at +2 and +3), or -1. */
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
    return this.slots.byteLength + this.inside.byteLength + this.wordEnd.byteLength;
  }
}
