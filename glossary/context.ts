/**
 * The step after the matcher: what a page highlights. The matcher finds every
 * form of every term; this step, with the text at hand, decides
 * - which sense of a word the context calls for (азаматтық before a noun is
 *   "civil", азаматтығы is "citizenship"; `Entry.sense`), keeping the other
 *   senses for the card;
 * - whether a word common outside law is legal here (область, брак, жер in
 *   «бұл жерде»; `Entry.quiet`), dropping it where not;
 * - that an abbreviation is written in capitals (АПК, not апк).
 * The rules are data: on the entries, or in glossary/context-rules.ts; what
 * they read around a span is in glossary/context-span.ts.
 *
 * `ContextResolver.scan` (built by `compileScanner`) is what the CLI prints, and
 * `resolve` what the background sends
 * to pages (entrypoints/background/matcher-cache.ts runs `resolve` on the packed spans), so the
 * two always agree.
 */
import { QUIET_TERMS } from './context-rules';
import { SpanContext, foldRule, type FoldedRule } from './context-span';
import { compileMatcher, matchableOf, type Matcher } from './matcher';
import { foldTerm } from './normalize';
import { unpackSpans, type MatchedTerm, type ScanSpans } from './spans';
import type {
  ContextRule,
  Entry,
  Lang,
  Match,
  MatchableEntry,
  QuietRule,
  SenseRule,
  TermSide,
} from './types';

/** What the context step needs of an entry: its terms per language (the term first) and its rules. */
export type RuledEntry = MatchableEntry & Pick<Entry, 'sense' | 'quiet'>;

/** An entry's terms and rules (the rules only when it has them). */
export function ruledOf(entry: Entry): RuledEntry {
  const r: RuledEntry = matchableOf(entry);
  if (entry.sense) r.sense = entry.sense;
  if (entry.quiet) r.quiet = entry.quiet;
  return r;
}

/** Spans as the matcher packs them, after the context step; `senses` by span index. */
export interface ResolvedSpans extends ScanSpans {
  /** The other senses of the word at a span (index in `data`), where there are any. */
  readonly senses: ReadonlyMap<number, readonly string[]>;
}

const NO_SENSES: ReadonlyMap<number, readonly string[]> = new Map();

interface Sense {
  id: string;
  entry: RuledEntry;
  when: FoldedRule[] | null;
  /** Per language, the index in `terms` of the entry's term, reported when this sense is chosen. */
  term: Record<Lang, number>;
  /** Folded terms and variants per language: a match of one of them is "bare". */
  bare: Record<Lang, Set<string>>;
  /** This sense alone, to tell whether a matched text can be this sense at all. */
  matcher: Matcher | null;
}

interface Group {
  name: string;
  senses: Sense[];
  /** Whether each folded span text can be each sense (by index), remembered. */
  can: Map<string, boolean[]>;
}

const ABBREVIATION = 1;
const QUIET = 2;
const GROUP = 4;
/** A sense's own matcher reads one term at a time: its word memo need hold only a few words. */
const SENSE_MEMO_BITS = 6;

/** A term of a sense group not yet checked for whether it collides (see groupOf). */
const MAYBE_GROUP = 8;
/** The term's flags are worked out (see flagsOf). */
const KNOWN = 16;

/**
 * An abbreviation: no space-free word of it has a lowercase letter and it has
 * at least two letters (ҚР, АПК, КС РК). Such terms match only in capitals.
 */
export function isAbbreviation(term: string): boolean {
  // Any small letter (most terms' first or second) answers at once.
  if (term.toUpperCase() !== term) return false;
  let letters = 0;
  for (const ch of term) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters >= 2;
}

/** Whether the first `letters` letters of the text from `start` are all capitals. */
function inCapitals(text: string, start: number, end: number, letters: number): boolean {
  for (let i = start; i < end && letters > 0; i++) {
    const ch = text[i]!;
    if (ch.toLowerCase() === ch.toUpperCase()) continue;
    if (ch !== ch.toUpperCase()) return false;
    letters--;
  }
  return true;
}

const letterCount = (term: string): number =>
  [...term].filter((ch) => ch.toLowerCase() !== ch.toUpperCase()).length;

/** The quiet rules of the core's table (QUIET_TERMS), by language and folded term. */
const QUIET_BY_TERM: Record<Lang, Map<string, ContextRule[]>> = { kk: new Map(), ru: new Map() };
for (const row of QUIET_TERMS) {
  const key = foldTerm(row.term);
  QUIET_BY_TERM[row.lang].set(key, [...(QUIET_BY_TERM[row.lang].get(key) ?? []), ...row.when]);
}

