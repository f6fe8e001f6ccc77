/**
 * The suffix sets of a glossary's patterns, compiled once each (patterns of
 * one class share a set), and every suffix of every set reversed into one
 * trie: reading a word backwards from its end, that trie finds each place
 * where the rest of the word is some suffix — the only places where a stem
 * may end inside the word, so the only places the scan looks up.
 */
import type { SuffixSet } from '../morphology/types';
import { KEY } from './char-tables';
import { CompiledSuffixes, mapTrie } from './verify';

export class SuffixSets {
  /** The compiled sets, by index. */
  readonly sets: CompiledSuffixes[] = [];
  private readonly index = new Map<string, number>();
  private readonly all = new Set<string>();
  /** The longest suffix of any set. */
  longest = 0;

  /** The index of a set, compiled when new. */
  add(set: SuffixSet): number {
    const known = this.index.get(set.id);
    if (known !== undefined) return known;
    const index = this.sets.length;
    this.sets.push(CompiledSuffixes.of(set));
    for (const form of set.forms) {
      this.all.add(form);
      if (form.length > this.longest) this.longest = form.length;
    }
    this.index.set(set.id, index);
    return index;
  }

  /** The reversed trie of every suffix. */
  reversed(): ReversedSuffixes {
    return ReversedSuffixes.of(this.all);
  }
}

/** The reversed trie's arrays, as a stored index holds them: the key of each column (from column 1), the rows, the final nodes. */
export interface ReversedSuffixesData {
  readonly columns: Uint16Array;
  readonly rows: Int32Array;
  readonly final: Uint8Array;
}

/** Why `data` cannot be a reversed suffix trie (a stored index may be corrupted), or null. */
export function checkReversedData(data: ReversedSuffixesData): string | null {
  const nodes = data.final.length;
  if (nodes < 1 || data.rows.length !== nodes * (data.columns.length + 1))
    return 'reversed suffixes: rows and nodes disagree';
  for (const child of data.rows)
    if (child < -1 || child >= nodes) return 'reversed suffixes: an edge leads nowhere';
  return null;
}

/**
 * Every suffix of every suffix set, reversed, as a trie with a dense row per
 * node (suffix tries are small: the rows stay few): step() reads a word's keys backwards.
 */
export class ReversedSuffixes {
  /** Key → column (0 = a key no suffix has). */
  private readonly alpha = new Uint16Array(0x10000);
  private readonly width: number;
  private readonly rows: Int32Array;
  private readonly final: Uint8Array;

  /** The trie `data` holds (checked by checkReversedData). */
  constructor(private readonly parts: ReversedSuffixesData) {
    parts.columns.forEach((key, x) => (this.alpha[key] = x + 1));
    this.width = parts.columns.length + 1;
    this.rows = parts.rows;
    this.final = parts.final;
  }

  static of(suffixes: Iterable<string>): ReversedSuffixes {
    const { next, final } = mapTrie(suffixes, KEY, true);
    const column = new Map<number, number>();
    for (const children of next)
      for (const k of children.keys()) if (!column.has(k)) column.set(k, column.size + 1);
    const width = column.size + 1;
    const rows = new Int32Array(next.length * width).fill(-1);
    next.forEach((children, v) => {
      for (const [k, child] of children) rows[v * width + column.get(k)!] = child;
    });
    return new ReversedSuffixes({
      columns: Uint16Array.from(column.keys()),
      rows,
      final: Uint8Array.from(final, (f) => (f ? 1 : 0)),
    });
  }

  /** The arrays, as serialize.ts stores them. */
  data(): ReversedSuffixesData {
    return this.parts;
  }

  /** The node after reading `key` (backwards) from node v (0 = the root), or -1. */
  step(v: number, key: number): number {
    const x = this.alpha[key]!;
    return x === 0 ? -1 : this.rows[v * this.width + x]!;
  }

  /** What has been read backwards to node v is a whole suffix. */
  isSuffix(v: number): boolean {
    return this.final[v] === 1;
  }

  get bytes(): number {
    return this.alpha.byteLength + this.rows.byteLength + this.final.byteLength;
  }
}
