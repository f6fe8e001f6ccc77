/**
 * The word memo (glossary/matcher/word-memo.ts) remembers what words and
 * phrases yielded; it must change no match. The matcher, with its memo of
 * every size, fresh and after it knows the text, against the oracle
 * (tests/support/oracle.ts); and the edge cases where the word table's
 * reading of a line-end hyphen once went wrong.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher, type Matcher } from '../../../glossary/matcher';
import type { SurfacePattern } from '../../../glossary/morphology/types';
import type { Lang, Match, MatchableEntry } from '../../../glossary/types';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';
import { oracleScan } from '../../support/oracle';
import { rng } from '../../support/random';
import { roughen } from '../../support/roughen';

/** Distinct made-up words, more than the memo keeps, so that it forgets and starts again mid-text. */
function manyWords(count: number, seed: number): string {
  const random = rng(seed);
  const syllables = [
    'сот',
    'заң',
    'құқ',
    'ық',
    'тар',
    'дың',
    'пра',
    'во',
    'суд',
    'ен',
    'ің',
    'ға',
    'ов',
  ];
  const words: string[] = [];
  for (let k = 0; k < count; k++) {
    let w = '';
    const parts = 2 + Math.floor(random() * 4);
    for (let p = 0; p < parts; p++) w += syllables[Math.floor(random() * syllables.length)];
    words.push(w + k.toString(36).replace(/\d/g, (d) => 'абвгдежзий'[Number(d)]!));
  }
  return words.join(' ');
}

const show = (matches: Match[]) =>
  matches.map((m) => `${m.start}-${m.end} ${m.id} ${m.term} ${m.approximate}`);

function spans(matcher: Matcher, text: string): string[] {
  return show(matcher.scan(text));
}

function reference(
  entries: readonly MatchableEntry[],
  text: string,
  patterns?: (lang: Lang, term: string) => SurfacePattern[],
): string[] {
  return show(oracleScan(entries, text, patterns));
}

test('a phrase word remembered after the memo forgot its first word is not taken for another phrase', () => {
  // The memo keeps a later word under its first word's slot: once it forgets
  // that first word, another may take the slot. Exact and approximate first
  // words (қ / к) among fillers, with a memo of four words, forgetting often.
  const entries: MatchableEntry[] = [{ id: 'cc', kk: ['Конституциялық Сот'], ru: [] }];
  const random = rng(7);
  const parts: string[] = [];
  for (let k = 0; k < 3_000; k++) {
    const r = random();
    if (r < 0.3) parts.push('конституциялық сот');
    else if (r < 0.6) parts.push('конституциялык сот');
    else parts.push(`сөз${k.toString(36).replace(/\d/g, (d) => 'абвгдежзий'[Number(d)]!)}`);
  }
  const text = parts.join(' ');
  const expected = reference(entries, text);
  expect(expected.filter((s) => s.endsWith('true')).length).toBeGreaterThan(500);
  for (const memoBits of [2, 3, 4, 5]) {
    expect(spans(compileMatcher(entries, { memoBits }), text)).toEqual(expected);
  }
});

test('the word that followed a phrase word last time is that word again only where it ends', () => {
  // After «ішкі» the memo offers «іс», seen there just before; in «іс-қимыл»,
  // in «іс» soft hyphen «тер» and in «іс-» line break «тер» the word goes on.
  const entries: MatchableEntry[] = [{ id: 'ii', kk: ['ішкі іс'], ru: [] }];
  const text = ['іс-қимыл', 'іс\u00adтер', 'іс-\nтер', 'істер']
    .map((w) => `ішкі іс, ішкі ${w}`)
    .join(', ');
  const expected = reference(entries, text);
  expect(expected.map((s) => s.split(' ')[0])).toEqual([
    '0-7',
    '24-31',
    '33-44',
    '46-53',
    '55-67',
    '69-76',
    '78-88',
  ]);
  const fast = compileMatcher(entries);
  expect(spans(fast, text)).toEqual(expected);
  expect(spans(fast, text)).toEqual(expected);
});

