/**
 * Kazakh nominal morphology: turns a glossary term into the surface patterns
 * its last word takes in text (GUIDE §3). Only the last word inflects; earlier
 * words stay as written.
 *
 * The rules themselves are data in ./kazakh-rules.ts; the sounds that decide
 * them are read in kazakh-sounds.ts and the suffix chains built, one
 * SuffixSet per class of stem, in kazakh-suffixes.ts. This module finds the
 * stems of a word (voicing, dropped vowels, izafet bases, variant spellings)
 * and remembers the patterns of each last word (terms share them), so that
 * compiling 10,000 terms costs a few map look-ups per term once the classes
 * and words are warm.
 *
 * No browser APIs here: this runs in the background worker, tests and the CLI.
 */

import { CLASS, CharClass, FOLD } from '../matcher/char-tables';
import { foldTerm } from '../normalize';
import type { SurfacePattern } from './types';
import {
  AMBIGUOUS_FORMS,
  DEVOICING,
  EPENTHETIC_I_STEMS,
  FROZEN_POSSESSIVE_STEMS,
  KAZAKH_ONLY_LETTERS,
  LOANWORD_LETTERS,
  MAX_ABBREVIATION_LENGTH,
  NON_VOICING_STEMS,
  PLURAL,
  VARIANT_SPELLINGS,
  VOICING,
  VOWEL_DROPPING_STEMS,
  type FinalClass,
  type Harmony,
} from './kazakh-rules';
import {
  CODE_LIMIT,
  U,
  finalClassOf,
  harmoniesOf,
  harmonyOf,
  isVowelAt,
  isVowelCode,
  lastSegment,
  realise,
} from './kazakh-sounds';
import { abbreviationSet, forgetSuffixSets, makeSet, suffixSet } from './kazakh-suffixes';

export { finalClassOf, harmoniesOf, harmonyOf } from './kazakh-sounds';
export { suffixSet, suffixSetCount } from './kazakh-suffixes';

const LOANWORD_LETTER = new RegExp(`[${LOANWORD_LETTERS}]`);
const KAZAKH_ONLY_LETTER = new RegExp(`[${KAZAKH_ONLY_LETTERS}]`);

/** Whether the final к/қ/п voices before a vowel (төрелік → төрелігі). */
function voices(word: string): boolean {
  const last = word[word.length - 1];
  if (last === undefined || !(last in VOICING)) return false;
  if (!isVowelAt(word, word.length - 2)) return false; // банк → банкі
  if (NON_VOICING_STEMS.has(word)) return false;
  // A Kazakh letter in the last syllable (-лық, -лік, any final қ): a native
  // ending, which voices even after a loan (ведомстволық → ведомстволығы).
  if (KAZAKH_ONLY_LETTER.test(word.slice(-2))) return true;
  return !LOANWORD_LETTER.test(word);
}

/** The stem with its last vowel dropped (мүлік → мүлк), or undefined if not in the list. */
function droppedStem(word: string): { stem: string; both: boolean } | undefined {
  const entry = VOWEL_DROPPING.get(lastSegment(word));
  if (!entry) return undefined;
  return { stem: word.slice(0, -2) + word.slice(-1), both: entry.both };
}

const VOWEL_DROPPING: ReadonlyMap<string, { readonly both: boolean }> = new Map(
  Object.entries(VOWEL_DROPPING_STEMS),
);

/** Reverse of the vowel drop: халқ → халық (for izafet bases such as Қазақстан халқы). */
const UNDROPPED: ReadonlyMap<string, string> = new Map(
  Object.keys(VOWEL_DROPPING_STEMS).map((w) => [w.slice(0, -2) + w.slice(-1), w]),
);

/** Patterns of the plain paradigm of `word`, in each harmony it takes (harmoniesOf). */
function pushPlain(out: SurfacePattern[], word: string) {
  const c = finalClassOf(word);
  if (!c) {
    out.push({ stem: word, suffixes: null });
    return;
  }
  for (const h of harmoniesOf(word)) pushPlainIn(out, word, c, h);
}

