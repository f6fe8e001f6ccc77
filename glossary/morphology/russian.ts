/**
 * Russian declension of glossary terms (phrases): every folded surface form of
 * a term in the six cases and both numbers, adjectives agreeing with their noun.
 *
 * A term is read as: leading adjectives (with coordinated adjectives:
 * "административное и уголовное"), the head noun (or, when no noun follows,
 * the last adjective as a substantivized head: "Уполномоченный по правам
 * человека"), optionally a coordinated noun group right after the head
 * ("права и свободы"), and then words that stay as written (genitive
 * dependents, prepositional phrases, acronyms).
 *
 * The endings, word lists and exceptions are data in `russian-rules.ts`; this
 * file only combines them. A form is built per (number, case) slot, so the
 * words of one form always agree: a wrong-agreement phrase such as
 * "Конституционного Суд" is never produced.
 */

import { foldTerm } from '../normalize';
import {
  ADJECTIVE_ENDINGS,
  ADVERBS,
  ADJECTIVE_PARADIGMS,
  type AdjectiveParadigmId,
  type CaseEndings,
  CONJUNCTIONS,
  COORDINATORS,
  FUNCTION_WORDS,
  GEN_PL_INSERTION,
  type Gender,
  INDECLINABLE,
  KAZAKH_LETTERS,
  MASCULINE_FLEETING_ENDINGS,
  MASCULINE_PLURAL_A,
  NO_FLEETING,
  NOUN_ADJECTIVE_HOMONYMS,
  NOUN_ENDINGS_LIKE_ADJECTIVES,
  NOUN_LEXICON,
  NOUN_PARADIGMS,
  type NounException,
  type NounParadigm,
  type NounParadigmId,
  NOUNS_IN_OI,
  NOUNS_LIKE_ADJECTIVES,
  POSSESSIVE_ADJECTIVES,
  PREPOSITIONS,
  REFLEXIVE_PARTICIPLE_STEM_ENDS,
  REFLEXIVE_POSTFIX,
  RUSSIAN_LETTERS,
  SHORT_ADJECTIVES_IN_OI,
  SIBILANTS,
  SOFT_SIGN_GENDER,
  STRESSED_SIBILANT_ADJECTIVE_STEMS,
  VELARS,
  VOWELS,
} from './russian-rules';

type Form = Gender | 'pl';

/**
 * Seven columns per number: nominative, genitive, dative, accusative
 * inanimate, accusative animate, instrumental, prepositional. Singular slots
 * 0–6, plural 7–13. null: the word has no form in that slot (a plural-only
 * noun has no singular), so the phrase has none either.
 */
const SLOTS = 14;
const NOM = 0;
const GEN = 1;
const ACC_INANIMATE = 3;
const ACC_ANIMATE = 4;
/** Slot column → case index of the ending tables (CaseEndings). */
const CASE_OF_COLUMN = [0, 1, 2, 3, 3, 4, 5] as const;

type Slots = (string[] | null)[];

function emptySlots(): Slots {
  return new Array<string[] | null>(SLOTS).fill(null);
}

function addForm(slots: Slots, slot: number, form: string): void {
  const cell = slots[slot];
  if (cell === undefined) return;
  if (cell === null) slots[slot] = [form];
  else if (!cell.includes(form)) cell.push(form);
}

const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);
const isConsonant = (c: string | undefined): boolean =>
  c !== undefined &&
  RUSSIAN_LETTERS.has(c) &&
  !VOWELS.has(c) &&
  c !== 'ь' &&
  c !== 'ъ' &&
  c !== 'й';

function vowelCount(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (VOWELS.has(w.charAt(i))) n++;
  return n;
}

// The letter sets as patterns: testing a whole word at once spares a
// one-letter string per Cyrillic letter (charAt allocates beyond Latin-1).
const NOT_RUSSIAN_LETTER = new RegExp(`[^${[...RUSSIAN_LETTERS].join('')}]`);
const KAZAKH_LETTER = new RegExp(`[${[...KAZAKH_LETTERS].join('')}]`);

// The word-keyed tables as maps: a look-up by a word made at run time is
// cheaper in a Map than among an object's properties.
const POSSESSIVE = new Map(Object.entries(POSSESSIVE_ADJECTIVES));
const ENDING_FORM = new Map(Object.entries(ADJECTIVE_ENDINGS));
const LEXICON = new Map(Object.entries(NOUN_LEXICON));
const PLURAL_A = new Map(Object.entries(MASCULINE_PLURAL_A));
const INSERTION = new Map(Object.entries(GEN_PL_INSERTION));
const HOMONYMS = new Map(Object.entries(NOUN_ADJECTIVE_HOMONYMS));