describe.each(GLOSSARIES)('the %s glossary', (_, entries) => {
  const fast = compileMatcher(entries);

  test('made-up words between clauses, more than the memo keeps: it forgets and starts again', () => {
    const text = `${manyWords(40_000, 3)}\n${CONSTITUTION.slice(0, 50_000)}`;
    const expected = reference(entries, text);
    expect(expected.length).toBeGreaterThan(100);
    expect(spans(fast, text)).toEqual(expected);
    // Again, now that the memo knows the text's words.
    expect(spans(fast, text)).toEqual(expected);
  }, 60_000);

  test('a memo that keeps 32 words, forgetting them in the middle of phrases, changes nothing', () => {
    const tiny = compileMatcher(entries, { memoBits: 6 });
    const text = roughen(CONSTITUTION, 3);
    expect(spans(tiny, text)).toEqual(spans(fast, text));
    expect(spans(tiny, CONSTITUTION)).toEqual(spans(fast, CONSTITUTION));
  });

  test('the damage does make approximate matches and breaks some words', () => {
    const text = roughen(CONSTITUTION, 1);
    const plain = fast.scan(CONSTITUTION);
    const rough = fast.scan(text);
    expect(rough.filter((m) => m.approximate).length).toBeGreaterThan(
      plain.filter((m) => m.approximate).length + 100,
    );
    expect(text).toMatch(/\p{L}-\n\p{L}/u);
  });

  test('packed spans say what the matches say', () => {
    const { count, data } = fast.scanSpans(CONSTITUTION);
    const matches = fast.scan(CONSTITUTION);
    expect(count).toBe(matches.length);
    matches.forEach((m, k) => {
      const term = fast.terms[data[4 * k + 2]!]!;
      expect([data[4 * k], data[4 * k + 1], term.id, term.term, data[4 * k + 3] === 1]).toEqual([
        m.start,
        m.end,
        m.id,
        m.term,
        m.approximate,
      ]);
    });
  });
});

describe('cases where the word table once went wrong', () => {
  function agree(entries: MatchableEntry[], text: string): string[] {
    const expected = reference(entries, text);
    expect(spans(compileMatcher(entries), text)).toEqual(expected);
    return expected;
  }

  test('a one-letter stem takes suffixes whose first letter some term has', () => {
    const entries = [
      { id: 'a', kk: ['а'], ru: [] },
      { id: 'b', kk: ['заң'], ru: [] },
    ];
    expect(agree(entries, 'аның аңдардағы')).toEqual(['0-4 a а false', '5-14 a а false']);
  });

  test('a Latin word is no term, even where terms disagree on the letter (а / ә)', () => {
    const entries = [
      { id: 'a', kk: ['а'], ru: [] },
      { id: 'b', kk: ['әкімшілік іс'], ru: [] },
    ];
    expect(agree(entries, 'a а')).toEqual(['2-3 a а false']);
  });

  test('a term whose word is longer than 512 letters is found too', () => {
    const long = 'а'.repeat(300) + 'б'.repeat(300);
    const entries = [{ id: 'long', kk: [long], ru: [] }];
    expect(agree(entries, `x ${long}тың y`)).toEqual([`2-605 long ${long} false`]);
  });

  // A term (stem + one suffix) and another with its own hyphen where the
  // text breaks a line: [name, id, stem, suffix, hyphenated term, text, expected].
  test.each([
    [
      // аа takes өі; аао-і has a hyphen where ааө-\nі breaks its line (ө reads as о).
      'a suffix split at a line end where another term has its own hyphen',
      'a',
      'аа',
      'өі',
      'аао-і',
      'ааө-\nі',
      '0-6 a аа false',
    ],
    [
      // c takes i; си-і has a hyphen where ci-\nА breaks its line (Latin c, i read as с, і).
      "a suffix before another term's own hyphen at a line end, a capital next",
      'c',
      'c',
      'i',
      'си-і',
      'ci-\nА',
      '0-2 c c false',
    ],
  ])('%s', (_, id, stem, suffix, hyphenated, text, match) => {
    const patterns = (_: string, term: string): SurfacePattern[] =>
      term === stem
        ? [{ stem, suffixes: { id: stem, forms: new Set(['', suffix]) } }]
        : [{ stem: hyphenated, suffixes: null }];
    const entries = [
      { id, kk: [stem], ru: [] },
      { id: 'b', kk: [hyphenated], ru: [] },
    ];
    const expected = reference(entries, text, patterns);
    expect(expected).toEqual([match]);
    expect(spans(compileMatcher(entries, { patterns }), text)).toEqual(expected);
  });
});