const sideTerms = (side: TermSide | readonly string[]): readonly string[] =>
  'term' in side ? [side.term, ...side.variants] : side;

/**
 * The sense and quiet rules of an entry: its own fields, and for a language
 * where it declares no quiet rule, the rows of the core's table
 * (glossary/context-rules.ts) that name one of its terms.
 */
export function rulesOf(
  e: Pick<Entry, 'sense' | 'quiet'> & {
    kk: TermSide | readonly string[];
    ru: TermSide | readonly string[];
  },
): { sense?: SenseRule; quiet?: QuietRule[] } {
  const quiet = [...(e.quiet ?? [])];
  for (const lang of ['kk', 'ru'] as const) {
    if (quiet.some((q) => q.lang === lang)) continue;
    for (const t of sideTerms(e[lang])) {
      const when = QUIET_BY_TERM[lang].get(foldTerm(t));
      if (when) quiet.push({ lang, terms: [t], when });
    }
  }
  const out: { sense?: SenseRule; quiet?: QuietRule[] } = {};
  if (e.sense) out.sense = e.sense;
  if (quiet.length > 0) out.quiet = quiet;
  return out;
}

/** Whether an entry carries sense or quiet rules: the only entries the context step reads beyond their ids. */
export function hasContextRules(e: Parameters<typeof rulesOf>[0]): boolean {
  // rulesOf's answer without building its rules: asked of every entry a compile stores.
  if (e.sense || (e.quiet?.length ?? 0) > 0) return true;
  return (['kk', 'ru'] as const).some((lang) =>
    sideTerms(e[lang]).some((t) => QUIET_BY_TERM[lang].has(foldTerm(t))),
  );
}

/**
 * The context step for one compiled matcher: `resolve` the packed spans of a
 * text. `terms` extends the matcher's terms with the terms of the senses it
 * may report instead.
 */
export class ContextResolver {
  readonly terms: readonly MatchedTerm[];
  /** Per term: KNOWN once its flags are worked out (flagsOf), then ABBREVIATION, QUIET, MAYBE_GROUP, GROUP. */
  private readonly flags: Uint8Array;
  private readonly letters: Int32Array;
  private readonly quiet: (FoldedRule[] | undefined)[];
  private readonly bare: (Set<string> | undefined)[];
  private readonly group: (Group | undefined)[];
  private readonly groupOfId = new Map<string, Group>();
  private readonly entries: readonly RuledEntry[];
  private byId: Map<string, RuledEntry> | null = null;
  /** Per entry id whose quiet rules were read: its rules and bare forms by `lang \0 term`. */
  private readonly quietOfEntry = new Map<
    string,
    Map<string, { rules: FoldedRule[]; bare: Set<string> }>
  >();

  /**
   * `entries`: at least those that carry sense or quiet rules (rulesOf), whole;
   * any other may be left out, as a term's abbreviation rule needs only the term.
   */
  constructor(
    readonly matcher: Matcher,
    entries: readonly RuledEntry[],
  ) {
    // Only the sense groups are read up front (their terms join `terms`); a term's
    // other rules are read when it is first matched: a woken worker loads a
    // termbase's index without reading every entry's rules.
    this.entries = entries;
    const terms: MatchedTerm[] = matcher.terms.slice();
    const groups = new Map<string, Group>();
    for (const e of entries) {
      if (!e.sense) continue;
      const { sense } = e;
      let g = groups.get(sense.group);
      if (!g) groups.set(sense.group, (g = { name: sense.group, senses: [], can: new Map() }));
      const term = { kk: terms.length, ru: terms.length + 1 };
      terms.push(
        { id: e.id, lang: 'kk', term: e.kk[0] ?? '' },
        { id: e.id, lang: 'ru', term: e.ru[0] ?? '' },
      );
      g.senses.push({
        id: e.id,
        entry: e,
        when: sense.when ? sense.when.map(foldRule) : null,
        term,
        bare: { kk: new Set(e.kk.map(foldTerm)), ru: new Set(e.ru.map(foldTerm)) },
        matcher: null,
      });
    }
    for (const [name, g] of groups) if (g.senses.length < 2) groups.delete(name);
    for (const g of groups.values()) for (const s of g.senses) this.groupOfId.set(s.id, g);

    this.terms = terms;
    const n = terms.length;
    this.flags = new Uint8Array(n);
    this.letters = new Int32Array(n);
    this.quiet = new Array(n);
    this.bare = new Array(n);
    this.group = new Array(n);
  }