// ---------------------------------------------------------------------------
// Word classification

interface WordInfo {
  /** Folded text before the declining part (a hyphenated prefix: "вице-", "административно-"). */
  readonly prefix: string;
  /** Folded declining part. */
  readonly core: string;
  /** Folded whole word. */
  readonly folded: string;
  /** Does not decline: acronym, non-Russian letters, indeclinable loan. */
  readonly invariable: boolean;
  /** Preposition, conjunction, pronoun: ends a declinable group. */
  readonly functional: boolean;
  readonly adjective: AdjectiveInfo | null;
  /** Its declension as an adjective, once asked for. */
  adjectiveDeclension: Declension | undefined;
  /** Its declension as a head noun, by hint (hintIndex), once asked for. */
  nounDeclensions: (Declension | null | undefined)[] | undefined;
}

interface AdjectiveInfo {
  readonly paradigms: readonly AdjectiveParadigmId[];
  readonly stem: string;
  readonly form: Form;
  /** Written after every ending: -ся of a reflexive participle (открывшихся), or ''. */
  readonly postfix: string;
}

/** Capital letters of the Russian and Latin alphabets in s[from, to) (acronyms: РК, ООН, ЦИК, ISO). */
function countUpper(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x410 && c <= 0x42f) || c === 0x401 || (c >= 0x41 && c <= 0x5a)) n++;
  }
  return n;
}

/**
 * A word of a term: `original` as written, `folded` its folded form. Words
 * recur across terms (суд, Республики, административный), so what is known
 * of a folded word is remembered: its classification and, once built, its
 * declensions. An acronym in capitals (РК) and the same letters in lowercase
 * are remembered apart.
 */
function wordInfo(original: string, folded: string): WordInfo {
  // Acronyms (РК, ООН, ЦИК, КазНУ): two or more capitals never inflect.
  return knownWord(
    folded,
    countUpper(original, original.lastIndexOf('-') + 1, original.length) >= 2,
  );
}

/**
 * The words of a plain term (see foldPlain) from the term and its fold, which
 * have the same length and the same spaces and hyphens.
 */
function plainWords(term: string, folded: string): WordInfo[] {
  const words: WordInfo[] = [];
  let start = 0;
  for (;;) {
    const space = folded.indexOf(' ', start);
    const end = space < 0 ? folded.length : space;
    const word = folded.slice(start, end);
    // In lowercase there is no capital to count.
    let acronym = false;
    if (folded !== term) {
      const hyphen = word.lastIndexOf('-');
      acronym = countUpper(term, start + hyphen + 1, end) >= 2;
    }
    words.push(knownWord(word, acronym));
    if (space < 0) return words;
    start = space + 1;
  }
}

function knownWord(folded: string, acronym: boolean): WordInfo {
  let entry = wordMemo.get(folded);
  if (!entry) {
    if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.clear();
    entry = { plain: undefined, acronym: undefined };
    wordMemo.set(folded, entry);
  }
  if (acronym) return (entry.acronym ??= classify(folded, true));
  return (entry.plain ??= classify(folded, false));
}

interface WordEntry {
  plain: WordInfo | undefined;
  acronym: WordInfo | undefined;
}

const wordMemo = new Map<string, WordEntry>();
/** Words remembered at most; the memo starts over when full. */
const WORD_MEMO_LIMIT = 10_000;

/** Forget the remembered words (the benchmark measures cold compilations). */
export function forgetRussianWords(): void {
  wordMemo.clear();
}

function classify(folded: string, acronym: boolean): WordInfo {
  const hyphen = folded.lastIndexOf('-');
  const prefix = hyphen >= 0 ? folded.slice(0, hyphen + 1) : '';
  const core = hyphen >= 0 ? folded.slice(hyphen + 1) : folded;
  const functional =
    hyphen < 0 &&
    (PREPOSITIONS.has(folded) || CONJUNCTIONS.has(folded) || FUNCTION_WORDS.has(folded));
  let invariable = core.length === 0 || INDECLINABLE.has(folded) || INDECLINABLE.has(core);
  if (!invariable && acronym) invariable = true;
  if (!invariable && NOT_RUSSIAN_LETTER.test(core)) invariable = true;
  // A listed adverb is never an adjective (более, ранее look like neuters in -ее).
  const adjective = invariable || functional || ADVERBS.has(folded) ? null : adjectiveInfo(core);
  // Every field set from the start: one object shape for every word.
  return {
    prefix,
    core,
    folded,
    invariable,
    functional,
    adjective,
    adjectiveDeclension: undefined,
    nounDeclensions: undefined,
  };
}

