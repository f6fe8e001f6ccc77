/**
 * What the context step (glossary/context.ts) reads around one span: the word
 * before and after it (across spaces and commas), the sentence it stands in,
 * and whether that sentence is legal (another term that is no quiet word, or
 * a cue word such as «статья», «бап»); and the rules, folded once, that test
 * them.
 */
import { LEGAL_CUES } from './context-rules';
import { CLASS, CharClass } from './matcher/char-tables';
import { wordEnd, wordStart } from './matcher/words';
import { foldTerm } from './normalize';
import type { ContextRule, WordTest } from './types';

/** A term's rules, folded once. */
export interface FoldedTest {
  words: Set<string>;
  prefixes: string[];
  suffixes: string[];
}

export interface FoldedRule {
  form?: 'bare' | 'inflected';
  forms?: Set<string>;
  prev?: FoldedTest;
  next?: FoldedTest;
  notPrev?: FoldedTest;
  notNext?: FoldedTest;
  legalContext: boolean;
}

export const foldTest = (t: WordTest): FoldedTest => ({
  words: new Set((t.words ?? []).map(foldTerm)),
  prefixes: (t.prefixes ?? []).map(foldTerm),
  suffixes: (t.suffixes ?? []).map(foldTerm),
});

export function foldRule(r: ContextRule): FoldedRule {
  return {
    form: r.form,
    forms: r.forms ? new Set(r.forms.map(foldTerm)) : undefined,
    prev: r.prev && foldTest(r.prev),
    next: r.next && foldTest(r.next),
    notPrev: r.notPrev && foldTest(r.notPrev),
    notNext: r.notNext && foldTest(r.notNext),
    legalContext: r.legalContext === true,
  };
}

/** Whether a folded word passes a test: one of its words, prefixes or suffixes; any word when it lists none. */
export function passes(t: FoldedTest, word: string): boolean {
  if (t.words.size === 0 && t.prefixes.length === 0 && t.suffixes.length === 0) return true;
  if (t.words.has(word)) return true;
  for (const p of t.prefixes) if (word.startsWith(p)) return true;
  for (const s of t.suffixes) if (word.endsWith(s)) return true;
  return false;
}

/** What may stand between a match and "the word before/after": spaces and commas. */
const GAP_CHAR = /[\s,]/u;
const SENTENCE_END = /[.!?…]/;
/** How far the context step looks for a sentence's ends. */
const SENTENCE_REACH = 1500;

function wordBefore(text: string, start: number): string | null {
  let i = start;
  while (i > 0 && GAP_CHAR.test(text[i - 1]!)) i--;
  const end = i;
  i = wordStart(text, end);
  return i < end ? foldTerm(text.slice(i, end)) : null;
}

function wordAfter(text: string, end: number): string | null {
  let i = end;
  while (i < text.length && GAP_CHAR.test(text[i]!)) i++;
  const start = i;
  // A hyphen here is a dash between words, not the start of one.
  if (start >= text.length || CLASS[text.charCodeAt(start)] === CharClass.Hyphen) return null;
  i = wordEnd(text, start);
  return i > start ? foldTerm(text.slice(start, i)) : null;
}

/** Whether a sentence ends at `i` (a full stop, ! ? …, followed by space and a capital; or a blank line). */
function endsSentence(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // Most characters end nothing: . ! ? … and the newline are all that can.
  if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026 && code !== 0x0a)
    return false;
  const ch = text[i]!;
  if (ch === '\n') {
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    return text[j] === '\n';
  }
  if (!SENTENCE_END.test(ch)) return false;
  let j = i + 1;
  if (j < text.length && !/\s/u.test(text[j]!)) return false;
  while (j < text.length && /[\s«"„“(—–-]/u.test(text[j]!)) j++;
  if (j >= text.length) return true;
  const next = text[j]!;
  return next !== next.toLowerCase();
}

/** [start, end) of the sentence holding [from, to). */
function sentenceAround(text: string, from: number, to: number): [number, number] {
  let s = from;
  const sMin = Math.max(0, from - SENTENCE_REACH);
  while (s > sMin && !endsSentence(text, s - 1)) s--;
  let e = to;
  const eMax = Math.min(text.length, to + SENTENCE_REACH);
  while (e < eMax && !endsSentence(text, e)) e++;
  return [s, Math.min(text.length, e + 1)];
}

const CUES = foldTest(LEGAL_CUES);
const TOKEN = /[\p{L}\p{M}\p{N}\u00AD]+/gu;

function hasCue(sentence: string): boolean {
  for (const m of sentence.matchAll(TOKEN)) if (passes(CUES, foldTerm(m[0]))) return true;
  return false;
}

/** The context of one span, computed as the rules ask for it. */
export class SpanContext {
  private prev: string | null | undefined;
  private next: string | null | undefined;
  private legal: boolean | undefined;
  readonly folded: string;

  constructor(
    private readonly text: string,
    private readonly data: ArrayLike<number>,
    private readonly count: number,
    private readonly anchors: Uint8Array,
    private readonly k: number,
  ) {
    this.folded = foldTerm(text.slice(data[4 * k]!, data[4 * k + 1]!));
  }

  get before(): string | null {
    if (this.prev === undefined) this.prev = wordBefore(this.text, this.data[4 * this.k]!);
    return this.prev;
  }

  get after(): string | null {
    if (this.next === undefined) this.next = wordAfter(this.text, this.data[4 * this.k + 1]!);
    return this.next;
  }

  /** Another span that is no quiet word, or a cue word, in the same sentence. */
  get legalContext(): boolean {
    if (this.legal !== undefined) return this.legal;
    const [s, e] = sentenceAround(this.text, this.data[4 * this.k]!, this.data[4 * this.k + 1]!);
    let legal = false;
    // Spans are in text order: start at the first that begins in the sentence.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[4 * mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < this.count && !legal && this.data[4 * j]! < e; j++) {
      if (j !== this.k && this.anchors[j] && this.data[4 * j + 1]! <= e) legal = true;
    }
    this.legal = legal || hasCue(this.text.slice(s, e));
    return this.legal;
  }

  holds(r: FoldedRule, bare: ReadonlySet<string>): boolean {
    if (r.form && bare.has(this.folded) !== (r.form === 'bare')) return false;
    if (r.forms && !r.forms.has(this.folded)) return false;
    if (r.prev && (this.before === null || !passes(r.prev, this.before))) return false;
    if (r.next && (this.after === null || !passes(r.next, this.after))) return false;
    if (r.notPrev && this.before !== null && passes(r.notPrev, this.before)) return false;
    if (r.notNext && this.after !== null && passes(r.notNext, this.after)) return false;
    if (r.legalContext && !this.legalContext) return false;
    return true;
  }

  holdsAny(rules: readonly FoldedRule[], bare: ReadonlySet<string>): boolean {
    return rules.some((r) => this.holds(r, bare));
  }
}
