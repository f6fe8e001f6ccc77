/**
 * The Matcher compiled indexes make: what compileMatcher (index.ts) returns
 * after compiling entries, loadMatcher (serialize.ts) after reading a stored
 * index, and combineMatchers after putting several together (combine.ts).
 * They all hand over the same parts, so a loaded matcher scans exactly as the
 * compiled one did.
 */
import { joinLists } from '../lists';
import { unpackSpans, type MatchedTerm, type ScanSpans } from '../spans';
import type { Match } from '../types';
import { scanAll } from './combine';
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
  /**
   * The compiled indexes: one for a compiled or loaded matcher (what
   * serializeMatcher stores), several for combined ones (combineMatchers).
   */
  readonly indexes: readonly MatcherIndex[];
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

/** The matcher over compiled indexes (see combine.ts for several); `memoBits` sizes each word memo (see MatcherOptions). */
export function assembleMatcher(indexes: readonly MatcherIndex[], memoBits?: number): Matcher {
  const scanners = indexes.map(
    (index) =>
      new Scanner({
        table: index.table,
        terminals: index.terminals,
        suffixSets: index.suffixSets,
        reversed: index.reversed,
        maxWordKeys: index.maxWordKeys,
        memoBits,
      }),
  );
  const terms = joinLists(indexes.map((index) => index.terminals.terms));
  const termOffsets: number[] = [];
  for (let k = 0, at = 0; k < indexes.length; at += indexes[k]!.terminals.terms.length, k++)
    termOffsets.push(at);
  const only = scanners.length === 1 ? scanners[0]! : null;
  const scanSpans = (text: string): ScanSpans =>
    only ? only.scanSpans(text) : scanAll(scanners, termOffsets, text);
  return {
    scan: (text) => {
      const { count, data } = scanSpans(text);
      return unpackSpans(data, count, terms);
    },
    scanSpans,
    terms,
    forgetWords: () => scanners.forEach((s) => s.memo.clear()),
    entries: indexes.reduce((sum, index) => sum + index.entries, 0),
    get stats() {
      let nodes = 0;
      let patterns = 0;
      let suffixSets = 0;
      let bytes = 0;
      indexes.forEach((index, k) => {
        nodes += index.table.words;
        patterns += index.terminals.count;
        suffixSets += index.suffixSets.length;
        bytes +=
          index.terminals.bytes +
          index.table.bytes +
          scanners[k]!.memo.bytes +
          index.reversed.bytes;
      });
      return { nodes, patterns, suffixSets, bytes };
    },
    indexes,
  };
}

/**
 * The matchers' indexes scanned as one (combine.ts): a glossary compiled or
 * loaded once and the entries added since, compiled alone. Matches are those
 * of one matcher compiled from all their entries, the earlier matchers'
 * first, but for a term's own hyphen at a line end (see combine.ts).
 */
export function combineMatchers(matchers: readonly Matcher[], memoBits?: number): Matcher {
  return assembleMatcher(
    matchers.flatMap((m) => m.indexes),
    memoBits,
  );
}