/** Is the word an adjective or participle in the nominative, and which table does it follow? */
function adjectiveInfo(w: string): AdjectiveInfo | null {
  // A reflexive participle: the participle without -ся, and -ся after every ending.
  if (w.endsWith(REFLEXIVE_POSTFIX) && w.length > REFLEXIVE_POSTFIX.length + 4) {
    const base = plainAdjectiveInfo(w.slice(0, -REFLEXIVE_POSTFIX.length));
    const stemEnd = base?.stem.charAt(base.stem.length - 1);
    if (base && stemEnd && REFLEXIVE_PARTICIPLE_STEM_ENDS.has(stemEnd)) {
      return { ...base, postfix: REFLEXIVE_POSTFIX };
    }
    return null;
  }
  return plainAdjectiveInfo(w);
}

function plainAdjectiveInfo(w: string): AdjectiveInfo | null {
  const poss = POSSESSIVE.get(w);
  if (poss) return { paradigms: ['possessive'], stem: poss.stem, form: poss.form, postfix: '' };
  if (w.length < 4 || NOUNS_LIKE_ADJECTIVES.has(w)) return null;
  for (const e of NOUN_ENDINGS_LIKE_ADJECTIVES) if (w.endsWith(e)) return null;
  const ending = w.slice(-2);
  const form = ENDING_FORM.get(ending);
  if (form === undefined) return null;
  const stem = w.slice(0, -2);
  const c = stem.charAt(stem.length - 1);
  if (!isConsonant(c)) return null;
  const velar = VELARS.has(c);
  const sibilant = SIBILANTS.has(c);
  // -ий/-ие after a soft н preceded by a consonant (внутренний, последние);
  // after a vowel it is a noun (гений, решение, правосудие).
  const softN = c === 'н' && isConsonant(stem.charAt(stem.length - 2));
  let paradigms: readonly AdjectiveParadigmId[];
  switch (ending) {
    case 'ий':
    case 'ие':
      if (velar) paradigms = ['velar'];
      else if (sibilant) paradigms = ['sibilant'];
      else if (softN) paradigms = ['soft'];
      else return null;
      break;
    case 'ой':
      if (NOUNS_IN_OI.has(w)) return null;
      if (vowelCount(w) === 1 && !SHORT_ADJECTIVES_IN_OI.has(w)) return null;
      paradigms = velar ? ['velar'] : sibilant ? ['sibilantStressed'] : ['hard'];
      break;
    case 'ая':
      paradigms = velar
        ? ['velar']
        : sibilant
          ? STRESSED_SIBILANT_ADJECTIVE_STEMS.has(stem)
            ? ['sibilantStressed']
            : ['sibilant']
          : ['hard'];
      break;
    case 'ое':
      paradigms = velar ? ['velar'] : sibilant ? ['sibilantStressed'] : ['hard'];
      break;
    case 'ее':
      paradigms = sibilant ? ['sibilant'] : ['soft'];
      break;
    case 'яя':
      paradigms = ['soft'];
      break;
    default:
      // ый, ые
      paradigms = ['hard'];
  }
  return { paradigms, stem, form, postfix: '' };
}

// ---------------------------------------------------------------------------
// Adjectives

function adjectiveSlots(info: AdjectiveInfo, word: string): Slots {
  const slots = emptySlots();
  for (const id of info.paradigms) {
    const p = ADJECTIVE_PARADIGMS[id];
    if (info.form !== 'pl') fillAdjective(slots, 0, p[info.form], info, info.form === 'm');
    fillAdjective(slots, 7, p.pl, info, true);
  }
  // The dictionary form is its own nominative (the table also lists -ой for -ый).
  const base = info.form === 'pl' ? 7 : 0;
  slots[base + NOM] = [word];
  if (info.form !== 'f') slots[base + ACC_INANIMATE] = [word];
  return slots;
}

function fillAdjective(
  slots: Slots,
  base: number,
  table: CaseEndings,
  info: AdjectiveInfo,
  animateIsGenitive: boolean,
): void {
  for (let col = 0; col < 7; col++) {
    const cas = col === ACC_ANIMATE && animateIsGenitive ? GEN : CASE_OF_COLUMN[col]!;
    for (const e of table[cas]) addForm(slots, base + col, info.stem + e + info.postfix);
  }
}

// ---------------------------------------------------------------------------
// Nouns

interface Reading {
  readonly p: NounParadigm;
  /** Stem of the nominative singular (and the inanimate accusative when it equals it). */
  readonly nomStem: string;
  /** Stems of every other form: the regular one and, for fleeting vowels, the shortened one. */
  readonly stems: readonly string[];
  readonly sg: boolean;
  readonly pl: boolean;
  readonly lex?: NounException;
}

