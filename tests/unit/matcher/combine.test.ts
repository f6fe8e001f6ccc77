/**
 * Combined matchers (glossary/matcher/combine.ts): a glossary compiled once
 * and the entries added since, compiled alone, find what one matcher
 * compiled from all the entries finds — the exception being a term's own
 * hyphen at a line end, which only the index that holds the term reads so.
 */
import { describe, expect, test } from 'vitest';
import {
  combineMatchers,
  compileMatcher,
  loadMatcher,
  serializeMatcher,
} from '../../../glossary/matcher';
import type { Match } from '../../../glossary/types';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';
import { roughen } from '../../support/roughen';

const TEXTS: [string, string][] = [
  ['the Constitutions', CONSTITUTION],
  ['the Constitutions, roughed up', roughen(CONSTITUTION, 1)],
];

const show = (text: string, matches: Match[]) =>
  matches.map((m) => `${m.start}-${m.end} ${m.id} ${m.term} ${m.approximate}`);

/** A match across a hyphen at a line end: where the combined scan may read the hyphen otherwise. */
const acrossLineEnd = (text: string, m: string) => {
  const [start, end] = m.split(' ')[0]!.split('-').map(Number);
  return /-\s*\n/.test(text.slice(start, end));
};

describe.each(GLOSSARIES)('the %s glossary', (_, entries) => {
  // The base and the entries added since: every tenth entry, compiled apart.
  const base = entries.filter((_, k) => k % 10 !== 9);
  const added = entries.filter((_, k) => k % 10 === 9);
  const whole = compileMatcher([...base, ...added]);
  const combined = combineMatchers([compileMatcher(base), compileMatcher(added)]);

  test.each(TEXTS)('finds what one matcher of all the entries finds, on %s', (_, text) => {
    const expected = show(text, whole.scan(text));
    const actual = show(text, combined.scan(text));
    expect(actual.length).toBeGreaterThan(500);
    const only = (a: string[], b: string[]) => {
      const other = new Set(b);
      return a.filter((m) => !other.has(m));
    };
    expect(only(expected, actual).filter((m) => !acrossLineEnd(text, m))).toEqual([]);
    expect(only(actual, expected).filter((m) => !acrossLineEnd(text, m))).toEqual([]);
  });

  test('a loaded base combines as the compiled one does', () => {
    const loaded = loadMatcher(structuredClone(serializeMatcher(compileMatcher(base))));
    const withLoaded = combineMatchers([loaded, compileMatcher(added)]);
    expect(withLoaded.scanSpans(CONSTITUTION)).toEqual(combined.scanSpans(CONSTITUTION));
    expect(withLoaded.entries).toBe(entries.length);
  });
});

describe('an entry added to a compiled glossary', () => {
  const base = compileMatcher([
    { id: 'court', kk: ['сот'], ru: ['суд'] },
    { id: 'power', kk: ['билік'], ru: ['власть'] },
  ]);
  const added = compileMatcher([
    { id: 'judicial-power', kk: ['сот билігі'], ru: ['судебная власть'] },
    { id: 'court-again', kk: ['сот'], ru: [] },
  ]);
  const matcher = combineMatchers([base, added]);
  const found = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.id]);

  test.each([
    ['сот билігін', [['сот билігін', 'judicial-power']]],
    ['соттың', [['соттың', 'court']]],
    [
      'судебной власти и суда',
      [
        ['судебной власти', 'judicial-power'],
        ['суда', 'court'],
      ],
    ],
    ['власть', [['власть', 'power']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('its terms follow the base’s, and it cannot be stored as one index', () => {
    expect(matcher.terms.slice(0, base.terms.length)).toEqual(base.terms);
    expect(matcher.entries).toBe(4);
    expect(() => serializeMatcher(matcher)).toThrow(TypeError);
  });
});
