/**
 * Matches packed as numbers — what the matcher's scanSpans returns and what
 * the background sends to pages — and back into Match objects. A module of
 * its own, so that the content script can unpack without bundling the
 * matcher.
 */
import type { Lang, Match } from './types';

/** What a match reports of the term it found. */
export interface MatchedTerm {
  readonly id: string;
  readonly lang: Lang;
  readonly term: string;
}

/** Matches packed four int32 apiece: start, end, the index of the term in `Matcher.terms`, approximate (0 or 1). */
export interface ScanSpans {
  readonly count: number;
  readonly data: Int32Array;
}

/** Numbers per packed match. */
export const SPAN_FIELDS = 4;

/** A packed array with room for match k: `data` itself, or a copy twice as long. */
export function withRoomFor(data: Int32Array<ArrayBuffer>, k: number): Int32Array<ArrayBuffer> {
  if (SPAN_FIELDS * (k + 1) <= data.length) return data;
  const grown = new Int32Array(data.length * 2);
  grown.set(data);
  return grown;
}

/** Write match k into a packed array (room for it assumed: see withRoomFor). */
export function packSpan(
  data: Int32Array,
  k: number,
  start: number,
  end: number,
  term: number,
  approximate: boolean,
): void {
  const at = SPAN_FIELDS * k;
  data[at] = start;
  data[at + 1] = end;
  data[at + 2] = term;
  data[at + 3] = approximate ? 1 : 0;
}

/**
 * Matches packed as in ScanSpans (four numbers apiece, terms by index) as
 * objects; an index with no term is an error (a packed answer gone wrong).
 */
export function unpackSpans(
  data: ArrayLike<number>,
  count: number,
  terms: readonly MatchedTerm[],
): Match[] {
  const matches = new Array<Match>(count);
  for (let k = 0; k < count; k++) {
    const term = terms[data[4 * k + 2]!];
    if (!term) throw new RangeError(`packed matches: no term ${data[4 * k + 2]}`);
    matches[k] = {
      start: data[4 * k]!,
      end: data[4 * k + 1]!,
      id: term.id,
      lang: term.lang,
      term: term.term,
      approximate: data[4 * k + 3] === 1,
    };
  }
  return matches;
}