function singular(id: NounParadigmId, w: string, extraStems: readonly string[] = []): Reading {
  const p = NOUN_PARADIGMS[id];
  const stem = w.slice(0, w.length - p.nomSg.length);
  return { p, nomStem: stem, stems: [stem, ...extraStems], sg: true, pl: true };
}

function pluralOnly(id: NounParadigmId, w: string): Reading {
  const p = NOUN_PARADIGMS[id];
  const stem = w.slice(0, w.length - p.nomPl.length);
  return { p, nomStem: stem, stems: [stem], sg: false, pl: true };
}

/** The stem with a fleeting vowel dropped (порядок → порядк, отец → отц, боец → бойц, палец → пальц), or null. */
function fleetingStem(w: string): { stem: string; sure: boolean } | null {
  if (NO_FLEETING.has(w) || vowelCount(w) < 2) return null;
  for (const { ending, sure } of MASCULINE_FLEETING_ENDINGS) {
    if (!w.endsWith(ending)) continue;
    const at = w.length - ending.length;
    const before = w.charAt(at - 1);
    const rest = ending.slice(1);
    const stem = rest.endsWith('ь') ? rest.slice(0, -1) : rest;
    // A vowel before the dropped one becomes й (боец → бойца); л softens (палец → пальца).
    const glue = isVowel(before) ? 'й' : before === 'л' && ending.charAt(0) === 'е' ? 'ь' : '';
    return { stem: w.slice(0, at) + glue + stem, sure };
  }
  return null;
}

function softSignGender(w: string): Gender | null {
  for (const [ending, g] of SOFT_SIGN_GENDER) if (w.endsWith(ending)) return g;
  return null;
}

interface Hint {
  /** Number shown by the agreeing adjectives. */
  readonly number: 'sg' | 'pl' | null;
  /** Gender shown by a singular agreeing adjective. */
  readonly gender: Gender | null;
}

function nounReadings(w: string, hint: Hint): Reading[] {
  const lex = LEXICON.get(w);
  if (lex) {
    return lex.paradigms.map((id) => {
      const r = lex.plural ? pluralOnly(id, w) : singular(id, w);
      return { ...r, stems: lex.stem ? [lex.stem] : r.stems, lex };
    });
  }
  const n = w.length;
  const last = w.charAt(n - 1);
  const prev = w.charAt(n - 2);
  const readings: Reading[] = [];
  if (isConsonant(last)) {
    if (w.endsWith('анин') || w.endsWith('янин')) return [singular('mAnin', w)];
    const id: NounParadigmId = VELARS.has(last)
      ? 'mVelar'
      : SIBILANTS.has(last)
        ? 'mSibilant'
        : last === 'ц'
          ? 'mTs'
          : 'mHard';
    const fleeting = fleetingStem(w);
    const plA = PLURAL_A.get(w);
    for (const pid of plA === 'only' ? ['mPlA' as const] : plA ? [id, 'mPlA' as const] : [id]) {
      const r = singular(pid, w, fleeting ? [fleeting.stem] : []);
      // A sure fleeting vowel replaces the full stem outside the nominative.
      readings.push(fleeting?.sure ? { ...r, stems: [fleeting.stem] } : r);
    }
    return readings;
  }
  switch (last) {
    case 'й':
      if (prev === 'и') return [singular('mIj', w)];
      return isVowel(prev) ? [singular('mJ', w)] : [];
    case 'ь': {
      if (SIBILANTS.has(prev)) return [singular('fSoftSibilant', w)];
      const g = softSignGender(w);
      const fleeting = w.endsWith('ень') ? fleetingStem(w) : null;
      const m = singular('mSoft', w, fleeting ? [fleeting.stem] : []);
      const f = singular('fSoft', w);
      if (g === 'm') return [m];
      if (g === 'f') return [f];
      // Gender unknown: an agreeing adjective decides; otherwise both paradigms
      // (the wrong one yields non-words such as *властя, *властем, never another word).
      if (hint.gender === 'm') return [m];
      if (hint.gender === 'f') return [f];
      return [m, f];
    }
    case 'а': {
      const id: NounParadigmId = VELARS.has(prev)
        ? 'fAVelar'
        : SIBILANTS.has(prev)
          ? 'fASibilant'
          : prev === 'ц'
            ? 'fATs'
            : 'fA';
      // Neuter plurals (средства, обстоятельства: never masculine).
      if (w.endsWith('ства')) return [pluralOnly('nO', w)];
      // A plural shown by the adjective (должностные лица).
      if (hint.number === 'pl') {
        return [pluralOnly('nO', w), pluralOnly('mPlA', w)];
      }
      return [singular(id, w)];
    }
    case 'я':
      if (prev === 'м') return [singular('nMja', w)];
      // -ия is a feminine singular (Конституция) or a neuter plural (полномочия):
      // both; their plurals coincide.
      if (prev === 'и') return [singular('fIja', w), pluralOnly('nIe', w)];
      if (prev === 'ь') return [singular('fJJa', w)];
      return [singular(isVowel(prev) ? 'fVJa' : 'fJa', w)];
    case 'о':
      return [singular('nO', w)];
    case 'е':
      if (prev === 'и') return [singular('nIe', w)];
      if (prev === 'ь') return [singular('nJe', w)];
      if (SIBILANTS.has(prev) || prev === 'ц') return [singular('nEHard', w)];
      if (isConsonant(prev)) return [singular('nESoft', w)];
      return [];
    case 'ы':
      // Given in the plural, gender unknown: masculine (-ов) and feminine (zero genitive).
      return [pluralOnly('mHard', w), pluralOnly('fA', w)];
    case 'и':
      if (prev === 'и') return [pluralOnly('fIja', w), pluralOnly('mIj', w)];
      if (prev === 'ь') return [pluralOnly('fJJa', w)];
      if (isVowel(prev)) return [pluralOnly('mJ', w), pluralOnly('fVJa', w)];
      if (VELARS.has(prev)) return [pluralOnly('mVelar', w), pluralOnly('fAVelar', w)];
      if (SIBILANTS.has(prev)) {
        return [
          pluralOnly('mSibilant', w),
          pluralOnly('fASibilant', w),
          pluralOnly('fSoftSibilant', w),
        ];
      }
      if (w.endsWith('сти')) return [pluralOnly('fSoft', w)];
      return [pluralOnly('fSoft', w), pluralOnly('fJa', w)];
    default:
      // -у -ю -э and anything else: indeclinable by shape.
      return [];
  }
}

