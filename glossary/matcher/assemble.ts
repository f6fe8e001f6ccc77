/**
 * The Matcher a compiled index makes: what compileMatcher (index.ts) returns
 * after compiling entries, and loadMatcher (serialize.ts) after reading a
 * stored index. Both hand over the same parts, so a loaded matcher scans
 * exactly as the compiled one did.
 */
import { unpackSpans, type MatchedTerm, type ScanSpans } from '../spans';
import type { Match } from '../types';
import { Scanner } from './scan';
import type { ReversedSuffixes } from './suffix-sets';
import type { Terminals } from './terminals';
import type { CompiledSuffixes } from './verify';
import type { WordTable } from './word-table';

export interface Matcher {
  /** Non-overlapping matches, leftmost-longest, in text order. */
  scan(text: string): Match[];
  /**
   * The same matches, packed: no object per match, which is what a scan of a
   * large text with a large glossary otherwise spends most of its time on.
   */
  scanSpans(text: string): ScanSpans;
  /** The terms `ScanSpans` refer to by index. */
  readonly terms: readonly MatchedTerm[];
  /**
   * Forget the words remembered from earlier scans (glossary/word-memo.ts),
   * as a matcher fresh from compiling is: the benchmark measures such scans.
   */
  forgetWords(): void;
  /** Number of entries compiled. */
  readonly entries: number;
  /** Words of the index, terminals, suffix sets and bytes, for the benchmark's memory figures. */
  readonly stats: { nodes: number; patterns: number; suffixSets: number; bytes: number };
  /** The compiled index itself: what serializeMatcher stores. */
  readonly index: MatcherIndex;
}

/** A compiled glossary: everything a scan reads, and nothing the compilation needed besides. */
export interface MatcherIndex {
  /** Number of entries compiled. */
  readonly entries: number;
  readonly table: WordTable;
  readonly terminals: Terminals;
  readonly suffixSets: readonly CompiledSuffixes[];
  readonly reversed: ReversedSuffixes;
  /** A longer word cannot hold a match: no stem and suffix come near it. */
  readonly maxWordKeys: number;
}

/** The matcher over a compiled index; `memoBits` sizes its word memo (see MatcherOptions). */
export function assembleMatcher(index: MatcherIndex, memoBits?: number): Matcher {
  const { table, terminals, suffixSets, reversed } = index;
  const scanner = new Scanner({
    table,
    terminals,
    suffixSets,
    reversed,
    maxWordKeys: index.maxWordKeys,
    memoBits,
  });
  return {
    scan: (text) => {
      const { count, data } = scanner.scanSpans(text);
      return unpackSpans(data, count, terminals.terms);
    },
    scanSpans: (text) => scanner.scanSpans(text),
    terms: terminals.terms,
    forgetWords: () => scanner.memo.clear(),
    entries: index.entries,
    get stats() {
      return {
        nodes: table.words,
        patterns: terminals.count,
        suffixSets: suffixSets.length,
        bytes: terminals.bytes + table.bytes + scanner.memo.bytes + reversed.bytes,
      };
    },
    index,
  };
}
