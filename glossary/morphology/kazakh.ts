/**
 * Kazakh nominal morphology: turns a glossary term into the surface patterns
 * its last word takes in text (GUIDE §3). Only the last word inflects; earlier
 * words stay as written.
 *
 * The rules themselves are data in ./kazakh-rules.ts. This module only walks
 * the chain stem + (plural) + (possessive) + (case | -дағы | -дай | -ша) and
 * caches one SuffixSet per class of stem, so that compiling 10,000 terms costs
 * a few map look-ups per term once the classes are warm.
 *
 * No browser APIs here: this runs in the background worker, tests and the CLI.
 */

import { foldTerm } from '../normalize';
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
  LOANWORD_LETTERS,
  MAX_ABBREVIATION_LENGTH,
  NON_VOICING_STEMS,
  PLURAL,
  POSSESSIVES,
  POSSESSIVE_3,
  VARIANT_SPELLINGS,
  VOICING,
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

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

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
 * Harmony of a word: its last vowel decides. у is a consonant (сайлау is back
 * by its а, жүргізу front by its і) except in loans, where у between
 * consonants is the vowel u (референдум, институт: back), or when it is the
 * only vowel (су). A final soft sign makes a loan front (рольге).
 */
export function harmonyOf(word: string): Harmony {
  if (word.endsWith('ь')) return 'front';
  for (let i = word.length - 1; i >= 0; i--) {
    const ch = word[i]!;
    if (BACK_VOWELS.includes(ch)) return 'back';
    if (FRONT_VOWELS.includes(ch)) return 'front';
    if (ch === 'у') {
      const prev = word[i - 1];
      const next = word[i + 1];
      if (prev !== undefined && !isVowel(prev) && next !== undefined && !isVowel(next)) {
        return 'back';
      }
    }
  }
  // Only у (су, ту) or no vowel at all: back is the more common reading.
  return 'back';
}

/** Class of the last sound (a final soft/hard sign is skipped). */
export function finalClassOf(word: string): FinalClass | undefined {
  let i = word.length - 1;
  if (word[i] === 'ь' || word[i] === 'ъ') i--;
  const ch = word[i];
  return ch === undefined ? undefined : FINAL_CLASS_OF[ch];
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
  return isVowel(suffix[0]);
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
  if (!isVowel(word[word.length - 2])) return false; // банк → банкі
  if (NON_VOICING_STEMS.has(word)) return false;
  for (const ch of word) if (LOANWORD_LETTERS.includes(ch)) return false;
  return true;
}

/** The stem with its last vowel dropped (мүлік → мүлк), or undefined if not in the list. */
function droppedStem(word: string): { stem: string; both: boolean } | undefined {
  const entry = VOWEL_DROPPING_STEMS[lastSegment(word)];
  if (!entry) return undefined;
  return { stem: word.slice(0, -2) + word.slice(-1), both: entry.both };
}

/** The part after the last hyphen (іс-әрекет → әрекет), for the lexical lists. */
function lastSegment(word: string): string {
  const i = word.lastIndexOf('-');
  return i < 0 ? word : word.slice(i + 1);
}

/** Reverse of the vowel drop: халқ → халық (for izafet bases such as Қазақстан халқы). */
const UNDROPPED: ReadonlyMap<string, string> = new Map(
  Object.keys(VOWEL_DROPPING_STEMS).map((w) => [w.slice(0, -2) + w.slice(-1), w]),
);