  /** A term's flags, worked out on its first match. */
  private flagsOf(t: number): number {
    const known = this.flags[t]!;
    if (known & KNOWN) return known;
    const term = this.terms[t]!;
    this.byId ??= new Map(this.entries.map((e) => [e.id, e]));
    const entry = this.byId.get(term.id);
    let f = KNOWN;
    if (isAbbreviation(term.term)) {
      f |= ABBREVIATION;
      this.letters[t] = letterCount(term.term);
    }
    const q = entry && this.quietRulesOf(entry).get(`${term.lang}\u0000${term.term}`);
    if (q) {
      f |= QUIET;
      this.quiet[t] = q.rules;
      this.bare[t] = q.bare;
    }
    const g = this.groupOfId.get(term.id);
    if (g) {
      f |= MAYBE_GROUP;
      this.group[t] = g;
    }
    this.flags[t] = f;
    return f;
  }

  /** An entry's quiet rules and bare forms by `lang \0 term` (its own, or the core table's for its terms). */
  private quietRulesOf(e: RuledEntry): Map<string, { rules: FoldedRule[]; bare: Set<string> }> {
    let byTerm = this.quietOfEntry.get(e.id);
    if (byTerm) return byTerm;
    byTerm = new Map();
    for (const q of rulesOf(e).quiet ?? []) {
      const rules = q.when.map(foldRule);
      const bare = new Set(e[q.lang].map(foldTerm));
      for (const t of q.terms ?? e[q.lang]) {
        const key = `${q.lang}\u0000${t}`;
        const known = byTerm.get(key);
        if (known) known.rules.push(...rules);
        else byTerm.set(key, { rules: [...rules], bare });
      }
    }
    this.quietOfEntry.set(e.id, byTerm);
    return byTerm;
  }

  /**
   * The sense group a term must be decided in, if any. A sense is decided
   * only where the senses' terms meet (азаматтық, not гражданство); whether
   * they do is found on the term's first match, not for every term up front,
   * which would compile a matcher per sense before the first scan.
   */
  private groupOf(t: number): Group | undefined {
    const f = this.flagsOf(t);
    if (f & MAYBE_GROUP) {
      const term = this.terms[t]!;
      const collides = this.collides(this.group[t]!, term.lang, term.term);
      this.flags[t] = (f & ~MAYBE_GROUP) | (collides ? GROUP : 0);
      if (!collides) this.group[t] = undefined;
    }
    return this.group[t];
  }

  /** Whether a term of one language can be read as more than one sense of the group. */
  private collides(g: Group, lang: Lang, term: string): boolean {
    const others = g.senses.flatMap((s) => s.entry[lang]).filter((t) => t !== term);
    if (this.possible(g, term).filter(Boolean).length > 1) return true;
    return others.some((t) => this.possible(g, t).filter(Boolean).length > 1);
  }

  /** Whether the matched (folded) text can be each sense of the group: that sense alone matches all of it. */
  private possible(g: Group, text: string): boolean[] {
    const key = foldTerm(text);
    let can = g.can.get(key);
    if (!can) {
      can = g.senses.map((s) => {
        s.matcher ??= compileMatcher([{ id: s.id, kk: s.entry.kk, ru: s.entry.ru }], {
          memoBits: SENSE_MEMO_BITS,
        });
        return s.matcher.scan(text).some((m) => m.start === 0 && m.end === text.length);
      });
      if (g.can.size > 4096) g.can.clear();
      g.can.set(key, can);
    }
    return can;
  }

