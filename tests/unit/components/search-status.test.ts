/**
 * The popup's status line (components/search-results.ts searchStatus), as the
 * reader sees it in each interface language: (query, answer, expected line).
 */
import { describe, expect, test } from 'vitest';
import { searchStatus, type SearchResults } from '../../../components/search-results';
import { translator } from '../../../lib/i18n';
import type { StoredEntry } from '../../../lib/protocol';
import { storedTestEntry } from '../../support/entries';

const hit = (entry: StoredEntry) => ({ entry, kind: 'exact' as const, score: 0 });
const ENTRY = storedTestEntry('court', 'сот', 'суд');
const answer = (hits: number, complete?: boolean): SearchResults => ({
  hits: Array.from({ length: hits }, () => hit(ENTRY)),
  size: 2124,
  ...(complete === undefined ? {} : { complete }),
});

const ROWS: [string, string, SearchResults | null, string][] = [
  ['en', 'суд', null, 'Loading the glossary…'],
  ['en', '', answer(0), '2124 entries. Type a term; ↑ ↓ to choose, Enter to open.'],
  ['en', 'суд', answer(3), '3 results'],
  ['en', 'суд', answer(3, true), '3 results'],
  ['en', 'суд', answer(3, false), '3 results so far: the glossary is still being indexed…'],
  ['en', 'суд', answer(0), 'Nothing found.'],
  ['en', 'суд', answer(0, false), 'Nothing found yet: the glossary is still being indexed…'],
  ['ru', 'суд', answer(3, false), 'Пока результатов: 3; глоссарий ещё индексируется…'],
  ['ru', 'суд', answer(0, false), 'Пока ничего не найдено: глоссарий ещё индексируется…'],
  ['kk', 'сот', answer(3, false), 'Әзірге 3 нәтиже: глоссарий әлі индекстелуде…'],
  ['kk', 'сот', answer(3), '3 нәтиже'],
];

describe('the status line under the popup search box', () => {
  test.each(ROWS)('%s, «%s»: %#', (lang, query, results, expected) => {
    expect(searchStatus(translator(lang as 'en'), query, results, null)).toBe(expected);
  });

  test('a failure is shown as it is, whatever the answer', () => {
    expect(searchStatus(translator('en'), 'суд', answer(3, false), 'No answer.')).toBe(
      'No answer.',
    );
  });
});
