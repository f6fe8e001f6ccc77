/**
 * Kazakh nominal morphology: turns a glossary term into the surface patterns
 * its last word takes in text (GUIDE §3). Only the last word inflects; earlier
 * words stay as written.
 *
 * The rules themselves are data in ./kazakh-rules.ts. This module only walks
 * the chain stem + (plural) + (possessive) + (case | -дағы | -дай | -ша) and
 * caches one SuffixSet per class of stem, and remembers the patterns of each
 * last word (terms share them), so that compiling 10,000 terms costs a few map
 * look-ups per term once the classes and words are warm.
 *
 * No browser APIs here: this runs in the background worker, tests and the CLI.
 */

import { CLASS, CharClass, FOLD, foldTerm } from '../normalize';
import type { SuffixSet, SurfacePattern } from './types';
import {
  AFTER_POSSESSIVE_3,
  AMBIGUOUS_FORMS,
  ARCHIPHONEMES,
  BACK_VOWELS,
  CASES,
  DATIVE_AFTER_1SG_2SG,
  DEVOICING,
  EPENTHETIC_I_STEMS,
  FINAL_CLASSES,
  FINAL_CLASS_OF,
  FROZEN_POSSESSIVE_STEMS,
  FRONT_VOWELS,
  HARMONY_EXCEPTIONS,
  KAZAKH_ONLY_LETTERS,
  LOANWORD_LETTERS,
  MAX_ABBREVIATION_LENGTH,
  NON_VOICING_STEMS,
  PLURAL,
  POSSESSIVES,
  POSSESSIVE_3,
  VARIANT_SPELLINGS,
  VERBAL_NOUN_YU_AFTER,
  VOICING,
  VOWELS_BEFORE_LOAN_U,
  VOWELS,
  VOWEL_DROPPING_STEMS,
  type FinalClass,
  type Harmony,
} from './kazakh-rules';

/**
 * Which suffixes of a class a pattern takes:
 * - all:   every suffix (a stem that does not change)
 * - cons:  '' and the consonant-initial suffixes (the unchanged stem of an
 *          alternating word: құқық + тың)
 * - vowel: the vowel-initial suffixes (the alternated stem: құқығ + ы)
 */
type Start = 'all' | 'cons' | 'vowel';

/**
 * Which chain:
 * - plain:  the full paradigm of a bare stem
 * - p3:     what follows a 3rd-person possessive the word already carries
 *           (сот төрелігі + н, нің, не …)
 * - pl3:    plural + 3rd possessive + what follows (the izafet base: сот акті + лерін)
 * - abbr:   an abbreviation: '' or a hyphen and any ending (ҚР-ның, ҚР-да)
 */
type Chain = 'plain' | 'p3' | 'pl3' | 'abbr';

// ---------------------------------------------------------------------------
// Letters and classes

/**
 * Letter classes by code unit: the letters of the rules are all below U+0500,
 * and reading a code unit spares the one-letter string that indexing a
 * Cyrillic string allocates.
 */
const CODE_LIMIT = 0x500;

function codeSet(letters: string): Uint8Array {
  const t = new Uint8Array(CODE_LIMIT);
  for (let i = 0; i < letters.length; i++) t[letters.charCodeAt(i)] = 1;
  return t;
}

const VOWEL_CODES = codeSet(VOWELS);
const BACK_VOWEL_CODES = codeSet(BACK_VOWELS);
const FRONT_VOWEL_CODES = codeSet(FRONT_VOWELS);
const LOANWORD_LETTER = new RegExp(`[${LOANWORD_LETTERS}]`);
const KAZAKH_ONLY_LETTER = new RegExp(`[${KAZAKH_ONLY_LETTERS}]`);
const YU_AFTER_CODES = codeSet(VERBAL_NOUN_YU_AFTER);
const LOAN_U_AFTER_CODES = codeSet(VOWELS_BEFORE_LOAN_U);
const FINAL_CLASS_OF_CODE: readonly (FinalClass | undefined)[] = (() => {
  const t = new Array<FinalClass | undefined>(CODE_LIMIT).fill(undefined);
  for (const [ch, c] of Object.entries(FINAL_CLASS_OF)) t[ch.charCodeAt(0)] = c;
  return t;
})();

function isVowelCode(c: number): boolean {
  return c < CODE_LIMIT && VOWEL_CODES[c] === 1;
}