function pushPlainIn(out: SurfacePattern[], word: string, c: FinalClass, h: Harmony) {
  const seg = lastSegment(word);

  if (EPENTHETIC_I_STEMS.has(seg)) {
    // акт: bare, or акті- + any ending of a front vowel stem (актіні, актілер).
    out.push({ stem: word, suffixes: null });
    out.push({ stem: word + 'і', suffixes: suffixSet('front', 'V', 'all', 'plain') });
    return;
  }

  const last = word[word.length - 1]!;
  if (word.length >= 3 && word[word.length - 2] === last && !isVowelAt(word, word.length - 1)) {
    // Loans in a double consonant (процесс) drop one before a suffix
    // (процеске, процесі); older texts keep both (процесске).
    out.push({ stem: word, suffixes: suffixSet(h, c, 'all', 'plain') });
    out.push({ stem: word.slice(0, -1), suffixes: suffixSet(h, c, 'all', 'plain') });
    return;
  }

  const dropped = droppedStem(word);
  if (dropped) {
    out.push({ stem: word, suffixes: suffixSet(h, c, 'cons', 'plain') });
    out.push({ stem: dropped.stem, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    if (dropped.both && !voices(word)) {
      out.push({ stem: word, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    }
    return;
  }

  if (voices(word)) {
    const alt = word.slice(0, -1) + VOICING[last]!;
    out.push({ stem: word, suffixes: suffixSet(h, c, 'cons', 'plain') });
    out.push({ stem: alt, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    return;
  }

  out.push({ stem: word, suffixes: suffixSet(h, c, 'all', 'plain') });
}

/**
 * The bases a word with a 3rd-person possessive may come from. -сы/-сі after a
 * vowel is ambiguous (Республика+сы, but Мәжіліс+і), so both readings are
 * returned: a base that does not exist only yields forms no text contains.
 */
function izafetBases(word: string): string[] {
  const bases: string[] = [];
  const n = word.length;
  if (n >= 4 && word[n - 2] === 'с' && isVowelAt(word, n - 3)) bases.push(word.slice(0, -2));
  if (n >= 3 && !isVowelAt(word, n - 2)) {
    let base = word.slice(0, -1);
    const last = base[base.length - 1]!;
    const undropped = UNDROPPED.get(lastSegment(base));
    if (undropped) base = base.slice(0, base.length - lastSegment(base).length) + undropped;
    else if (last in DEVOICING && isVowelAt(base, base.length - 2)) {
      base = base.slice(0, -1) + DEVOICING[last]!; // төреліг → төрелік
    }
    bases.push(base);
  }
  return bases;
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Whether a folded word has a vowel (у included): a word without one is an
 * abbreviation (ҚР).
 */
function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isVowelCode(c) || c === U) return true;
  }
  return false;
}

/**
 * An abbreviation: a last word with no vowel (ҚР), or a short one written all
 * in capitals (ЖОО). `term` is the term as written, `word` its folded last word
 * and `vowel` whether that has a vowel (hasVowel).
 */
function isAbbreviation(term: string, word: string, vowel: boolean): boolean {
  if (!vowel) return true;
  if (word.length > MAX_ABBREVIATION_LENGTH) return false;
  const trimmed = term.trimEnd();
  let start = trimmed.length;
  while (start > 0 && !/\s/.test(trimmed[start - 1]!)) start--;
  const raw = trimmed.slice(start);
  return word.length >= 2 && raw.toUpperCase() === raw && raw.toLowerCase() !== raw;
}

/**
 * What a term's patterns owe to its last word: the patterns with the term's
 * earlier words left out (each stem is the term's prefix + the stem here).
 * They depend on the word alone and on whether words precede it (the izafet
 * reading), so they are remembered per word: glossary terms share their last
 * words heavily (сот, құқық, кодекс …).
 */
interface WordEntry {
  readonly vowel: boolean;
  /** The patterns of the word as a whole term, once asked for. */
  alone: readonly SurfacePattern[] | undefined;
  /** The patterns of the word as the last of several, once asked for. */
  last: readonly SurfacePattern[] | undefined;
}

const wordMemo = new Map<string, WordEntry>();
/** Words remembered at most; the memo starts over when full. */
const WORD_MEMO_LIMIT = 10_000;

/**
 * Forget the remembered words and the suffix sets built so far: the
 * benchmark measures compilations from nothing.
 */
export function forgetKazakhWords(): void {
  wordMemo.clear();
  forgetSuffixSets();
}

/**
 * foldTerm for the common case of a term made only of Cyrillic letters
 * (Kazakh included), single inner spaces and hyphens, where folding is just
 * lowercasing and ё → е (none at all for a term in lowercase); anything else
 * goes through foldTerm. `plain` tells which way it went.
 */
function foldFast(term: string): { folded: string; plain: boolean } {
  const n = term.length;
  let changes = false;
  let yo = false;
  for (let i = 0; i < n; i++) {
    const c = term.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === n - 1 || term.charCodeAt(i - 1) === 0x20) return general(term);
    } else if (c !== 0x2d) {
      if (!(c < CODE_LIMIT && FAST_FOLDING[c] === 1)) return general(term);
      if (FOLD[c] !== c) {
        changes = true;
        if (c === 0x401 || c === 0x451) yo = true;
      }
    }
  }
  if (!changes) return { folded: term, plain: true };
  const lower = term.toLowerCase();
  return { folded: yo ? lower.replaceAll('ё', 'е') : lower, plain: true };
}

function general(term: string): { folded: string; plain: boolean } {
  return { folded: foldTerm(term), plain: false };
}

/**
 * Code units below U+0500 that foldTerm folds as String.toLowerCase does (ё
 * aside, replaced after): the Cyrillic letters, checked against the fold table
 * itself.
 */
const FAST_FOLDING: Uint8Array = (() => {
  const t = new Uint8Array(CODE_LIMIT);
  for (let c = 0x400; c < CODE_LIMIT; c++) {
    const ch = String.fromCharCode(c);
    const lower = c === 0x401 || c === 0x451 ? 'е' : ch.toLowerCase();
    if (CLASS[c] === CharClass.Word && lower === String.fromCharCode(FOLD[c]!)) t[c] = 1;
  }
  return t;
})();

/** The surface patterns of a Kazakh term: see the module comment and GUIDE §3. */
export function kazakhPatterns(term: string): SurfacePattern[] {
  const { folded, plain } = foldFast(term);
  if (!folded) return [];
  const space = folded.lastIndexOf(' ');
  const prefix = space < 0 ? '' : folded.slice(0, space + 1);
  const word = space < 0 ? folded : folded.slice(space + 1);

  let entry = wordMemo.get(word);
  if (!entry) {
    if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.clear();
    entry = { vowel: hasVowel(word), alone: undefined, last: undefined };
    wordMemo.set(word, entry);
  }
  // A plain term's last word as written is the tail of the term as long as
  // `word`; when it equals `word`, it is in lowercase and no abbreviation.
  const abbreviation =
    plain && entry.vowel && term.endsWith(word) ? false : isAbbreviation(term, word, entry.vowel);
  if (abbreviation) {
    return [{ stem: folded, suffixes: abbreviationSet() }];
  }
  let own: readonly SurfacePattern[];
  if (space < 0) own = entry.alone ??= frozen(wordPatterns(word, false));
  else own = entry.last ??= frozen(wordPatterns(word, true));
  // The remembered patterns are frozen: a one-word term may hand them out as they are.
  if (prefix === '') return own.slice();
  const out = new Array<SurfacePattern>(own.length);
  for (let i = 0; i < own.length; i++) {
    const p = own[i]!;
    out[i] = { stem: prefix + p.stem, suffixes: p.suffixes };
  }
  return out;
}

function frozen(patterns: SurfacePattern[]): readonly SurfacePattern[] {
  for (const p of patterns) Object.freeze(p);
  return patterns;
}

/** The patterns of a term's last word `word` (see WordEntry); `multi`: words precede it. */
function wordPatterns(word: string, multi: boolean): SurfacePattern[] {
  const out: SurfacePattern[] = [];
  pushPlain(out, word);
  pushVariantSpellings(out, word, word);

  // A word with a frozen possessive (отбасы) also takes the after-possessive cases.
  if (FROZEN_POSSESSIVE_STEMS.has(lastSegment(word))) {
    out.push({ stem: word, suffixes: suffixSet(harmonyOf(word), 'V', 'all', 'p3') });
    return out;
  }

  // Izafet: the last word of a multi-word term already has the 3rd-person
  // possessive (сот төрелігі, Қазақстан Республикасы). It takes the
  // after-possessive cases, and its base the plural + possessive chain.
  const last = word[word.length - 1];
  if (multi && (last === 'ы' || last === 'і') && word.length >= 3) {
    const h = harmonyOf(word);
    out.push({ stem: word, suffixes: suffixSet(h, 'V', 'all', 'p3') });
    for (const base of izafetBases(word)) {
      const c = finalClassOf(base);
      if (c) out.push({ stem: base, suffixes: suffixSet(harmonyOf(base), c, 'cons', 'pl3') });
      pushVariantSpellings(out, base, word);
    }
  }
  return out;
}

const VARIANTS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(VARIANT_SPELLINGS));

/** The plural of each stem with variant spellings (құқықтар) → the stem (құқық). */
const VARIANT_OF_PLURAL: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const k of VARIANTS.keys()) {
    const c = finalClassOf(k);
    if (c) m.set(k + realise(PLURAL[c][0]!, harmonyOf(k)), k);
  }
  return m;
})();

