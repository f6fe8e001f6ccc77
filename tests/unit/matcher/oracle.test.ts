/**
 * The matcher against a slow, simple oracle (tests/support/oracle.ts) that
 * shares nothing with it below the morphology: every clause of both
 * Constitutions in both languages, plain and roughed up the way real pages
 * are, with the bundled glossary and the evaluation glossary.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../glossary/matcher';
import type { Match } from '../../../glossary/types';
import { CONSTITUTION, GLOSSARIES } from '../../support/matcher-material';
import { oracleScan } from '../../support/oracle';
import { roughen } from '../../support/roughen';

const TEXTS: [string, string][] = [
  ['the Constitutions', CONSTITUTION],
  ['the Constitutions, roughed up', roughen(CONSTITUTION, 1)],
  ['the Constitutions, roughed up again', roughen(CONSTITUTION, 2)],
];

const show = (matches: Match[]) =>
  matches.map((m) => `${m.start}-${m.end} ${m.id} ${m.term} ${m.approximate}`);

/**
 * Where the matcher is known to miss what the oracle finds: a word split at a
 * line end whose first part, read with substitute letters, is a term's word
 * up to its own hyphen (ис-\nполнительной власти, where іс-қимыл has one): the
 * matcher reads the hyphen as the term's own and never joins the split word.
 * A bug of the matcher (both of its paths), not of the oracle; see the
 * test.fails below.
 */
const isKnownMiss = (text: string, m: Match) => /^\p{L}+-\n/u.test(text.slice(m.start, m.end));

describe.each(GLOSSARIES)('the %s glossary', (_, entries) => {
  const matcher = compileMatcher(entries);
  test.each(TEXTS)(
    'matcher and oracle agree on %s',
    (_, text) => {
      const expected = oracleScan(entries, text);
      expect(expected.length).toBeGreaterThan(500);
      const actual = new Set(show(matcher.scan(text)));
      const missed = expected.filter((m) => !actual.has(show([m])[0]!));
      expect(missed.filter((m) => !isKnownMiss(text, m))).toEqual([]);
      expect(missed.length).toBeLessThanOrEqual(3);
      const known = new Set(show(missed));
      expect([...actual]).toEqual(show(expected).filter((m) => !known.has(m)));
    },
    120_000,
  );
});

test.fails(
  'a word split at a line end is joined even where its first part looks like the start of a hyphenated term',
  () => {
    const entries = [
      { id: 'ep', kk: [], ru: ['исполнительная власть'] },
      { id: 'ik', kk: ['іс-қимыл'], ru: [] },
    ];
    const text = 'ис-\nполнительной власти';
    expect(show(oracleScan(entries, text))).toEqual(['0-24 ep исполнительная власть false']);
    expect(show(compileMatcher(entries).scan(text))).toEqual(show(oracleScan(entries, text)));
  },
);
