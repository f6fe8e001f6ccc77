/**
 * The matching contract (GUIDE §2): whole words with their suffixes,
 * leftmost-longest, case-insensitive, any whitespace between the words of a
 * term, offsets in the original text, approximate matches flagged.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../glossary/matcher';
import type { MatchableEntry } from '../../../glossary/types';

const GLOSSARY: MatchableEntry[] = [
  { id: 'court', kk: ['сот'], ru: ['суд'] },
  { id: 'judicial-power', kk: ['сот билігі'], ru: ['судебная власть'] },
  { id: 'justice', kk: ['сот төрелігі'], ru: ['правосудие'] },
  { id: 'constitutional-court', kk: ['Конституциялық Сот'], ru: ['Конституционный Суд'] },
  { id: 'constitution', kk: ['Конституция'], ru: ['Конституция'] },
  { id: 'law', kk: ['заң'], ru: ['закон'] },
  { id: 'right', kk: ['құқық'], ru: ['право'] },
  { id: 'civil-procedure', kk: ['азаматтық іс жүргізу'], ru: ['гражданское судопроизводство'] },
  { id: 'republic', kk: ['Қазақстан Республикасы', 'ҚР'], ru: ['Республика Казахстан', 'РК'] },
  { id: 'alash-orda', kk: ['Алаш-Орда'], ru: ['Алаш-Орда'] },
  { id: 'human-rights', kk: ['адам құқықтары'], ru: ['права человека'] },
];
const matcher = compileMatcher(GLOSSARY);

/** [matched text, id, approximate] for each match. */
function found(text: string): [string, string, boolean][] {
  return matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id, m.approximate]);
}

describe('whole words with their suffixes', () => {
  test.each([
    [
      'Сот төрелігін тек сот жүзеге асырады.',
      [
        ['Сот төрелігін', 'justice'],
        ['сот', 'court'],
      ],
    ],
    ['сот төрелігінің', [['сот төрелігінің', 'justice']]],
    [
      'Соттың шешімі, соттарға, сотқа',
      [
        ['Соттың', 'court'],
        ['соттарға', 'court'],
        ['сотқа', 'court'],
      ],
    ],
    [
      'правосудия и правосудием',
      [
        ['правосудия', 'justice'],
        ['правосудием', 'justice'],
      ],
    ],
    ['решение Конституционного Суда', [['Конституционного Суда', 'constitutional-court']]],
    [
      'Конституции Республики Казахстан',
      [
        ['Конституции', 'constitution'],
        ['Республики Казахстан', 'republic'],
      ],
    ],
    ['азаматтық іс жүргізудің', [['азаматтық іс жүргізудің', 'civil-procedure']]],
  ])('%s', (text, expected) => {
    expect(found(text).map(([t, id]) => [t, id])).toEqual(expected);
  });

  test.each([
    'сотталушы',
    'соттылық',
    'сотталған',
    'заңгер',
    'судья',
    'судебный',
    'судьи',
    'конституционный',
    'Правительство',
    'законный',
    'правовой',
    'құқықтық',
  ])('derived word %s is not a match', (word) => {
    expect(found(`Бұл ${word} сөзі.`)).toEqual([]);
  });

  test('a span never starts inside a word', () => {
    expect(found('қысот пресуд')).toEqual([]);
  });
});

describe('leftmost-longest', () => {
  test('the longer term wins over a shorter one inside it', () => {
    expect(found('Конституциялық Соттың қаулысы')).toEqual([
      ['Конституциялық Соттың', 'constitutional-court', false],
    ]);
    expect(found('сот билігінің тәуелсіздігі')).toEqual([
      ['сот билігінің', 'judicial-power', false],
    ]);
  });

  test('matches do not overlap and are in text order', () => {
    const spans = matcher.scan(
      'Сот билігі сот төрелігі арқылы. Суд и правосудие; Конституционный Суд.',
    );
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.map((m) => m.id)).toEqual([
      'judicial-power',
      'justice',
      'court',
      'justice',
      'constitutional-court',
    ]);
  });

  test('the leftmost of two overlapping candidates wins', () => {
    const m = compileMatcher([
      { id: 'ab', kk: [], ru: ['альфа бета'] },
      { id: 'bc', kk: [], ru: ['бета гамма'] },
    ]);
    const text = 'альфа бета гамма';
    expect(m.scan(text).map((x) => text.slice(x.start, x.end))).toEqual(['альфа бета']);
  });
});