/**
 * The variant spellings of `stem` (VARIANT_SPELLINGS), when `stem` is the last
 * word, its izafet base or the plural of its izafet base (құқық, құқығы,
 * құқықтары). One pattern: the forms' common beginning, which every form
 * extends, so that the matcher checks each against AMBIGUOUS_FORMS.
 */
function pushVariantSpellings(out: SurfacePattern[], stem: string, word: string) {
  let key = stem;
  let forms = VARIANTS.get(key);
  if (!forms && key !== word) {
    // A plural izafet base (құқықтар): its singular.
    const k = VARIANT_OF_PLURAL.get(key);
    if (k !== undefined) {
      key = k;
      forms = VARIANTS.get(k);
    }
  }
  if (!forms || forms.length === 0) return;
  let common = forms[0]!;
  for (const f of forms) while (!f.startsWith(common)) common = common.slice(0, -1);
  if (forms.includes(common)) common = common.slice(0, -1);
  out.push({
    stem: common,
    suffixes: makeSet(`variant|${key}`, () => forms.map((f) => f.slice(common.length))),
  });
}

/** Every folded surface form of a term (for tests and benchmarks). */
export function kazakhForms(term: string): string[] {
  const forms = new Set<string>();
  for (const p of kazakhPatterns(term)) {
    if (!p.suffixes) forms.add(p.stem);
    else for (const s of p.suffixes.forms) forms.add(p.stem + s);
  }
  return [...forms];
}

/**
 * Whether a folded word form, though an inflection of a term, is more often a
 * different derived word (заңды "lawful", сотты "convicted"): such matches are
 * reported as approximate.
 */
export function isAmbiguousKazakhForm(foldedWord: string): boolean {
  return AMBIGUOUS_FORMS.has(foldedWord);
}
