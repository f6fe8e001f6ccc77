/**
 * Kazakh sounds: letter classes by code unit, vowel harmony, the class of a
 * word's last sound, and the realisation of suffix templates in a harmony —
 * what the suffix chains (kazakh-suffixes.ts) and the stems (kazakh.ts) are
 * decided by.
 */
import {
  ARCHIPHONEMES,
  BACK_VOWELS,
  FINAL_CLASS_OF,
  FRONT_VOWELS,
  HARMONY_EXCEPTIONS,
  VERBAL_NOUN_YU_AFTER,
  VOWELS_BEFORE_LOAN_U,
  VOWELS,
  type FinalClass,
  type Harmony,
} from './kazakh-rules';

/**
 * Letter classes by code unit: the letters of the rules are all below U+0500,
 * and reading a code unit spares the one-letter string that indexing a
 * Cyrillic string allocates.
 */
export const CODE_LIMIT = 0x500;

function codeSet(letters: string): Uint8Array {
  const t = new Uint8Array(CODE_LIMIT);
  for (let i = 0; i < letters.length; i++) t[letters.charCodeAt(i)] = 1;
  return t;
}

const VOWEL_CODES = codeSet(VOWELS);
const BACK_VOWEL_CODES = codeSet(BACK_VOWELS);
const FRONT_VOWEL_CODES = codeSet(FRONT_VOWELS);
const YU_AFTER_CODES = codeSet(VERBAL_NOUN_YU_AFTER);
const LOAN_U_AFTER_CODES = codeSet(VOWELS_BEFORE_LOAN_U);
const FINAL_CLASS_OF_CODE: readonly (FinalClass | undefined)[] = (() => {
  const t = new Array<FinalClass | undefined>(CODE_LIMIT).fill(undefined);
  for (const [ch, c] of Object.entries(FINAL_CLASS_OF)) t[ch.charCodeAt(0)] = c;
  return t;
})();

export function isVowelCode(c: number): boolean {
  return c < CODE_LIMIT && VOWEL_CODES[c] === 1;
}

/** Whether word[i] is a vowel (false past either end). */
export function isVowelAt(word: string, i: number): boolean {
  return isVowelCode(word.charCodeAt(i));
}

export const U = 'у'.charCodeAt(0);
const YU = 'ю'.charCodeAt(0);
const SOFT_SIGN = 'ь'.charCodeAt(0);
const HARD_SIGN = 'ъ'.charCodeAt(0);

/** Realise a template's archiphonemes (A I G Q) in a harmony. */
export function realise(template: string, h: Harmony): string {
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

/** The part after the last hyphen (іс-әрекет → әрекет), for the lexical lists. */
export function lastSegment(word: string): string {
  const i = word.lastIndexOf('-');
  return i < 0 ? word : word.slice(i + 1);
}
