/**
 * The word-reading rule, in one place: which code units make up a word.
 * Normalisation, the matcher's scan and verification, and the word memo all
 * read words through it.
 *
 * - A letter (CharClass.Word) is part of the word.
 * - An invisible character (soft hyphen, zero-width, stress mark) is skipped:
 *   the word goes on after it.
 * - A hyphen followed by a letter is part of the word (ҚР-ның, Алаш-Орда).
 * - A hyphen at a line end followed by a lowercase letter joins a word split
 *   across lines (правосу-\nдие): the word goes on at that letter.
 * - Anything else ends the word: whitespace, punctuation, a hyphen before
 *   anything but a letter, the end of the text.
 *
 * One case depends on the glossary and is the matcher's to decide: a hyphen at
 * a line end followed by any letter may be a term's own hyphen (Алаш-\nОрда,
 * іс-\nқимыл); `lineEndHyphenEnd` says where the word would go on.
 */
import { CharClass, charTables } from './chars';

// Each function reads the tables as it is called (one check once they are
// built): normalisation reads words too, and the content script, which folds
// only when a card shows, should not build them as it loads.

/**
 * Where a hyphen at `i` splits a word across a line ("правосу-\nдие"): the
 * offset of the next word's first letter, or -1 when the hyphen is not
 * followed by a line break and then a lowercase letter (any letter with
 * `anyCase`: where a real hyphen, as in Алаш-\nОрда, may stand at a line end).
 */
export function lineBreakHyphenEnd(text: string, i: number, anyCase = false): number {
  const { cls, fold } = charTables();
  let j = i + 1;
  let sawBreak = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (cls[c] !== CharClass.Space) break;
    if (c === 0x0a || c === 0x0d || c === 0x2028) sawBreak = true;
    j++;
  }
  if (!sawBreak || j >= text.length) return -1;
  const c = text.charCodeAt(j);
  if (cls[c] !== CharClass.Word) return -1;
  // A capital after the break starts a new word (a real hyphenated name such as Алаш-\nОрда keeps its hyphen).
  return anyCase || fold[c] === c || String.fromCharCode(c).toLowerCase() === String.fromCharCode(c)
    ? j
    : -1;
}

/**
 * Where a hyphen at `i` at a line end is followed by a letter of any case (a
 * term's own hyphen may stand there, see the module comment): that letter's
 * offset, else -1.
 */
export function lineEndHyphenEnd(text: string, i: number): number {
  const { cls } = charTables();
  return cls[text.charCodeAt(i)] === CharClass.Hyphen ? lineBreakHyphenEnd(text, i, true) : -1;
}

/**
 * By CharClass: 1 for the classes that always end a word (whitespace,
 * punctuation), so a hot loop can stop there without calling wordGoesOn.
 */
export const ALWAYS_ENDS: Uint8Array = (() => {
  const t = new Uint8Array(8);
  t[CharClass.Space] = 1;
  t[CharClass.Other] = 1;
  return t;
})();

/**
 * Does the word that has read up to `i` go on at `i`? Returns `i` when text[i]
 * belongs to the word (a letter, or a hyphen a letter follows); an offset j > i
 * when text[i, j) is skipped and the word goes on at j (an invisible
 * character, a split word's line-end hyphen); -1 when the word has ended
 * before `i`.
 */
export function wordGoesOn(text: string, i: number): number {
  const { cls } = charTables();
  if (i >= text.length) return -1;
  const k = cls[text.charCodeAt(i)];
  if (k === CharClass.Word) return i;
  if (k === CharClass.Ignorable) return i + 1;
  if (k !== CharClass.Hyphen) return -1;
  if (i + 1 < text.length && cls[text.charCodeAt(i + 1)] === CharClass.Word) return i;
  return lineBreakHyphenEnd(text, i);
}

/**
 * Where the word that ends at `end` starts, read backwards by the same rule:
 * letters, invisible characters, and a hyphen between two letters.
 */
export function wordStart(text: string, end: number): number {
  const { cls } = charTables();
  let i = end;
  while (i > 0) {
    const k = cls[text.charCodeAt(i - 1)];
    if (k === CharClass.Word || k === CharClass.Ignorable) i--;
    else if (
      k === CharClass.Hyphen &&
      i < end &&
      i > 1 &&
      cls[text.charCodeAt(i - 2)] === CharClass.Word
    )
      i--;
    else break;
  }
  // A leading invisible character is not part of the word.
  while (i < end && cls[text.charCodeAt(i)] === CharClass.Ignorable) i++;
  return i;
}

/** Where a word that goes on at `i` ends (after its last letter). */
export function wordEnd(text: string, i: number): number {
  const { cls } = charTables();
  let end = i;
  for (;;) {
    const j = wordGoesOn(text, i);
    if (j < 0) return end;
    if (j === i) {
      if (cls[text.charCodeAt(i)] === CharClass.Word) end = i + 1;
      i++;
    } else i = j;
  }
}

/** The text of a word, text[start, end), folded (FL), its skipped code units left out. */
export function foldWord(text: string, start: number, end: number): string {
  const { cls, fl } = charTables();
  let word = '';
  for (let i = start; i < end;) {
    const j = wordGoesOn(text, i);
    if (j > i) {
      i = j;
      continue;
    }
    const k = cls[text.charCodeAt(i)];
    if (k === CharClass.Word) word += String.fromCharCode(fl[text.charCodeAt(i)]!);
    else if (k === CharClass.Hyphen) word += '-'; // inside the word, or a term's own at a line end
    i++;
  }
  return word;
}
