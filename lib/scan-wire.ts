/**
 * The answer to `text/scan` as it crosses the message channel, both sides:
 * the background encodes its matches (`ScanEncoder`, used by
 * entrypoints/background/matcher-cache.ts) and the page decodes them
 * (`decodeScanResult`). Messages are JSON, and one object per match would cost
 * more to build, send and parse than the scan itself, so matches travel as
 * numbers and each term they use travels once.
 */
import type { MatchedTerm, ScanSpans } from '../glossary/spans';
import type { Match } from '../glossary/types';
import type { HighlightKind } from './settings';

/** Numbers per match on the wire: start, end, term, kind. */
export const WIRE_FIELDS = 4;

export interface ScanResult {
  /** The glossary revision the texts were scanned against. */
  revision: number;
  /** The terms this answer's spans refer to, each once, in order of first use. */
  terms: MatchedTerm[];
  /**
   * One list per text, in the order sent: its matches in text order, four
   * numbers apiece, `start, end, term, flags` — `start` and `end` offsets in
   * the text, `term` an index into `terms`, `flags` the highlight kind as
   * bits: APPROXIMATE_BIT when the match needed a substitute letter,
   * PERSONAL_BIT when its entry is the user's (kindOfFlags). Empty for a text
   * without matches.
   */
  spans: number[][];
  /**
   * The other senses of the word at a span (glossary/context.ts), for the
   * spans whose word has them: `text` and `span` index into `spans`. Absent
   * when no span has any.
   */
  senses?: { text: number; span: number; ids: string[] }[];
}

/** A match as the page paints it: with the kind of highlight it gets. */
export interface PageMatch extends Match {
  kind: HighlightKind;
}

export const APPROXIMATE_BIT = 1;
export const PERSONAL_BIT = 2;

/** A personal entry's match is painted `personal` even when approximate. */
export function kindOfFlags(flags: number): HighlightKind | undefined {
  if (flags < 0 || flags > (APPROXIMATE_BIT | PERSONAL_BIT)) return undefined;
  if (flags & PERSONAL_BIT) return 'personal';
  return flags & APPROXIMATE_BIT ? 'approximate' : 'exact';
}

/** The spans of one text after the context step, with the senses it found per span. */
export interface ResolvedText {
  spans: ScanSpans;
  senses: Iterable<readonly [number, readonly string[]]>;
}

/**
 * Encodes answers over one compiled glossary: each match with its flags, each
 * term once.
 */
export class ScanEncoder {
  /** Per term index: its index in the answer being built, or -1 (reset after each answer). */
  private readonly slot: Int32Array;

  constructor(
    private readonly terms: readonly MatchedTerm[],
    private readonly personal: ReadonlySet<string>,
  ) {
    this.slot = new Int32Array(terms.length).fill(-1);
  }

  encode(revision: number, texts: readonly ResolvedText[]): ScanResult {
    const { slot, terms: all, personal } = this;
    const used: number[] = [];
    const terms: MatchedTerm[] = [];
    // A term the matcher lists twice (a sense's term, the same text in two parts) is listed
    // once: looked up by its text when the answer first uses it, not worked out for every
    // term as the glossary loads.
    const byText = new Map<string, number>();
    const senses: NonNullable<ScanResult['senses']> = [];
    try {
      const spans = texts.map(({ spans: { count, data }, senses: found }, i) => {
        for (const [span, ids] of found) senses.push({ text: i, span, ids: [...ids] });
        const flat = new Array<number>(WIRE_FIELDS * count);
        for (let k = 0; k < WIRE_FIELDS * count; k += WIRE_FIELDS) {
          const t = data[k + 2]!;
          const term = all[t]!;
          let s = slot[t]!;
          if (s < 0) {
            const text = `${term.lang}\u0000${term.id}\u0000${term.term}`;
            s = byText.get(text) ?? terms.length;
            if (s === terms.length) {
              terms.push(term);
              byText.set(text, s);
            }
            slot[t] = s;
            used.push(t);
          }
          flat[k] = data[k]!;
          flat[k + 1] = data[k + 1]!;
          flat[k + 2] = s;
          flat[k + 3] =
            (personal.has(term.id) ? PERSONAL_BIT : 0) | (data[k + 3] === 1 ? APPROXIMATE_BIT : 0);
        }
        return flat;
      });
      const res: ScanResult = { revision, terms, spans };
      if (senses.length > 0) res.senses = senses;
      return res;
    } finally {
      for (const t of used) slot[t] = -1;
    }
  }
}

/**
 * The matches of each text, in the order sent. `share` gives the id and term
 * strings to use (the content script interns them across answers); each term
 * of the answer is passed through it once, and its matches share the result.
 * A span naming no term or no kind is an answer gone wrong: a RangeError.
 */
export function decodeScanResult(
  res: Pick<ScanResult, 'terms' | 'spans' | 'senses'>,
  share: (s: string) => string = (s) => s,
): PageMatch[][] {
  const terms = res.terms.map((t) => ({ id: share(t.id), lang: t.lang, term: share(t.term) }));
  const matches = res.spans.map((flat) => {
    const count = Math.floor(flat.length / WIRE_FIELDS);
    const out = new Array<PageMatch>(count);
    for (let k = 0; k < count; k++) {
      const at = WIRE_FIELDS * k;
      const term = terms[flat[at + 2]!];
      const flags = flat[at + 3]!;
      const kind = kindOfFlags(flags);
      if (!term || !kind) throw new RangeError(`scan answer: bad span ${k}`);
      out[k] = {
        start: flat[at]!,
        end: flat[at + 1]!,
        id: term.id,
        lang: term.lang,
        term: term.term,
        approximate: (flags & APPROXIMATE_BIT) !== 0,
        kind,
      };
    }
    return out;
  });
  for (const s of res.senses ?? []) {
    const m = matches[s.text]?.[s.span];
    if (m) m.senses = s.ids.map(share);
  }
  return matches;
}
