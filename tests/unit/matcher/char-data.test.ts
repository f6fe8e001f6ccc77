/**
 * The character tables the matcher decodes (glossary/matcher/char-data.ts)
 * are exactly what the Unicode data gives (char-unicode.ts), and the product's
 * own rules on top of them hold: a table of (character, class, fold, key).
 */
import { describe, expect, test } from 'vitest';
import {
  CHAR,
  CHAR_CLASS_SHIFT,
  CLASS,
  CharClass,
  DEGRADE,
  FL,
  FOLD,
  IS_CYRILLIC,
  KEY,
  LOOKALIKE,
  VIA_LOOKALIKE,
} from '../../../glossary/matcher/char-tables';
import { KAZAKH_SUBSTITUTES, unicodeTables } from '../../../glossary/matcher/chars';
import { UNICODE_VERSION } from '../../../glossary/matcher/char-data';
import { charTablesFromUnicode } from '../../../glossary/matcher/char-unicode';

/** Basic Latin to Cyrillic Supplement, and General Punctuation: what legal text is written in. */
const LEGAL_BLOCKS: [number, number][] = [
  [0x0000, 0x052f],
  [0x2000, 0x206f],
];

const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

describe('char-data.ts against the Unicode data', () => {
  const decoded = unicodeTables();
  const source = charTablesFromUnicode();
  // Under another Unicode version (a newer Node) only the blocks legal text is written in are
  // compared; the whole range again after npm run make:char-data.
  const sameVersion = process.versions.unicode === UNICODE_VERSION;
  const ranges = (sameVersion ? [[0, 0xffff] as [number, number]] : LEGAL_BLOCKS).map(
    ([from, to]) => [hex(from), hex(to), from, to] as const,
  );

  test.each(ranges)(
    'classes and folds from U+%s to U+%s are the ones Unicode gives',
    (_f, _t, from, to) => {
      const differ: string[] = [];
      for (let c = from; c <= to; c++) {
        if (decoded.cls[c] !== source.cls[c] || decoded.fold[c] !== source.fold[c])
          differ.push(c.toString(16));
      }
      expect(differ).toEqual([]);
    },
  );
});

const { Word, Space, Ignorable, Hyphen, Other } = CharClass;
/** (character, class, fold, key): the rules chars.ts adds to the Unicode data, with negative cases. */
const RULES: [string, number, string, string][] = [
  ['Ё', Word, 'е', 'е'],
  ['ё', Word, 'е', 'е'],
  ['Қ', Word, 'қ', 'к'],
  ['ә', Word, 'ә', 'а'],
  ['І', Word, 'і', 'и'],
  ['Ж', Word, 'ж', 'ж'],
  ['Z', Word, 'z', 'z'],
  ['c', Word, 'c', 'с'],
  ['7', Word, '7', '7'],
  ['\u0301', Ignorable, '\0', '\0'],
  ['\u00ad', Ignorable, '\0', '\0'],
  ['\u00a0', Space, ' ', ' '],
  ['\u2011', Hyphen, '-', '-'],
  ['—', Other, '—', '—'],
  ['«', Other, '«', '«'],
];

test.each(RULES)('%j is class %i, folds to %j, keys to %j', (ch, cls, fold, key) => {
  const c = ch.charCodeAt(0);
  expect(CLASS[c]).toBe(cls);
  expect(String.fromCharCode(FOLD[c]!)).toBe(fold);
  expect(String.fromCharCode(KEY[c]!)).toBe(key);
});

test('every derived table holds, code unit by code unit, what its definition says', () => {
  const differ: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const substitute = KAZAKH_SUBSTITUTES[String.fromCharCode(c)];
    if (DEGRADE[c] !== (substitute ? substitute.charCodeAt(0) : c)) differ.push(c.toString(16));
    const fl = LOOKALIKE[FOLD[c]!]! || FOLD[c]!;
    const key = DEGRADE[fl]!;
    const via = !IS_CYRILLIC[c] && LOOKALIKE[FOLD[c]!] ? 1 : 0;
    if (FL[c] !== fl || KEY[c] !== key || VIA_LOOKALIKE[c] !== via) differ.push(c.toString(16));
    if (CHAR[c] !== (key | (CLASS[c]! << CHAR_CLASS_SHIFT))) differ.push(c.toString(16));
  }
  expect(differ).toEqual([]);
});