/** Whether word[i] is a vowel (false past either end). */
function isVowelAt(word: string, i: number): boolean {
  return isVowelCode(word.charCodeAt(i));
}

const U = 'у'.charCodeAt(0);
const YU = 'ю'.charCodeAt(0);
const SOFT_SIGN = 'ь'.charCodeAt(0);
const HARD_SIGN = 'ъ'.charCodeAt(0);

/** Realise a template's archiphonemes (A I G Q) in a harmony. */
function realise(template: string, h: Harmony): string {
  const idx = h === 'back' ? 0 : 1;
  let out = '';
  for (const ch of template) {
    const alt = ARCHIPHONEMES[ch];
    out += alt ? alt[idx] : ch;
  }
  return out;
}

/**
 * Whether the word ends in the verbal noun -ю (= й + у) after a vowel: қою,
 * жою, қию (VERBAL_NOUN_YU_AFTER).
 */
function endsInVerbalNounYu(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== YU) return false;
  const c = word.charCodeAt(n - 2);
  return c < CODE_LIMIT && YU_AFTER_CODES[c] === 1;
}

/**
 * Harmony of a word: its last vowel decides. у is a consonant (сайлау is back
 * by its а, жүргізу front by its і) except in loans, where у before a
 * consonant after a consonant or after и is the vowel u (референдум, институт,
 * нотариус: back; VOWELS_BEFORE_LOAN_U), or when it is the only vowel (су). The
 * verbal noun -ю (қою) counts as у. A final soft sign makes a loan front
 * (рольге). HARMONY_EXCEPTIONS is applied by harmoniesOf, not here.
 */
export function harmonyOf(word: string): Harmony {
  if (word.endsWith('ь')) return 'front';
  const from = endsInVerbalNounYu(word) ? word.length - 2 : word.length - 1;
  for (let i = from; i >= 0; i--) {
    const c = word.charCodeAt(i);
    if (c < CODE_LIMIT && BACK_VOWEL_CODES[c] === 1) return 'back';
    if (c < CODE_LIMIT && FRONT_VOWEL_CODES[c] === 1) return 'front';
    if (c === U && i > 0 && i + 1 < word.length && !isVowelAt(word, i + 1)) {
      const p = word.charCodeAt(i - 1);
      if (!isVowelCode(p) || (p < CODE_LIMIT && LOAN_U_AFTER_CODES[p] === 1)) return 'back';
    }
  }
  // Only у (су, ту) or no vowel at all: back is the more common reading.
  return 'back';
}

/**
 * The harmonies a word's endings take: HARMONY_EXCEPTIONS (by the part after
 * the last hyphen) or its last vowel's.
 */
export function harmoniesOf(word: string): readonly Harmony[] {
  return HARMONY_EXCEPTIONS_MAP.get(lastSegment(word)) ?? [harmonyOf(word)];
}

const HARMONY_EXCEPTIONS_MAP: ReadonlyMap<string, readonly Harmony[]> = new Map(
  Object.entries(HARMONY_EXCEPTIONS),
);

/**
 * Class of the last sound (a final soft/hard sign is skipped). The verbal noun
 * -ю after a vowel (қою) ends in у: RYU.
 */
export function finalClassOf(word: string): FinalClass | undefined {
  if (endsInVerbalNounYu(word)) return 'RYU';
  let i = word.length - 1;
  const c = word.charCodeAt(i);
  if (c === SOFT_SIGN || c === HARD_SIGN) i--;
  const d = word.charCodeAt(i);
  return d < CODE_LIMIT ? FINAL_CLASS_OF_CODE[d] : undefined;
}

// ---------------------------------------------------------------------------
// Suffix chains

/** Push stem-relative suffixes for every case ending after `base` (whose last sound is `c`). */
function pushCases(out: string[], base: string, c: FinalClass, h: Harmony, bareDative: boolean) {
  for (const { name, table } of CASES) {
    if (bareDative && name === 'dative') {
      out.push(base + realise(DATIVE_AFTER_1SG_2SG, h));
      continue;
    }
    for (const t of table[c]) out.push(base + realise(t, h));
  }
}

function pushAfterPossessive3(out: string[], base: string, h: Harmony) {
  for (const t of AFTER_POSSESSIVE_3) out.push(base + realise(t, h));
}