/**
 * The zero-ending genitive plural with a fleeting vowel inserted into the
 * final cluster (ссылк → ссылок, копейк → копеек, числ → чисел), or null.
 */
function insertFleetingVowel(stem: string, feminine: boolean): string | null {
  const last = stem.charAt(stem.length - 1);
  const rule = INSERTION.get(last);
  if (!rule || (feminine && !rule.feminine)) return null;
  const before = stem.charAt(stem.length - 2);
  const head = stem.slice(0, -1);
  if (before === 'й' || before === 'ь') return stem.slice(0, -2) + 'е' + last;
  if (!isConsonant(before)) return null;
  const vowel = SIBILANTS.has(before) || before === 'ц' ? 'е' : rule.vowel;
  return head + vowel + last;
}

function fillNoun(slots: Slots, r: Reading, hint: Hint): void {
  const p = r.p;
  const numbers: (readonly [base: number, table: CaseEndings])[] = [];
  if (r.sg && hint.number !== 'pl') numbers.push([0, p.sg]);
  if (r.pl && !(r.lex?.replacePl ?? false)) numbers.push([7, p.pl]);
  for (const [base, table] of numbers) {
    for (let col = 0; col < 7; col++) {
      // A feminine-type noun with a masculine adjective names a person
      // (федеральный судья): its accusative is animate only (федерального судью).
      if (base === 0 && col === ACC_INANIMATE && p.gender === 'f' && hint.gender === 'm') continue;
      const animateGen = col === ACC_ANIMATE && (base === 7 || p.gender === 'm');
      const cas = animateGen ? GEN : CASE_OF_COLUMN[col]!;
      // The nominative singular keeps the dictionary stem (порядок, not *порядк);
      // so does the accusative where it equals the nominative (masculine, neuter).
      const nominativeLike =
        base === 0 && (cas === 0 || (cas === 3 && table[3][0] === table[0][0]));
      const stems = nominativeLike || !r.sg ? [r.nomStem] : r.stems;
      for (const stem of stems) {
        for (const e of table[cas]) {
          if (e === '' && base === 7 && cas === GEN && p.zeroGenPl) {
            const inserted = insertFleetingVowel(stem, p.gender === 'f');
            if (inserted !== null) {
              addForm(slots, base + col, inserted);
              if (p.gender === 'f') continue;
            }
          }
          addForm(slots, base + col, stem + e);
        }
      }
    }
  }
  const lex = r.lex;
  if (lex) {
    const extras: (readonly [base: number, forms: CaseEndings | undefined])[] = [
      [0, hint.number === 'pl' ? undefined : lex.extraSg],
      [7, lex.extraPl],
    ];
    for (const [base, forms] of extras) {
      if (!forms) continue;
      for (let col = 0; col < 7; col++) {
        const animateGen = col === ACC_ANIMATE && (base === 7 || p.gender === 'm');
        for (const f of forms[animateGen ? GEN : CASE_OF_COLUMN[col]!])
          addForm(slots, base + col, f);
      }
    }
  }
}

