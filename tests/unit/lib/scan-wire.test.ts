/**
 * The packed `text/scan` answer: what the background's MatcherCache sends
 * decodes, after a trip through JSON as a message takes, to exactly what
 * `matcher.scan` finds (after the context step, glossary/context.ts, exactly
 * what the CLI reports); each term the answer uses is listed once.
 */
import { describe, expect, test } from 'vitest';
import { compileScanner, ruledOf } from '../../../glossary/context';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';
import { compileMatcher, matchableOf, type Matcher } from '../../../glossary/matcher';
import type { Entry, Match } from '../../../glossary/types';
import type { MatchedTerm } from '../../../glossary/spans';
import { MatcherCache } from '../../../entrypoints/background/matcher-cache';
import type { GlossarySnapshot, StoredEntry } from '../../../lib/protocol';
import { decodeScanResult, type ScanResult } from '../../../lib/scan-wire';
import { storedTestEntry } from '../../support/entries';

const ENTRIES: StoredEntry[] = [
  storedTestEntry('sot', 'сот', 'суд'),
  storedTestEntry('sot-biligi', 'сот билігі', 'судебная власть'),
  storedTestEntry('zan', 'заң', 'закон'),
  storedTestEntry('azamattyq-is', 'азаматтық іс жүргізу', 'гражданское судопроизводство'),
  storedTestEntry('p-resheniye', 'шешім', 'решение', 'personal'),
];

/** A cache over a snapshot that the test can change. */
function cacheOf(
  entries: StoredEntry[],
  compile?: (entries: StoredEntry[]) => Matcher,
): { cache: MatcherCache; snap: GlossarySnapshot } {
  const snap: GlossarySnapshot = { revision: 1, bundledVersion: '1.0.0', entries };
  const cache = new MatcherCache(() => Promise.resolve(snap), compile);
  return { cache, snap };
}

/** What the content script gets: the answer as a message carries it (JSON), decoded. */
function received(res: ScanResult): Match[][] {
  return decodeScanResult(JSON.parse(JSON.stringify(res)) as ScanResult).map((l) =>
    l.map(({ kind: _, ...m }) => m),
  );
}

/** The kind each decoded match is painted with, by entry id. */
function kinds(res: ScanResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of decodeScanResult(res).flat()) (out[m.id] ??= []).push(m.kind);
  return out;
}

function expectTermsOnceAndUsed(res: ScanResult): void {
  const keys = res.terms.map((t) => `${t.id}|${t.lang}|${t.term}`);
  expect(new Set(keys).size).toBe(keys.length);
  const used = new Set<number>();
  for (const flat of res.spans) {
    expect(flat.length % 4).toBe(0);
    for (let k = 0; k < flat.length; k += 4) used.add(flat[k + 2]!);
  }
  expect([...used].sort((a, b) => a - b)).toEqual(res.terms.map((_, i) => i));
}

const TEXTS = [
  '',
  'без терминов',
  'Решение суда вступает в силу.',
  'Сот билігін сот жүзеге асырады; соттың шешімі заңға сай.',
  'азаматтык іс жүргізу туралы заң', // approximate: substitute letters
  '   ',
  'Закон о судебной власти, суд, суды, суду, решения и решение.',
  '',
];

