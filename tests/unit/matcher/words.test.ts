/**
 * The word-reading rule (glossary/matcher/words.ts), which normalisation, the
 * scan, verification and the word memo all read words through.
 */
import { describe, expect, test } from 'vitest';
import { normalize } from '../../../glossary/normalize';
import {
  foldWord,
  lineEndHyphenEnd,
  wordEnd,
  wordGoesOn,
  wordStart,
} from '../../../glossary/matcher/words';

// [what, text (the word starts at 0), where it ends, the word folded]
const WORDS: [string, string, number, string][] = [
  ['a plain word', 'сот төрелігі', 3, 'сот'],
  ['a capital and ё', 'Ёлка.', 4, 'елка'],
  ['a hyphen followed by a letter', 'ҚР-ның, ', 6, 'қр-ның'],
  ['a hyphen at the end of a word', 'сот- и', 3, 'сот'],
  ['a soft hyphen inside', 'со\u00adт ', 4, 'сот'],
  ['a zero-width space inside', 'со\u200bт ', 4, 'сот'],
  ['a stress mark inside', 'су\u0301да ', 5, 'суда'],
  [
    'a stress mark after the last letter (the word ends at its last letter)',
    'суда\u0301 ',
    4,
    'суда',
  ],
  ['a split word at a line end', 'правосу-\nдие.', 12, 'правосудие'],
  ['a split word at a CRLF line end', 'правосу-\r\nдие', 13, 'правосудие'],
  ['a hyphen at a line end before a capital', 'Алаш-\nОрда', 4, 'алаш'],
  ['a hyphen before a space, no line break', 'правосу- дие', 7, 'правосу'],
  ['Latin look-alikes', 'cот', 3, 'сот'],
];

describe('a word', () => {
  test.each(WORDS)('%s', (_, text, end, folded) => {
    expect(wordEnd(text, 0)).toBe(end);
    expect(foldWord(text, 0, end)).toBe(folded);
  });
});

// [what, text (the word ends at its end), where it starts]: read backwards, as the context step reads the word before a match.
const WORDS_BACK: [string, string, number][] = [
  ['a plain word', 'сот төрелігі', 4],
  ['a hyphen between letters', 'сот ҚР-ның', 4],
  ['a dash before it is not part of it', 'суд -это', 5],
  ['a soft hyphen inside', ', со\u00adт', 2],
  ['an invisible character before it is not part of it', ' \u200bсот', 2],
  ['digits', 'ст. 148', 4],
  ['nothing: punctuation', 'сот,', 4],
];

describe('a word read backwards', () => {
  test.each(WORDS_BACK)('%s', (_, text, start) => {
    expect(wordStart(text, text.length)).toBe(start);
  });
});

describe('where a word goes on', () => {
  test.each([
    ['a letter', 'аб', 1, 1],
    ['a hyphen a letter follows', 'а-б', 1, 1],
    ['an invisible character', 'а\u00adб', 1, 2],
    ['a split word’s line-end hyphen', 'а-\n  б', 1, 5],
    ['a space', 'а б', 1, -1],
    ['punctuation', 'а,б', 1, -1],
    ['a hyphen at a line end before a capital', 'а-\nБ', 1, -1],
    ['the end of the text', 'а', 1, -1],
  ])('%s', (_, text, at, expected) => {
    expect(wordGoesOn(text, at)).toBe(expected);
  });

  test("a hyphen at a line end before any letter may be a term's own", () => {
    expect(lineEndHyphenEnd('Алаш-\nОрда', 4)).toBe(6);
    expect(lineEndHyphenEnd('іс-\nқимыл', 2)).toBe(4);
    expect(lineEndHyphenEnd('іс-қимыл', 2)).toBe(-1);
    expect(lineEndHyphenEnd('іс.\nқимыл', 2)).toBe(-1);
  });
});

test('normalisation reads words by the same rule', () => {
  expect(normalize('Правосу-\nдие').text).toBe('правосудие');
  expect(normalize('со\u00adт').text).toBe('сот');
  expect(normalize('Алаш-\nОрда').text).toBe('алаш- орда');
  expect(normalize('ҚР-ның').text).toBe('қр-ның');
});