function nounSlots(w: string, hint: Hint): Slots | null {
  let readings = nounReadings(w, hint);
  if (readings.length === 0) return null;
  // A singular adjective rules out readings of the word as a plural, when a singular one exists.
  if (hint.number === 'sg' && readings.some((r) => r.sg)) readings = readings.filter((r) => r.sg);
  const slots = emptySlots();
  for (const r of readings) fillNoun(slots, r, hint);
  return slots;
}

// ---------------------------------------------------------------------------
// Phrases

/** Can an adjective in this form agree with a noun of this nominative shape? */
function agrees(form: Form, noun: WordInfo): boolean {
  if (noun.invariable) return true;
  const w = noun.core;
  const last = w.charAt(w.length - 1);
  switch (form) {
    case 'pl':
      return last === 'ы' || last === 'и' || last === 'а' || last === 'я' || last === 'е';
    case 'm':
      return isConsonant(last) || last === 'й' || last === 'ь' || last === 'а' || last === 'я';
    case 'f':
      return last === 'а' || last === 'я' || last === 'ь';
    case 'n':
      return last === 'о' || last === 'е' || w.endsWith('мя');
  }
}

interface Group {
  /** Word indexes of the agreeing adjectives. */
  readonly adjectives: number[];
  /** Index of the head noun, or -1 when the last adjective is the head. */
  readonly noun: number;
  /** Index after the group. */
  readonly end: number;
}

/** Adjectives (possibly coordinated: "административное и уголовное") and the noun they agree with, from `start`. */
function readGroup(words: readonly WordInfo[], start: number): Group | null {
  const adjectives: number[] = [];
  let i = start;
  while (i < words.length) {
    const w = words[i]!;
    if (w.adjective) {
      adjectives.push(i++);
      continue;
    }
    const next = words[i + 1];
    if (adjectives.length > 0 && COORDINATORS.has(w.folded) && next?.adjective) {
      i++;
      continue;
    }
    // An adverb stays as it is (особо тяжкое, вновь открывшиеся); a word in -но
    // is read as one before an adjective (безвестно отсутствующий).
    if (
      (ADVERBS.has(w.folded) && next !== undefined) ||
      (next?.adjective && w.folded.endsWith('но') && w.folded.length > 4)
    ) {
      i++;
      continue;
    }
    break;
  }
  const candidate = words[i];
  const firstAdj = adjectives.length > 0 ? words[adjectives[0]!]!.adjective : null;
  if (candidate && !candidate.functional && (!firstAdj || agrees(firstAdj.form, candidate))) {
    return { adjectives, noun: i, end: i + 1 };
  }
  if (adjectives.length === 0) return null;
  // No noun, and the last adjective is also a noun (простой "downtime"): it is the head.
  const last = adjectives[adjectives.length - 1]!;
  if (HOMONYMS.has(words[last]!.folded)) {
    return { adjectives: adjectives.slice(0, -1), noun: last, end: last + 1 };
  }
  // No noun: the adjectives are substantivized (Уполномоченный, обвиняемый).
  return { adjectives, noun: -1, end: adjectives[adjectives.length - 1]! + 1 };
}

/**
 * A word's declension: its distinct forms, in the order the slots first give
 * them, and per slot the forms it takes there: ids[starts[slot]] up to
 * ids[starts[slot + 1]], indexes into `forms` (none where the word has no
 * form, so the phrase has none either).
 */
interface Declension {
  readonly forms: readonly string[];
  readonly starts: readonly number[];
  readonly ids: readonly number[];
  /** Index of the word's dictionary form (its core) in `forms`, or -1. */
  readonly own: number;
  /** Each form followed by a space (the usual text before the next declined word), once asked for. */
  spaced: readonly string[] | undefined;
}

function declension(slots: Slots, core: string): Declension {
  const forms: string[] = [];
  const starts: number[] = [];
  const ids: number[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    starts.push(ids.length);
    for (const f of slots[slot] ?? []) {
      let id = forms.indexOf(f);
      if (id < 0) id = forms.push(f) - 1;
      ids.push(id);
    }
  }
  starts.push(ids.length);
  return { forms, starts, ids, own: forms.indexOf(core), spaced: undefined };
}