describe('whitespace, case and invisible characters', () => {
  test.each([
    ['сот\nбилігі', 'сот\nбилігі'],
    ['сот \r\n\t билігінде', 'сот \r\n\t билігінде'],
    ['сот\u00a0билігі', 'сот\u00a0билігі'],
    ['СОТ БИЛІГІНІҢ', 'СОТ БИЛІГІНІҢ'],
    ['судебной\n  власти', 'судебной\n  власти'],
  ])('%j', (text, span) => {
    expect(found(text)).toEqual([
      [span, text.includes('суд') ? 'judicial-power' : 'judicial-power', false],
    ]);
  });

  test('soft hyphens, zero-width characters and stress marks are ignored, offsets stay in the original text', () => {
    const text = 'x сот бил\u00adігі\u200b y правосу\u0301дия';
    const spans = matcher.scan(text);
    expect(spans.map((m) => [m.start, m.end, m.id])).toEqual([
      [2, text.indexOf('\u200b'), 'judicial-power'],
      [text.indexOf('правосу'), text.length, 'justice'],
    ]);
  });

  test('offsets are UTF-16 code units after characters outside the BMP', () => {
    const text = '😀😀 сот';
    expect(matcher.scan(text)[0]).toMatchObject({ start: 5, end: 8 });
  });

  test('a word broken by a hyphen at a line end still matches', () => {
    expect(found('осуществляет правосу-\nдие только суд')).toEqual([
      ['правосу-\nдие', 'justice', false],
      ['суд', 'court', false],
    ]);
  });

  test('hyphenated terms and suffixes after a hyphen', () => {
    expect(found('Алаш-Орданың үкіметі')).toEqual([['Алаш-Орданың', 'alash-orda', false]]);
    expect(found('ҚР-ның заңдары')).toEqual([
      ['ҚР-ның', 'republic', false],
      ['заңдары', 'law', false],
    ]);
  });
});

describe('look-alike letters and approximate matches', () => {
  test('Latin look-alikes inside Cyrillic words are exact matches', () => {
    expect(found('сот төрелiгi')).toEqual([['сот төрелiгi', 'justice', false]]);
    expect(found('Koнституция')).toEqual([['Koнституция', 'constitution', false]]);
  });

  test('a word all in Latin letters is never matched through look-alikes', () => {
    const m = compileMatcher([{ id: 'x', kk: ['сос'], ru: ['арк'] }]);
    expect(m.scan('coc apk')).toEqual([]);
  });

  test('Russian substitutes for Kazakh letters give approximate matches', () => {
    expect(found('азаматтык іс жүргізу')).toEqual([
      ['азаматтык іс жүргізу', 'civil-procedure', true],
    ]);
    expect(found('кукыктары')).toEqual([['кукыктары', 'right', true]]);
    expect(found('құқықтары')).toEqual([['құқықтары', 'right', false]]);
  });

  test('a Kazakh letter where the term has a plain one is not a match', () => {
    expect(found('сөт сұд')).toEqual([]);
  });

  test('forms that are also common derived words are approximate (заңды мүдделер)', () => {
    expect(found('заңды мүдделер')).toEqual([['заңды', 'law', true]]);
    expect(found('заңның')).toEqual([['заңның', 'law', false]]);
  });
});

