/**
 * The stored index (glossary/matcher/serialize.ts): a matcher loaded from a
 * serialized, structured-cloned index scans exactly as the compiled one, and
 * a stale or malformed index is refused with a MatcherLoadError, never
 * loaded.
 */
import { describe, expect, test } from 'vitest';
import {
  MATCHER_FORMAT,
  MatcherLoadError,
  compileMatcher,
  loadMatcher,
  serializeMatcher,
  type SerializedMatcher,
} from '../../../glossary/matcher';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';
import { roughen } from '../../support/roughen';

const TEXTS = [CONSTITUTION, roughen(CONSTITUTION, 1)];

describe.each(GLOSSARIES)('the %s glossary', (_, entries) => {
  const compiled = compileMatcher(entries);
  const stored = structuredClone(serializeMatcher(compiled));
  const loaded = loadMatcher(stored);

  test('the loaded matcher finds exactly what the compiled one finds', () => {
    expect(loaded.entries).toBe(compiled.entries);
    expect(loaded.terms).toEqual(compiled.terms);
    for (const text of TEXTS) {
      const a = compiled.scanSpans(text);
      const b = loaded.scanSpans(text);
      expect(b.count).toBeGreaterThan(500);
      expect(b.count).toBe(a.count);
      expect(Buffer.from(b.data.buffer).equals(Buffer.from(a.data.buffer))).toBe(true);
      expect(loaded.scan(text)).toEqual(compiled.scan(text));
    }
  });

  test('serializing a loaded matcher gives the same index again', () => {
    expect(canonical(structuredClone(serializeMatcher(loaded)))).toEqual(canonical(stored));
  });
});

/** The index with its table's words in one order (a loaded table may hold them in other slots). */
function canonical(s: SerializedMatcher): SerializedMatcher {
  const words: number[][] = [];
  for (let at = 0; at < s.table.words.length; at += 4)
    words.push([...s.table.words.subarray(at, at + 4)]);
  words.sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
  return { ...s, table: { ...s.table, words: Int32Array.from(words.flat()) } };
}

/** A fresh serialized index of a small glossary, to corrupt. */
function fresh(): SerializedMatcher {
  const entries = [
    { id: 'court', kk: ['сот'], ru: ['суд'] },
    { id: 'constitutional-court', kk: ['Конституциялық Сот'], ru: ['Конституционный Суд'] },
  ];
  return structuredClone(serializeMatcher(compileMatcher(entries)));
}

type Mutable = Record<string, unknown> & SerializedMatcher;

/** How a stored index goes wrong, and which reason loadMatcher should give. */
const BROKEN: [string, 'stale' | 'corrupt', (s: Mutable) => unknown][] = [
  ['another format', 'stale', (s) => ({ ...s, format: 'ata-zan-matcher/0.0.00000000' })],
  ['no format', 'stale', (s) => ({ ...s, format: undefined })],
  ['not an object', 'corrupt', () => 'index'],
  ['null', 'corrupt', () => null],
  ['entries not a number', 'corrupt', (s) => ({ ...s, entries: '2' })],
  ['entries fewer than the terminals use', 'corrupt', (s) => ({ ...s, entries: 1 })],
  [
    'a truncated word table',
    'corrupt',
    (s) => ({ ...s, table: { ...s.table, words: s.table.words.slice(0, -1) } }),
  ],
  [
    'a word table as a plain array',
    'corrupt',
    (s) => ({ ...s, table: { ...s.table, words: [...s.table.words] } }),
  ],
  [
    'a word pointing past the terminals',
    'corrupt',
    (s) => ({
      ...s,
      table: { ...s.table, words: s.table.words.map((v, k) => (k % 4 === 3 ? 1e6 : v)) },
    }),
  ],
  [
    'a truncated Bloom filter',
    'corrupt',
    (s) => ({ ...s, table: { ...s.table, stems: s.table.stems.slice(1) } }),
  ],
  [
    'truncated terminal records',
    'corrupt',
    (s) => ({ ...s, terminals: { ...s.terminals, records: s.terminals.records.slice(0, -1) } }),
  ],
  [
    'records of the wrong type',
    'corrupt',
    (s) => ({
      ...s,
      terminals: { ...s.terminals, records: new Float64Array(s.terminals.records) },
    }),
  ],
  [
    'stems cut short',
    'corrupt',
    (s) => ({ ...s, terminals: { ...s.terminals, stems: s.terminals.stems.slice(0, 3) } }),
  ],
  [
    'a term index out of range',
    'corrupt',
    (s) => ({ ...s, terminals: { ...s.terminals, termOf: s.terminals.termOf.map(() => 99) } }),
  ],
  ['term entries missing', 'corrupt', (s) => ({ ...s, termEntries: s.termEntries.slice(1) })],
  [
    'a term entry out of range',
    'corrupt',
    (s) => ({ ...s, termEntries: s.termEntries.map(() => s.entryIds.length) }),
  ],
  ['a negative term entry', 'corrupt', (s) => ({ ...s, termEntries: s.termEntries.map(() => -1) })],
  ['entry ids missing', 'corrupt', (s) => ({ ...s, entryIds: s.entryIds.slice(1) })],
  ['an entry id not a string', 'corrupt', (s) => ({ ...s, entryIds: s.entryIds.map(() => 7) })],
  [
    'term entries of the wrong type',
    'corrupt',
    (s) => ({ ...s, termEntries: Array.from(s.termEntries) }),
  ],
  ['a language out of range', 'corrupt', (s) => ({ ...s, termLangs: s.termLangs.map(() => 5) })],
  ['suffix sets missing', 'corrupt', (s) => ({ ...s, suffixSets: [] })],
  [
    'a suffix trie with a dangling edge',
    'corrupt',
    (s) => ({
      ...s,
      suffixSets: s.suffixSets.map((x) => ({
        ...x,
        exact: { ...x.exact, kids: x.exact.kids.map(() => 1e6) },
      })),
    }),
  ],
  [
    'a truncated reversed trie',
    'corrupt',
    (s) => ({ ...s, reversed: { ...s.reversed, rows: s.reversed.rows.slice(0, -1) } }),
  ],
  ['maxWordKeys absurd', 'corrupt', (s) => ({ ...s, maxWordKeys: 2 ** 30 })],
];

describe('a stale or malformed stored index is refused', () => {
  test('a fresh one loads', () => {
    expect(fresh().format).toBe(MATCHER_FORMAT);
    expect(
      loadMatcher(fresh())
        .scan('Конституционного Суда')
        .map((m) => m.id),
    ).toEqual(['constitutional-court']);
  });

  test.each(BROKEN)('%s', (_, reason, breakIt) => {
    const broken = breakIt(fresh() as Mutable);
    expect(() => loadMatcher(broken)).toThrow(MatcherLoadError);
    try {
      loadMatcher(broken);
    } catch (e) {
      expect((e as MatcherLoadError).reason).toBe(reason);
    }
  });
});