  /** Which spans pass the capitals test (`keep`), and which no rule can drop or change (`anchors`: they make a sentence legal). */
  private anchors(
    text: string,
    { count, data }: ScanSpans,
  ): { anchors: Uint8Array; keep: Uint8Array } {
    const anchors = new Uint8Array(count);
    const keep = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      const t = data[4 * k + 2]!;
      const f = this.flagsOf(t);
      if (f & ABBREVIATION && !inCapitals(text, data[4 * k]!, data[4 * k + 1]!, this.letters[t]!))
        continue;
      keep[k] = 1;
      if (!(f & QUIET) && !this.groupOf(t)) anchors[k] = 1;
    }
    return { anchors, keep };
  }

  /**
   * For the data tests: the senses whose own rules (`when`) hold at the
   * matcher's span [start, end) of `text`, defaults aside; null when no span
   * of a sense group is there. Two at once means a group's rules overlap.
   */
  sensesThatApply(text: string, start: number, end: number): string[] | null {
    const spans = this.matcher.scanSpans(text);
    const { anchors } = this.anchors(text, spans);
    for (let k = 0; k < spans.count; k++) {
      if (spans.data[4 * k] !== start || spans.data[4 * k + 1] !== end) continue;
      const t = spans.data[4 * k + 2]!;
      const g = this.groupOf(t);
      if (!g) return null;
      const ctx = new SpanContext(text, spans.data, spans.count, anchors, k);
      const lang = this.terms[t]!.lang;
      const can = this.possible(g, text.slice(start, end));
      return g.senses
        .filter((s, i) => can[i] && s.when && ctx.holdsAny(s.when, s.bare[lang]))
        .map((s) => s.id);
    }
    return null;
  }

  /** The sense groups: each group's sense ids in order, and its default (the sense without rules). */
  get groups(): { name: string; senses: string[]; defaults: string[] }[] {
    const seen = new Set<Group>();
    for (let t = 0; t < this.terms.length; t++) {
      const g = this.groupOf(t);
      if (g) seen.add(g);
    }
    return [...seen].map((g) => ({
      name: g.name,
      senses: g.senses.map((s) => s.id),
      defaults: g.senses.filter((s) => s.when === null).map((s) => s.id),
    }));
  }

  /**
   * The spans a page shows of the matcher's spans of `text`: senses chosen,
   * quiet words dropped where the context is not legal, abbreviations only
   * in capitals. Term indexes refer to `terms`.
   */
  resolve(text: string, spans: ScanSpans): ResolvedSpans {
    const { count, data } = spans;
    let ruled = false;
    for (let k = 0; k < count && !ruled; k++)
      if (this.flagsOf(data[4 * k + 2]!) !== KNOWN) ruled = true;
    if (!ruled) return { count, data, senses: NO_SENSES };

    const { anchors, keep } = this.anchors(text, spans);

    const out = new Int32Array(4 * count);
    const senses = new Map<number, readonly string[]>();
    let n = 0;
    for (let k = 0; k < count; k++) {
      if (!keep[k]) continue;
      let t = data[4 * k + 2]!;
      let approximate = data[4 * k + 3]!;
      let ctx: SpanContext | null = null;
      let others: string[] | null = null;
      const g = this.groupOf(t);
      const can = g ? this.possible(g, text.slice(data[4 * k]!, data[4 * k + 1]!)) : null;
      // A form only one sense can take (заңға) needs no decision.
      if (g && can && can.filter(Boolean).length > 1) {
        ctx = new SpanContext(text, data, count, anchors, k);
        const reported = this.terms[t]!;
        let chosen: Sense | undefined;
        for (let s = 0; s < g.senses.length && !chosen; s++) {
          const sense = g.senses[s]!;
          if (can[s] && sense.when && ctx.holdsAny(sense.when, sense.bare[reported.lang]))
            chosen = sense;
        }
        chosen ??= g.senses.find((s, i) => can[i] && s.when === null);
        chosen ??= g.senses.find((s) => s.id === reported.id);
        if (chosen && chosen.id !== reported.id) {
          t = chosen.term[reported.lang];
          // The sense's own term, found as written, is no approximate match.
          if (chosen.bare[reported.lang].has(ctx.folded)) approximate = 0;
        }
        // Another sense's own term read as a form of this one (заңды as the accusative of заң) is a guess.
        const folded = ctx.folded;
        const lang = reported.lang;
        if (
          chosen &&
          !chosen.bare[lang].has(folded) &&
          g.senses.some((s, i) => can[i] && s !== chosen && s.bare[lang].has(folded))
        )
          approximate = 1;
        others = g.senses.filter((s, i) => can[i] && s !== chosen).map((s) => s.id);
      }
      if (this.flagsOf(t) & QUIET) {
        ctx ??= new SpanContext(text, data, count, anchors, k);
        if (!ctx.holdsAny(this.quiet[t]!, this.bare[t]!)) continue;
      }
      out[4 * n] = data[4 * k]!;
      out[4 * n + 1] = data[4 * k + 1]!;
      out[4 * n + 2] = t;
      out[4 * n + 3] = approximate;
      if (others && others.length > 0) senses.set(n, others);
      n++;
    }
    return { count: n, data: out, senses };
  }

  /** The matches a page would show in `text` (with `senses` where a word has others). */
  scan(text: string): Match[] {
    const r = this.resolve(text, this.matcher.scanSpans(text));
    const matches = unpackSpans(r.data, r.count, this.terms);
    for (const [k, ids] of r.senses) matches[k]!.senses = [...ids];
    return matches;
  }
}

/** The matcher and its context step for a glossary: what the CLI and the background run. */
export function compileScanner(entries: readonly RuledEntry[]): ContextResolver {
  return new ContextResolver(
    compileMatcher(entries.map(({ id, kk, ru }) => ({ id, kk, ru }))),
    entries,
  );
}