/** Every suffix of the plain paradigm of a stem of harmony h ending in class c. */
function plainChains(h: Harmony, c: FinalClass): string[] {
  const out: string[] = [];
  const numbers: [string, FinalClass][] = [
    ['', c],
    [realise(PLURAL[c][0]!, h), 'RYU'], // the plural ends in р
  ];
  for (const [num, nc] of numbers) {
    pushCases(out, num, nc, h, false);
    for (const p of POSSESSIVES) {
      const poss = realise(nc === 'V' ? p.afterVowel : p.afterConsonant, h);
      const pc = finalClassOf(poss);
      if (pc) pushCases(out, num + poss, pc, h, p.bareDative);
    }
    const p3 = realise(nc === 'V' ? POSSESSIVE_3.afterVowel : POSSESSIVE_3.afterConsonant, h);
    pushAfterPossessive3(out, num + p3, h);
  }
  return out;
}

/** plural + 3rd possessive + what follows it (актілері, актілерін, актілерінің …). */
function plural3Chains(h: Harmony, c: FinalClass): string[] {
  const out: string[] = [];
  const pl = realise(PLURAL[c][0]!, h);
  pushAfterPossessive3(out, pl + realise(POSSESSIVE_3.afterConsonant, h), h);
  return out;
}

// ---------------------------------------------------------------------------
// The SuffixSet cache: one frozen object per class, built on first use.

const setCache = new Map<string, SuffixSet>();

function makeSet(id: string, build: () => Iterable<string>): SuffixSet {
  let s = setCache.get(id);
  if (!s) {
    s = Object.freeze({ id, forms: new Set(build()) as ReadonlySet<string> });
    setCache.set(id, s);
  }
  return s;
}

function startsWithVowel(suffix: string): boolean {
  return isVowelAt(suffix, 0);
}

function filterStart(forms: string[], start: Start): string[] {
  if (start === 'all') return forms;
  const wantVowel = start === 'vowel';
  return forms.filter((f) => (f === '' ? !wantVowel : startsWithVowel(f) === wantVowel));
}

/**
 * The shared SuffixSet of a class. Vowel-initial suffixes begin with a
 * possessive vowel, after which nothing depends on the stem's last sound, so
 * their sets are keyed by harmony alone.
 */
export function suffixSet(h: Harmony, c: FinalClass, start: Start, chain: Chain): SuffixSet {
  if (chain === 'abbr') return abbreviationSet();
  if (chain === 'p3') {
    return makeSet(`${h}|*|all|p3`, () => {
      const out: string[] = [];
      pushAfterPossessive3(out, '', h);
      return out;
    });
  }
  if (chain === 'pl3') return makeSet(`${h}|${c}|cons|pl3`, () => plural3Chains(h, c));
  const key = start === 'vowel' ? '*' : c;
  return makeSet(`${h}|${key}|${start}|plain`, () => filterStart(plainChains(h, c), start));
}

/**
 * Abbreviations (ҚР, ҚХК) are read letter by letter, so their endings vary by
 * writer: accept any ending of either harmony after a hyphen.
 */
function abbreviationSet(): SuffixSet {
  return makeSet('*|*|all|abbr', () => {
    // Cases, plural + cases and the 3rd-person possessive chain; 1st/2nd person
    // possessives of an abbreviation do not occur in legal text.
    const forms: string[] = [];
    for (const h of ['back', 'front'] as const) {
      for (const c of FINAL_CLASSES) {
        pushCases(forms, '', c, h, false);
        pushCases(forms, realise(PLURAL[c][0]!, h), 'RYU', h, false);
        const p3 = c === 'V' ? POSSESSIVE_3.afterVowel : POSSESSIVE_3.afterConsonant;
        pushAfterPossessive3(forms, realise(p3, h), h);
      }
    }
    const out = new Set<string>(['']);
    for (const f of forms) if (f) out.add('-' + f);
    return out;
  });
}

/** Number of SuffixSets built so far (for tests and benchmarks). */
export function suffixSetCount(): number {
  return setCache.size;
}

// ---------------------------------------------------------------------------
// Stems

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

/** The part after the last hyphen (іс-әрекет → әрекет), for the lexical lists. */
function lastSegment(word: string): string {
  const i = word.lastIndexOf('-');
  return i < 0 ? word : word.slice(i + 1);
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
  setCache.clear();
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