describe('both languages at once', () => {
  test('a mixed Kazakh–Russian text', () => {
    expect(
      found('Сот билігі — судебная власть; адам құқықтарын — права человека.').map(([, id]) => id),
    ).toEqual(['judicial-power', 'judicial-power', 'human-rights', 'human-rights']);
  });

  test('edge cases: empty text, punctuation only, a term at the very end', () => {
    expect(found('')).toEqual([]);
    expect(found('... —— !!!')).toEqual([]);
    expect(found('сот')).toEqual([['сот', 'court', false]]);
  });
});

describe('compiling', () => {
  test('an entry of a later position loses ties; each entry keeps its id', () => {
    const m = compileMatcher([
      { id: 'first', kk: ['сот'], ru: [] },
      { id: 'second', kk: ['сот'], ru: [] },
    ]);
    expect(m.scan('сотқа')[0]!.id).toBe('first');
  });

  test('the match reports the term as written in the glossary and its language', () => {
    expect(matcher.scan('Республикой Казахстан')[0]).toMatchObject({
      term: 'Республика Казахстан',
      lang: 'ru',
    });
    expect(matcher.scan('ҚР-да')[0]).toMatchObject({ term: 'ҚР', lang: 'kk' });
  });

  test('custom pattern sources plug in (the matcher does not depend on one morphology)', () => {
    const m = compileMatcher([{ id: 'a', kk: ['бала'], ru: [] }], {
      patterns: (_lang, term) => [
        { stem: term, suffixes: { id: 'test', forms: new Set(['', 'лар']) } },
      ],
    });
    expect(m.scan('бала балалар баланың').map((x) => x.end - x.start)).toEqual([4, 7]);
  });
});

describe('terms in Latin script', () => {
  test('a personal entry written in Latin letters matches Latin text, not Cyrillic look-alikes', () => {
    const m = compileMatcher([{ id: 'habeas', kk: [], ru: ['habeas corpus'] }]);
    const text = 'принцип habeas corpus и хабеас';
    expect(m.scan(text).map((x) => text.slice(x.start, x.end))).toEqual(['habeas corpus']);
  });
});

describe('hyphens at line ends', () => {
  const m = compileMatcher([
    { id: 'alash-orda', kk: ['Алаш-Орда'], ru: ['Алаш-Орда'] },
    { id: 'interaction', kk: ['іс-қимыл'], ru: ['взаимодействие'] },
    { id: 'justice', kk: [], ru: ['правосудие'] },
  ]);
  const found = (text: string) => m.scan(text).map((x) => [text.slice(x.start, x.end), x.id]);

  test('a term’s own hyphen at a line end, before a capital or a lowercase letter', () => {
    expect(found('Правительство Алаш-\n\nОрды создало')).toEqual([['Алаш-\n\nОрды', 'alash-orda']]);
    expect(found('өзара іс-\n\nқимыл жасау')).toEqual([['іс-\n\nқимыл', 'interaction']]);
  });

  test('a word split across lines by a hyphen', () => {
    expect(found('осуществляет правосу-\r\nдие')).toEqual([['правосу-\r\nдие', 'justice']]);
  });

  test('a hyphen followed by a capital on the next line is not a split word', () => {
    expect(found('правосу-\nДие')).toEqual([]);
  });
});

describe('terms that differ only in Kazakh letters', () => {
  // Kazakh қара and Russian кара have the same keys к-а-р-а in the word table:
  // the lookup cannot tell them apart, verification letter by letter does.
  const m = compileMatcher([
    { id: 'kk-word', kk: ['қара'], ru: [] },
    { id: 'ru-word', kk: [], ru: ['кара'] },
  ]);
  const found = (text: string) =>
    m.scan(text).map((x) => [text.slice(x.start, x.end), x.id, x.approximate]);

  test.each([
    ['қара', 'kk-word', false],
    ['қарасы', 'kk-word', false],
    ['кара', 'ru-word', false],
    ['карой', 'ru-word', false],
    ['карасы', 'kk-word', true],
    ['қ\u00adара', 'kk-word', false],
  ])('%s', (text, id, approximate) => {
    expect(found(text)).toEqual([[text, id, approximate]]);
  });
});
