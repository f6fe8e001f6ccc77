/**
 * The background's compiled matcher, rebuilt when the glossary revision
 * changes. Compiling the bundled entries takes about 140 ms the first time,
 * over the 50 ms a page's main thread can spare, so it happens once here
 * instead of in every tab, and tabs send their text to be scanned
 * (`text/scan`). Each answer goes through the context step
 * (glossary/context.ts: senses, quiet words, abbreviations in capitals), the
 * same the CLI runs, so a page highlights what `npm run scan` reports. Kept
 * free of browser APIs for the unit tests.
 */
import { ContextResolver, ruledOf } from '../../glossary/context';
import {
  compileMatcher,
  matchableOf,
  type MatchedTerm,
  type Matcher,
} from '../../glossary/matcher';
import type { GlossarySnapshot, ScanResult } from '../../lib/protocol';

interface Compiled {
  revision: number;
  matcher: Matcher;
  /** The context step over the matcher's spans; its `terms` are the ones answers refer to. */
  context: ContextResolver;
  /** Ids of personal entries and overrides. */
  personal: Set<string>;
  /**
   * Per index in `matcher.terms`, the first index of a term with the same id,
   * language and text, so an answer lists each term once even if the matcher
   * lists it twice.
   */
  canonical: Int32Array;
  /** Per index in `matcher.terms`: its index in the answer being built, or -1. */
  slot: Int32Array;
}

export class MatcherCache {
  private compiled: Compiled | null = null;

  constructor(
    private readonly snapshot: () => Promise<GlossarySnapshot>,
    /** How a snapshot's entries become a matcher (replaced in tests). */
    private readonly compile: (entries: GlossarySnapshot['entries']) => Matcher = (entries) =>
      compileMatcher(entries.map(matchableOf)),
  ) {}

  /** The matcher for the current snapshot (compiled on first use after a change). */
  async get(): Promise<Compiled> {
    const snap = await this.snapshot();
    if (this.compiled?.revision !== snap.revision) {
      const matcher = this.compile(snap.entries);
      const context = new ContextResolver(matcher, snap.entries.map(ruledOf));
      this.compiled = {
        revision: snap.revision,
        matcher,
        context,
        personal: new Set(snap.entries.filter((e) => e.source === 'personal').map((e) => e.id)),
        canonical: canonicalTerms(context.terms),
        slot: new Int32Array(context.terms.length).fill(-1),
      };
    }
    return this.compiled;
  }

  /**
   * Scan the texts, packed for the message (see `ScanResult`): spans per text
   * and, once each, the terms they use.
   */
  async scan(texts: readonly string[]): Promise<ScanResult> {
    const { revision, matcher, context, personal, canonical, slot } = await this.get();
    // From here on nothing awaits, so `slot` is this answer's alone; it is reset before returning.
    const used: number[] = [];
    const terms: MatchedTerm[] = [];
    const senses: NonNullable<ScanResult['senses']> = [];
    let spans: number[][];
    try {
      spans = texts.map((text, i) => {
        const resolved = context.resolve(text, matcher.scanSpans(text));
        const { count, data } = resolved;
        for (const [span, ids] of resolved.senses) senses.push({ text: i, span, ids: [...ids] });
        const flat = new Array<number>(4 * count);
        for (let k = 0; k < 4 * count; k += 4) {
          const t = canonical[data[k + 2]!]!;
          let s = slot[t]!;
          if (s < 0) {
            s = slot[t] = terms.length;
            used.push(t);
            terms.push(context.terms[t]!);
          }
          flat[k] = data[k]!;
          flat[k + 1] = data[k + 1]!;
          flat[k + 2] = s;
          flat[k + 3] = data[k + 3]!;
        }
        return flat;
      });
    } finally {
      for (const t of used) slot[t] = -1;
    }
    const ids = new Set<string>();
    for (const term of terms) if (personal.has(term.id)) ids.add(term.id);
    const res: ScanResult = { revision, terms, spans, personal: [...ids] };
    if (senses.length > 0) res.senses = senses;
    return res;
  }
}

function canonicalTerms(terms: readonly MatchedTerm[]): Int32Array {
  const first = new Map<string, number>();
  const canonical = new Int32Array(terms.length);
  terms.forEach((t, i) => {
    const key = `${t.id}\u0000${t.lang}\u0000${t.term}`;
    const known = first.get(key);
    if (known === undefined) first.set(key, i);
    canonical[i] = known ?? i;
  });
  return canonical;
}