/** Patterns of the plain paradigm of `word` after `prefix`. */
function pushPlain(out: SurfacePattern[], prefix: string, word: string) {
  const c = finalClassOf(word);
  if (!c) {
    out.push({ stem: prefix + word, suffixes: null });
    return;
  }
  const h = harmonyOf(word);
  const seg = lastSegment(word);

  if (EPENTHETIC_I_STEMS.has(seg)) {
    // акт: bare, or акті- + any ending of a front vowel stem (актіні, актілер).
    out.push({ stem: prefix + word, suffixes: null });
    out.push({ stem: prefix + word + 'і', suffixes: suffixSet('front', 'V', 'all', 'plain') });
    return;
  }

  const last = word[word.length - 1]!;
  if (word.length >= 3 && word[word.length - 2] === last && !isVowel(last)) {
    // Loans in a double consonant (процесс) drop one before a suffix
    // (процеске, процесі); older texts keep both (процесске).
    out.push({ stem: prefix + word, suffixes: suffixSet(h, c, 'all', 'plain') });
    out.push({ stem: prefix + word.slice(0, -1), suffixes: suffixSet(h, c, 'all', 'plain') });
    return;
  }

  const dropped = droppedStem(word);
  if (dropped) {
    out.push({ stem: prefix + word, suffixes: suffixSet(h, c, 'cons', 'plain') });
    out.push({ stem: prefix + dropped.stem, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    if (dropped.both && !voices(word)) {
      out.push({ stem: prefix + word, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    }
    return;
  }

  if (voices(word)) {
    const alt = word.slice(0, -1) + VOICING[last]!;
    out.push({ stem: prefix + word, suffixes: suffixSet(h, c, 'cons', 'plain') });
    out.push({ stem: prefix + alt, suffixes: suffixSet(h, c, 'vowel', 'plain') });
    return;
  }

  out.push({ stem: prefix + word, suffixes: suffixSet(h, c, 'all', 'plain') });
}

/**
 * The bases a word with a 3rd-person possessive may come from. -сы/-сі after a
 * vowel is ambiguous (Республика+сы, but Мәжіліс+і), so both readings are
 * returned: a base that does not exist only yields forms no text contains.
 */
function izafetBases(word: string): string[] {
  const bases: string[] = [];
  const n = word.length;
  if (n >= 4 && word[n - 2] === 'с' && isVowel(word[n - 3])) bases.push(word.slice(0, -2));
  if (n >= 3 && !isVowel(word[n - 2])) {
    let base = word.slice(0, -1);
    const last = base[base.length - 1]!;
    const undropped = UNDROPPED.get(lastSegment(base));
    if (undropped) base = base.slice(0, base.length - lastSegment(base).length) + undropped;
    else if (last in DEVOICING && isVowel(base[base.length - 2])) {
      base = base.slice(0, -1) + DEVOICING[last]!; // төреліг → төрелік
    }
    bases.push(base);
  }
  return bases;
}

// ---------------------------------------------------------------------------
// Public API

/**
 * An abbreviation: a last word with no vowel (ҚР), or a short one written all
 * in capitals (ЖОО). `term` is the term as written, `word` its folded last word.
 */
function isAbbreviation(term: string, word: string): boolean {
  let vowel = false;
  for (let i = 0; i < word.length && !vowel; i++) vowel = isVowel(word[i]) || word[i] === 'у';
  if (!vowel) return true;
  if (word.length > MAX_ABBREVIATION_LENGTH) return false;
  const trimmed = term.trimEnd();
  let start = trimmed.length;
  while (start > 0 && !/\s/.test(trimmed[start - 1]!)) start--;
  const raw = trimmed.slice(start);
  return word.length >= 2 && raw.toUpperCase() === raw && raw.toLowerCase() !== raw;
}

/** The surface patterns of a Kazakh term: see the module comment and GUIDE §3. */
export function kazakhPatterns(term: string): SurfacePattern[] {
  const folded = foldTerm(term);
  if (!folded) return [];
  const space = folded.lastIndexOf(' ');
  const prefix = folded.slice(0, space + 1);
  const word = folded.slice(space + 1);

  if (isAbbreviation(term, word)) {
    return [{ stem: folded, suffixes: abbreviationSet() }];
  }

  const out: SurfacePattern[] = [];
  pushPlain(out, prefix, word);
  pushVariantSpellings(out, prefix, word, word);

  // A word with a frozen possessive (отбасы) also takes the after-possessive cases.
  if (FROZEN_POSSESSIVE_STEMS.has(lastSegment(word))) {
    out.push({ stem: folded, suffixes: suffixSet(harmonyOf(word), 'V', 'all', 'p3') });
    return out;
  }

  // Izafet: the last word of a multi-word term already has the 3rd-person
  // possessive (сот төрелігі, Қазақстан Республикасы). It takes the
  // after-possessive cases, and its base the plural + possessive chain.
  const last = word[word.length - 1];
  if (space >= 0 && (last === 'ы' || last === 'і') && word.length >= 3) {
    const h = harmonyOf(word);
    out.push({ stem: folded, suffixes: suffixSet(h, 'V', 'all', 'p3') });
    for (const base of izafetBases(word)) {
      const c = finalClassOf(base);
      if (c)
        out.push({ stem: prefix + base, suffixes: suffixSet(harmonyOf(base), c, 'cons', 'pl3') });
      pushVariantSpellings(out, prefix, base, word);
    }
  }
  return out;
}

/**
 * The variant spellings of `stem` (VARIANT_SPELLINGS), when `stem` is the last
 * word, its izafet base or the plural of its izafet base (құқық, құқығы,
 * құқықтары). One pattern: the forms' common beginning, which every form
 * extends, so that the matcher checks each against AMBIGUOUS_FORMS.
 */
function pushVariantSpellings(out: SurfacePattern[], prefix: string, stem: string, word: string) {
  let key = stem;
  let forms = VARIANT_SPELLINGS[key];
  if (!forms && key !== word) {
    // A plural izafet base (құқықтар): its singular.
    for (const k of Object.keys(VARIANT_SPELLINGS)) {
      const c = finalClassOf(k);
      if (c && key === k + realise(PLURAL[c][0]!, harmonyOf(k))) {
        key = k;
        forms = VARIANT_SPELLINGS[k];
      }
    }
  }
  if (!forms || forms.length === 0) return;
  let common = forms[0]!;
  for (const f of forms) while (!f.startsWith(common)) common = common.slice(0, -1);
  if (forms.includes(common)) common = common.slice(0, -1);
  out.push({
    stem: prefix + common,
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