describe('text/scan answer', () => {
  test('decodes to what matcher.scan finds, for every text, in order', async () => {
    const { cache } = cacheOf(ENTRIES);
    const { matcher } = await cache.get();
    const res = await cache.scan(TEXTS);
    expect(res.spans).toHaveLength(TEXTS.length);
    const expected = TEXTS.map((t) => matcher.scan(t));
    expect(received(res)).toEqual(expected);
    // The texts exercise what they claim to.
    expect(expected[0]).toEqual([]);
    expect(expected[1]).toEqual([]);
    expect(expected[4]!.some((m) => m.approximate)).toBe(true);
    expect(expected[6]!.length).toBeGreaterThan(5);
    expect(res.spans[0]).toEqual([]);
    expect(res.spans[1]).toEqual([]);
  });

  test('lists each used term once, only those, and flags each match with its kind', async () => {
    const { cache } = cacheOf(ENTRIES);
    const res = await cache.scan(TEXTS);
    expectTermsOnceAndUsed(res);
    // суд / сот occur many times over several texts: one term per language.
    expect(
      res.terms
        .filter((t) => t.id === 'sot')
        .map((t) => t.lang)
        .sort(),
    ).toEqual(['kk', 'ru']);
    // The personal entry matched in both languages, each term listed once, every match personal.
    expect(res.terms.filter((t) => t.id === 'p-resheniye')).toHaveLength(2);
    const byId = kinds(res);
    expect(new Set(byId['p-resheniye'])).toEqual(new Set(['personal']));
    expect(new Set(byId['sot'])).toEqual(new Set(['exact']));
    // Text 4 is typed with substitute letters: approximate.
    expect(decodeScanResult(res)[4]!.map((m) => m.kind)).toContain('approximate');
  });

  test('an answer without matches has no terms; each answer has only its own terms', async () => {
    const { cache } = cacheOf(ENTRIES);
    expect(await cache.scan(['', 'без терминов'])).toEqual({
      revision: 1,
      terms: [],
      spans: [[], []],
    });
    expect(await cache.scan([])).toEqual({ revision: 1, terms: [], spans: [] });
    await cache.scan(['суд и закон']);
    const later = await cache.scan(['заң']);
    expect(later.terms).toEqual([{ id: 'zan', lang: 'kk', term: 'заң' }]);
    expect(later.spans).toEqual([[0, 3, 0, 0]]);
    // A term an earlier answer used second is this answer's first.
    const again = await cache.scan(['закон']);
    expect(again.terms).toEqual([{ id: 'zan', lang: 'ru', term: 'закон' }]);
    expect(again.spans).toEqual([[0, 5, 0, 0]]);
  });

  test('follows the snapshot revision', async () => {
    const { cache, snap } = cacheOf(ENTRIES);
    expect(kinds(await cache.scan(['шешім']))).toEqual({ 'p-resheniye': ['personal'] });
    snap.revision = 2;
    snap.entries = ENTRIES.filter((e) => e.id !== 'p-resheniye');
    const res = await cache.scan(['шешім', 'суд']);
    expect(res.revision).toBe(2);
    expect(received(res).map((l) => l.map((m) => m.id))).toEqual([[], ['sot']]);
  });

  /**
   * (case, the matcher's terms with a copy of each, where term k and its copy
   * stand): the spans use the term and its copy by turns.
   */
  const COPIES: [
    string,
    (terms: readonly MatchedTerm[]) => MatchedTerm[],
    (k: number, n: number, copy: boolean) => number,
  ][] = [
    [
      'a term the matcher lists twice (a copy of every term after them all) is listed once',
      (terms) => [...terms, ...terms.map((t) => ({ ...t }))],
      (k, n, copy) => (copy ? k + n : k),
    ],
    [
      "a term listed twice among its own entry's terms (each followed by its copy) is listed once",
      (terms) => terms.flatMap((t) => [t, { ...t }]),
      (k, _n, copy) => 2 * k + (copy ? 1 : 0),
    ],
  ];

  test.each(COPIES)('%s', async (_case, listed, place) => {
    const withCopies = (entries: StoredEntry[]): Matcher => {
      const real = compileMatcher(entries.map(matchableOf));
      const n = real.terms.length;
      let flip = 0;
      return {
        ...real,
        terms: listed(real.terms),
        scanSpans(text) {
          const { count, data } = real.scanSpans(text);
          const copy = data.slice();
          for (let k = 2; k < copy.length; k += 4) copy[k] = place(copy[k]!, n, flip++ % 2 === 1);
          return { count, data: copy };
        },
      };
    };
    const { cache } = cacheOf(ENTRIES, withCopies);
    const texts = ['суд суда суду суд', 'Решение суда'];
    const res = await cache.scan(texts);
    expectTermsOnceAndUsed(res);
    const plain = compileMatcher(ENTRIES.map(matchableOf));
    expect(received(res)).toEqual(texts.map((t) => plain.scan(t)));
  });

  test("passes each term's id and term through `share` once, and every match uses the result", async () => {
    const { cache } = cacheOf(ENTRIES);
    const res = await cache.scan(TEXTS);
    const shared: string[] = [];
    const decoded = decodeScanResult(res, (s) => {
      shared.push(s);
      return `<${s}>`;
    });
    expect(shared).toEqual(res.terms.flatMap((t) => [t.id, t.term]));
    const matches = decoded.flat();
    expect(matches.length).toBeGreaterThan(res.terms.length);
    for (const m of matches)
      expect([m.id, m.term]).toEqual([
        expect.stringMatching(/^<.*>$/),
        expect.stringMatching(/^<.*>$/),
      ]);
  });

  test('the bundled glossary: its definitions, scanned in one answer, round-trip (senses and quiet words as the CLI reports them)', async () => {
    const entries = BUNDLED_ENTRIES.map((e: Entry, i) => ({
      ...storedTestEntry(e.id, e.kk.term, e.ru.term, i % 50 === 0 ? 'personal' : 'bundled'),
      ...e,
    }));
    const { cache } = cacheOf(entries);
    const { context } = await cache.get();
    const texts = BUNDLED_ENTRIES.flatMap((e) => [e.kk.definition, e.ru.definition, '']);
    texts.push(
      'Азаматтық, әкімшілік және қылмыстық істер. Ол азаматтығынан айырылмайды, заңды талабын орындайды.',
    );
    const res = await cache.scan(texts);
    // What the CLI prints: the same function over a scanner of its own.
    const cli = compileScanner(BUNDLED_ENTRIES.map(ruledOf));
    const expected = texts.map((t) => cli.scan(t));
    expect(texts.map((t) => context.scan(t))).toEqual(expected);
    expect(received(res)).toEqual(expected);
    expectTermsOnceAndUsed(res);
    expect(res.senses?.length).toBeGreaterThanOrEqual(3);
    expect(
      received(res)
        .at(-1)!
        .map((m) => [m.id, m.senses]),
    ).toEqual([
      ['civil', ['citizenship']],
      ['proc-criminal-case', undefined],
      ['citizenship', ['civil']],
      ['lawful', ['law']],
    ]);
    const matched = expected.flat();
    expect(matched.length).toBeGreaterThan(1000);
    expect(res.terms.length).toBeLessThan(matched.length);
    const personal = new Set(entries.filter((e) => e.source === 'personal').map((e) => e.id));
    const decoded = decodeScanResult(res).flat();
    expect(decoded.some((m) => m.kind === 'personal')).toBe(true);
    for (const m of decoded) {
      expect(m.kind).toBe(
        personal.has(m.id) ? 'personal' : m.approximate ? 'approximate' : 'exact',
      );
    }
  });
});
