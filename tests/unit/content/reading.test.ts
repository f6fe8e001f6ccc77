/**
 * The pure parts of calm reading and the page's terms, as tables: which
 * occurrences the `first` mode paints, the side panel's list built from the
 * page's occurrences, and the rows it shows for a filter and a sort.
 */
import { describe, expect, test } from 'vitest';
import { firstPerSection, type Occurrence } from '../../../entrypoints/content/sections';
import { listTerms, type FoundTerm } from '../../../entrypoints/content/term-list';
import { shownTerms, type PageTermsSort } from '../../../components/PageTerms';
import type { Entry } from '../../../glossary/types';
import type { PageTermRow } from '../../../lib/page-protocol';

const occ = (spec: string): Occurrence[] =>
  spec
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const [section, id] = s.split(':') as [string, string];
      return { section, id };
    });

describe('first occurrence per section', () => {
  // "section:id" in document order → which are painted.
  const cases: [string, string, boolean[]][] = [
    ['nothing', '', []],
    ['one term', 'a:x', [true]],
    ['repeated in a section', 'a:x a:x a:x', [true, false, false]],
    ['two terms interleaved', 'a:x a:y a:x a:y', [true, true, false, false]],
    ['a new section paints again', 'a:x a:x b:x b:x', [true, false, true, false]],
    ['back in an earlier section key', 'a:x b:x a:x', [true, true, false]],
    ['ids that look alike stay apart', 'a:x a:xx a:x', [true, true, false]],
  ];
  test.each(cases)('%s', (_, spec, expected) => {
    expect(firstPerSection(occ(spec))).toEqual(expected);
  });
});

describe('the page terms list', () => {
  const t = (id: string, text: string, lang: 'kk' | 'ru' = 'ru'): FoundTerm => ({ id, text, lang });
  const cases: [string, FoundTerm[], PageTermRow[]][] = [
    ['an empty page', [], []],
    [
      'counts, the text as first found, order of first appearance',
      [t('court', 'суда'), t('law', 'закон'), t('court', 'суд'), t('court', 'судом')],
      [
        { id: 'court', text: 'суда', lang: 'ru', count: 3, first: 0 },
        { id: 'law', text: 'закон', lang: 'ru', count: 1, first: 1 },
      ],
    ],
    [
      'the language of the first occurrence',
      [t('court', 'сот', 'kk'), t('court', 'суд', 'ru')],
      [{ id: 'court', text: 'сот', lang: 'kk', count: 2, first: 0 }],
    ],
  ];
  test.each(cases)('%s', (_, found, rows) => {
    expect(listTerms(found)).toEqual(rows);
  });

  const entry = (id: string, kk: string, ru: string): Entry =>
    ({ id, kk: { term: kk }, ru: { term: ru } }) as Entry;
  const entries = new Map([
    ['court', entry('court', 'сот', 'суд')],
    ['law', entry('law', 'заң', 'закон')],
  ]);
  const rows: PageTermRow[] = [
    { id: 'law', text: 'закона', lang: 'ru', count: 2, first: 0 },
    { id: 'court', text: 'сот', lang: 'kk', count: 5, first: 1 },
    { id: 'gone', text: 'нечто', lang: 'ru', count: 2, first: 2 },
  ];
  // filter, sort → the ids shown, in order.
  const shown: [string, PageTermsSort, string[]][] = [
    ['', 'count', ['court', 'law', 'gone']],
    ['', 'order', ['law', 'court', 'gone']],
    ['СУД', 'count', ['court']],
    ['заң', 'order', ['law']],
    ['закона', 'order', ['law']],
    ['нет такого', 'count', []],
  ];
  test.each(shown)('filter "%s", sorted by %s', (filter, sort, ids) => {
    expect(shownTerms(rows, entries, filter, sort).map((r) => r.id)).toEqual(ids);
  });

  test('the equivalent is the term in the other language', () => {
    const byId = new Map(shownTerms(rows, entries, '', 'order').map((r) => [r.id, r.equivalent]));
    expect(byId).toEqual(
      new Map([
        ['law', 'заң'],
        ['court', 'суд'],
        ['gone', ''],
      ]),
    );
  });
});