function sameDeclension(a: Declension, b: Declension): boolean {
  const same = (x: readonly (string | number)[], y: readonly (string | number)[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.forms, b.forms) && same(a.starts, b.starts) && same(a.ids, b.ids);
}

/** Index of a hint among the twelve (number × gender), for the per-word remembered declensions. */
function hintIndex(number: 'sg' | 'pl' | null, gender: Gender | null): number {
  const n = number === null ? 0 : number === 'sg' ? 1 : 2;
  const g = gender === null ? 0 : gender === 'm' ? 1 : gender === 'f' ? 2 : 3;
  return n * 4 + g;
}

function groupDeclensions(words: readonly WordInfo[], g: Group, out: (Declension | null)[]): void {
  let number: 'sg' | 'pl' | null = null;
  let gender: Gender | null = null;
  for (const a of g.adjectives) {
    const w = words[a]!;
    const info = w.adjective!;
    out[a] = w.adjectiveDeclension ??= declension(adjectiveSlots(info, w.core), w.core);
    if (info.form === 'pl') number = 'pl';
    else {
      number ??= 'sg';
      gender ??= info.form;
    }
  }
  if (g.noun >= 0) {
    const noun = words[g.noun]!;
    if (noun.invariable) out[g.noun] = null;
    else {
      const known = (noun.nounDeclensions ??= []);
      const h = hintIndex(number, gender);
      let d = known[h];
      if (d === undefined) {
        const slots = nounSlots(noun.core, { number, gender });
        // A noun that is also an adjective, with no adjective before it: leave
        // out its forms that are nearly always the adjective (NOUN_ADJECTIVE_HOMONYMS).
        const left = g.adjectives.length === 0 ? HOMONYMS.get(noun.folded) : undefined;
        if (slots && left) {
          for (let i = 0; i < SLOTS; i++) {
            const cell = slots[i]?.filter((f) => !left.includes(f));
            slots[i] = cell && cell.length > 0 ? cell : null;
          }
        }
        d = slots ? declension(slots, noun.core) : null;
        // Hints that change nothing for this noun share one declension.
        for (const other of known) if (d && other && sameDeclension(d, other)) d = other;
        known[h] = d;
      }
      out[g.noun] = d;
    }
  }
}

const WHITESPACE = /\s+/;

/**
 * foldTerm for the common case of a plain term, made only of Russian letters,
 * single spaces and hyphens, where folding is just lowercasing and ё → е (none
 * at all for a term in lowercase); null for any other term.
 */
function foldPlain(term: string): string | null {
  const n = term.length;
  if (n === 0) return null;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = term.charCodeAt(i);
    const lower = (c >= 0x430 && c <= 0x44f) || c === 0x451;
    const letter = lower || (c >= 0x410 && c <= 0x42f) || c === 0x401;
    const gap = c === 0x20 && i > 0 && i < n - 1 && term.charCodeAt(i - 1) !== 0x20;
    if (!letter && !gap && !(c === 0x2d && i > 0 && i < n - 1)) return null;
    if (letter && (!lower || c === 0x451)) upper = true;
  }
  return upper ? term.toLowerCase().replaceAll('ё', 'е') : term;
}

/**
 * All folded surface forms of a Russian glossary term (the term itself
 * included), deduplicated: the declinable group in six cases and two numbers,
 * everything else as written.
 */
export function russianForms(term: string): string[] {
  const plain = foldPlain(term);
  const self = plain ?? foldTerm(term);
  let words: WordInfo[];
  let aligned = true;
  if (plain !== null) {
    // No Kazakh letter, and each word sits where it sits in the term.
    words = plainWords(term, plain);
  } else {
    const parts = term.trim().split(WHITESPACE);
    // A term with Kazakh letters (Ата Заң) is Kazakh: it is matched as written.
    // A term with Kazakh words is matched as written (Ата Заң), except a Russian
    // title before a Kazakh name, whose name is an invariable dependent
    // (Председатель Қазақстан Халық Кеңесі → Председателя Қазақстан Халық Кеңесі).
    const kazakhAt = self.search(KAZAKH_LETTER);
    if (kazakhAt >= 0) {
      const firstSpace = self.indexOf(' ');
      const titleEnd = firstSpace < 0 ? self.length : firstSpace;
      const last = self.charAt(titleEnd - 1);
      if (kazakhAt < titleEnd || VOWELS.has(last)) return [self];
    }
    // Fold once: the words of the folded term line up with the whitespace-separated parts.
    const foldedParts = self.split(' ');
    aligned = foldedParts.length === parts.length;
    words = parts.map((p, i) => wordInfo(p, aligned ? foldedParts[i]! : foldTerm(p)));
  }
  const declined: (Declension | null)[] = new Array<Declension | null>(words.length).fill(null);

  const head = readGroup(words, 0);
  if (head) {
    groupDeclensions(words, head, declined);
    // Coordination right after the head: "права и свободы человека".
    const conj = words[head.end];
    if (conj && COORDINATORS.has(conj.folded)) {
      const second = readGroup(words, head.end + 1);
      if (second && second.noun >= 0) groupDeclensions(words, second, declined);
    }
  }

  // The phrase: constant texts (runs of words as written, the space before a
  // declined word and its prefix) around the declined words' forms.
  // texts[k] precedes the k-th declined word; texts[last] follows the last one.
  const texts: string[] = [];
  const decls: Declension[] = [];
  let constant = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const d = declined[i];
    const sep = i === 0 ? '' : ' ';
    if (d) {
      texts.push(constant + sep + w.prefix);
      decls.push(d);
      constant = '';
    } else constant += sep + w.folded;
  }
  texts.push(constant);
  if (decls.length === 0) return [self];
  return phrases(self, aligned, texts, decls);
}

