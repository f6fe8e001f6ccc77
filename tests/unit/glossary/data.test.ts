/**
 * The bundled glossary (every glossary/data/*.json): schema, unique ids and
 * terms, quotes word for word from the official texts, and every term found by
 * the matcher in its cited clauses and in inflected forms.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../glossary/schema';
import { foldTerm } from '../../../glossary/normalize';
import { compileMatcher, matchableOf } from '../../../glossary/matcher';
import { senseGroups, termsOf } from '../../../glossary/review';
import type { Entry } from '../../../glossary/types';
import {
  LANGS,
  citationProblemsOf,
  dictionaryFormProblems,
  inflectedFormProblems,
  isAttested,
  ownFinder,
  quoteMisses,
  repeatedTerms,
} from '../../../glossary/entry-review';

import {
  DATA_DIR,
  dataFileNames,
  readDataFile,
  type DataFile,
} from '../../../scripts/glossary-data-files';

const FILES = dataFileNames();

const load = (file: string): DataFile => readDataFile(join(DATA_DIR, file));

/** Files that fail the schema are reported by the schema test; the others are checked further. */
const LOADED: DataFile[] = FILES.flatMap((f) => {
  try {
    return [load(f)];
  } catch {
    return [];
  }
});
const ALL: Entry[] = LOADED.flatMap((l) => l.entries);
const FILE_OF = new Map<string, string>(
  LOADED.flatMap((l) => l.entries.map((e) => [e.id, l.file])),
);

/** Two senses of one word (азаматтық "civil" and "citizenship") may share a term. */
const sameSenseGroup = senseGroups(ALL);

describe('glossary data files', () => {
  it('has the data files', () => {
    expect(FILES).toContain('constitution-2026.json');
  });

  it.each(FILES)('%s is valid against the schema', (file) => {
    expect(() => load(file)).not.toThrow();
  });

  it('has at least 2,000 entries across all files', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(2000);
  });

  it('constitution-2026.json has at least 350 entries, each citing the 2026 Constitution', () => {
    const own = LOADED.find((l) => l.file === 'constitution-2026.json');
    expect(own).toBeDefined();
    expect(own?.entries.length ?? 0).toBeGreaterThanOrEqual(350);
    const without = (own?.entries ?? [])
      .filter((e) => !e.citations.some((c) => c.edition === '2026'))
      .map((e) => e.id);
    expect(without).toEqual([]);
  });

  it('has unique ids across all files', () => {
    const seen = new Map<string, string>();
    const dup: string[] = [];
    for (const l of LOADED) {
      for (const e of l.entries) {
        const prev = seen.get(e.id);
        if (prev) dup.push(`${e.id} (${prev}, ${l.file})`);
        else seen.set(e.id, l.file);
      }
    }
    expect(dup).toEqual([]);
  });

  it.each(LANGS)(
    'has no two entries with the same %s term, unless they are senses of one word',
    (lang) => {
      const dup = repeatedTerms(ALL, lang, sameSenseGroup).map(
        ({ entry, first }) => `"${entry[lang].term}": ${first}, ${entry.id}`,
      );
      expect(dup).toEqual([]);
    },
  );

  it('gives every entry both terms and both definitions, and no variant twice', () => {
    const bad: string[] = [];
    for (const e of ALL) {
      for (const lang of LANGS) {
        if (!e[lang].term.trim()) bad.push(`${e.id}: ${lang}.term`);
        if (!e[lang].definition.trim()) bad.push(`${e.id}: ${lang}.definition`);
        const folded = termsOf(e, lang).map(foldTerm);
        if (new Set(folded).size !== folded.length)
          bad.push(`${e.id}: ${lang} variant repeats a term`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('quotes every cited clause or article title word for word, in both languages', () => {
    const bad = ALL.flatMap((e) =>
      citationProblemsOf(e).map((p) => `${e.id} (${FILE_OF.get(e.id)}): ${p}`),
    );
    expect(bad).toEqual([]);
  });

  it('cites no clause twice in one entry', () => {
    const bad: string[] = [];
    for (const e of ALL) {
      const keys = e.citations.map(
        (c) => `${c.code ?? ''}|${c.edition}|${c.article}|${c.clause ?? ''}`,
      );
      if (new Set(keys).size !== keys.length) bad.push(e.id);
    }
    expect(bad).toEqual([]);
  });

  it('bundles every data file (glossary/data/index.ts)', async () => {
    const { BUNDLED_ENTRIES, BUNDLED_VERSION } = await import('../../../glossary/data/index');
    expect(BUNDLED_ENTRIES.map((e) => e.id).sort()).toEqual(ALL.map((e) => e.id).sort());
    const highest = LOADED.map((l) => l.version)
      .sort(compareVersions)
      .at(-1);
    expect(BUNDLED_VERSION).toBe(highest);
  });
});

/** At most this many entries may rest only on clauses that establish them without naming them. */
const MAX_UNNAMED = 12;

describe('the matcher finds the glossary terms', () => {
  /** One matcher per entry, so a clause is searched for that entry's terms alone. */
  const single = new Map(ALL.map((e) => [e.id, ownFinder(e)]));
  /** All entries together, as the extension runs it. */
  const all = compileMatcher(ALL.map(matchableOf));

  it('finds each entry in every quote it cites (unless the citation says mentions: false)', () => {
    const bad = ALL.flatMap((e) => quoteMisses(e, single.get(e.id)!));
    expect(bad).toEqual([]);
  });

  it('attests every entry: a citation whose two quotes hold its two terms', () => {
    const bad = ALL.filter((e) => !isAttested(e, single.get(e.id)!)).map(
      (e) => `${e.id} (${FILE_OF.get(e.id)})`,
    );
    // The few concepts a text establishes without naming them (citations with mentions: false).
    const unnamed = bad.filter((id) =>
      ALL.find((e) => `${e.id} (${FILE_OF.get(e.id)})` === id)?.citations.some(
        (c) => c.mentions === false,
      ),
    );
    expect(unnamed.length).toBeLessThanOrEqual(MAX_UNNAMED);
    expect(bad.filter((id) => !unnamed.includes(id))).toEqual([]);
  });

  it.each(LANGS)('finds every %s term and variant in its dictionary form', (lang) => {
    const bad = ALL.flatMap((e) => dictionaryFormProblems(e, lang, all, sameSenseGroup));
    expect(bad).toEqual([]);
  });

  it.each(LANGS)('finds every %s term in two inflected forms', (lang) => {
    // Indeclinable terms (abbreviations, fixed names) have fewer forms; the morphology must still produce some.
    const bad = ALL.flatMap((e) => inflectedFormProblems(e, lang, all, sameSenseGroup));
    expect(bad).toEqual([]);
  });
});
