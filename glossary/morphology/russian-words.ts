/**
 * The words of a Russian term, classified: declinable or not, function word,
 * adjective (and which table it follows). What is known of a word is
 * remembered, with its declensions once built: words recur across terms.
 */
import { adjectiveInfo, type AdjectiveInfo } from './russian-adjectives';
import {
  ADVERBS,
  CONJUNCTIONS,
  FUNCTION_WORDS,
  INDECLINABLE,
  PREPOSITIONS,
  RUSSIAN_LETTERS,
} from './russian-rules';
import type { Declension } from './russian-slots';

// The letter set as a pattern: testing a whole word at once spares a
// one-letter string per Cyrillic letter (charAt allocates beyond Latin-1).
const NOT_RUSSIAN_LETTER = new RegExp(`[^${[...RUSSIAN_LETTERS].join('')}]`);

export interface WordInfo {
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
export function wordInfo(original: string, folded: string): WordInfo {
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
export function plainWords(term: string, folded: string): WordInfo[] {
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

/**
 * foldTerm for the common case of a plain term, made only of Russian letters,
 * single spaces and hyphens, where folding is just lowercasing and ё → е (none
 * at all for a term in lowercase); null for any other term.
 */
export function foldPlain(term: string): string | null {
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