/**
 * Every phrase, slot by slot, each declined word's forms combined in order
 * (the first word's varying slowest), after `self` and without repeats. A
 * phrase is told by which form each declined word takes: the forms hold no
 * space and the texts between them begin with one, so two phrases are equal
 * exactly when their choices are; choices are compared as numbers. When the
 * folded term lines up with its words (`aligned`), `self` is the choice of
 * every word's dictionary form; otherwise phrases are compared with it as text.
 */
function phrases(
  self: string,
  aligned: boolean,
  texts: readonly string[],
  decls: readonly Declension[],
): string[] {
  const result: string[] = [self];
  const k = decls.length;
  // The choice that spells self: each declined word in its dictionary form.
  let selfKey = aligned ? 0 : -1;
  let radix = 1;
  for (const d of decls) {
    radix *= d.forms.length;
    if (selfKey >= 0) selfKey = d.own < 0 ? -1 : selfKey * d.forms.length + d.own;
  }
  if (radix > 2 ** 48) return phrasesAsText(result, texts, decls);

  if (k === 1) {
    // One declined word: its forms in order, each once.
    const forms = decls[0]!.forms;
    const before = texts[0]!;
    const after = texts[1]!;
    for (let id = 0; id < forms.length; id++) {
      if (id === selfKey) continue;
      const ph = before + forms[id]! + after;
      if (aligned || ph !== self) result.push(ph);
    }
    return result;
  }

  const seen: number[] = [];
  // Per declined word, where in its ids the slot's cell is (choice) and ends.
  const choice = new Array<number>(k).fill(0);
  const ends = new Array<number>(k).fill(0);
  slots: for (let slot = 0; slot < SLOTS; slot++) {
    for (let j = 0; j < k; j++) {
      const starts = decls[j]!.starts;
      if (starts[slot] === starts[slot + 1]) continue slots;
      choice[j] = starts[slot]!;
      ends[j] = starts[slot + 1]!;
    }
    // Odometer over the cells, the last word turning fastest.
    for (;;) {
      let key = 0;
      for (let j = 0; j < k; j++) {
        const d = decls[j]!;
        key = key * d.forms.length + d.ids[choice[j]!]!;
      }
      if (key !== selfKey && !seen.includes(key)) {
        seen.push(key);
        let ph = texts[0]!;
        for (let j = 0; j < k; j++) {
          const d = decls[j]!;
          const id = d.ids[choice[j]!]!;
          const text = texts[j + 1]!;
          if (text === ' ') ph += (d.spaced ??= d.forms.map((f) => f + ' '))[id]!;
          else ph += d.forms[id]! + text;
        }
        if (aligned || ph !== self) result.push(ph);
      }
      let j = k - 1;
      while (j >= 0 && ++choice[j]! === ends[j]!) {
        choice[j] = decls[j]!.starts[slot]!;
        j--;
      }
      if (j < 0) break;
    }
  }
  return result;
}

/** The phrases compared as text (more combinations than numbers can tell apart). */
function phrasesAsText(
  result: string[],
  texts: readonly string[],
  decls: readonly Declension[],
): string[] {
  for (let slot = 0; slot < SLOTS; slot++) {
    let list: string[] = [texts[0]!];
    for (let j = 0; j < decls.length; j++) {
      const d = decls[j]!;
      const next: string[] = [];
      for (const ph of list) {
        for (let at = d.starts[slot]!; at < d.starts[slot + 1]!; at++) {
          next.push(ph + d.forms[d.ids[at]!]! + texts[j + 1]!);
        }
      }
      list = next;
    }
    for (const ph of list) if (!result.includes(ph)) result.push(ph);
  }
  return result;
}
