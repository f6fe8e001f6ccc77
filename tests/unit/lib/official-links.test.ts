/**
 * The links from a citation to the official text and to the extension's
 * reader of the Constitution (lib/official-links.ts), as a table: each
 * edition of the Constitution and each code, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { CODE_SLUGS, CODES } from '../../../glossary/codes';
import type { Citation, Lang } from '../../../glossary/types';
import {
  citationReaderPath,
  isPlaceNumber,
  officialLink,
  readerPath,
  readerPlace,
} from '../../../lib/official-links';

const quote = { kk: 'к', ru: 'р' };
const constitution = (edition: '2026' | '1995', article = '76', clause: string | null = '1') =>
  ({ edition, article, clause, quote }) satisfies Citation;
const code = (slug: (typeof CODE_SLUGS)[number]): Citation => ({
  code: slug,
  edition: '2021-12-20',
  article: '148',
  clause: null,
  quote,
});

const LINKS: [string, Citation, Lang, string, string][] = [
  [
    'Constitution 2026, Russian',
    constitution('2026'),
    'ru',
    'zan.gov.kz',
    'https://zan.gov.kz/client/#!/doc/223244/rus',
  ],
  [
    'Constitution 2026, Kazakh',
    constitution('2026'),
    'kk',
    'zan.gov.kz',
    'https://zan.gov.kz/client/#!/doc/223244/kaz',
  ],
  [
    'Constitution 1995, Russian',
    constitution('1995'),
    'ru',
    'adilet.zan.kz',
    'https://adilet.zan.kz/rus/docs/K950001000_',
  ],
  [
    'Constitution 1995, Kazakh',
    constitution('1995'),
    'kk',
    'adilet.zan.kz',
    'https://adilet.zan.kz/kaz/docs/K950001000_',
  ],
  [
    'Civil Procedure Code, Russian',
    code('civil-procedure'),
    'ru',
    'adilet.zan.kz',
    'https://adilet.zan.kz/rus/docs/K1500000377',
  ],
  [
    'Civil Procedure Code, Kazakh',
    code('civil-procedure'),
    'kk',
    'adilet.zan.kz',
    'https://adilet.zan.kz/kaz/docs/K1500000377',
  ],
  [
    'Criminal Procedure Code, Russian',
    code('criminal-procedure'),
    'ru',
    'adilet.zan.kz',
    'https://adilet.zan.kz/rus/docs/K1400000231',
  ],
  [
    'Criminal Code, Kazakh',
    code('criminal'),
    'kk',
    'adilet.zan.kz',
    'https://adilet.zan.kz/kaz/docs/K1400000226',
  ],
  [
    'Administrative Procedural Code, Russian',
    code('administrative-procedure'),
    'ru',
    'adilet.zan.kz',
    'https://adilet.zan.kz/rus/docs/K2000000350',
  ],
  [
    'Civil Code, Kazakh',
    code('civil-general'),
    'kk',
    'adilet.zan.kz',
    'https://adilet.zan.kz/kaz/docs/K940001000_',
  ],
  [
    'Labour Code, Russian',
    code('labour'),
    'ru',
    'adilet.zan.kz',
    'https://adilet.zan.kz/rus/docs/K1500000414',
  ],
];

describe('the official text of a citation', () => {
  test.each(LINKS)('%s', (_, c, lang, site, url) => {
    expect(officialLink(c, lang)).toEqual({ url, site, target: 'act' });
  });

  test('every code has a link in each language, built from its adilet number', () => {
    for (const slug of CODE_SLUGS) {
      for (const [lang, path] of [
        ['kk', 'kaz'],
        ['ru', 'rus'],
      ] as const) {
        expect(officialLink(code(slug), lang).url).toBe(
          `https://adilet.zan.kz/${path}/docs/${CODES[slug].adiletDoc}`,
        );
      }
    }
  });
});

describe('the reader of the Constitution', () => {
  const PATHS: [string, Citation, string | undefined][] = [
    [
      'a clause of 2026',
      constitution('2026', '10', null),
      '/constitution.html?edition=2026&article=10',
    ],
    [
      'a numbered clause',
      constitution('2026', '76', '1'),
      '/constitution.html?edition=2026&article=76&clause=1',
    ],
    [
      'a 1995 article with a hyphen',
      constitution('1995', '83-1', '3-1'),
      '/constitution.html?edition=1995&article=83-1&clause=3-1',
    ],
    ['a code: no reader', code('civil-procedure'), undefined],
  ];
  test.each(PATHS)('%s', (_, c, path) => {
    expect(citationReaderPath(c)).toBe(path);
  });

  const PLACES: [string, string, ReturnType<typeof readerPlace>][] = [
    ['nothing asked', '', { edition: '2026', article: null, clause: null }],
    ['an edition alone', '?edition=1995', { edition: '1995', article: null, clause: null }],
    [
      'an article and clause',
      '?edition=1995&article=83-1&clause=2',
      { edition: '1995', article: '83-1', clause: '2' },
    ],
    [
      'an unknown edition falls back to 2026',
      '?edition=2020&article=10',
      { edition: '2026', article: '10', clause: null },
    ],
    [
      'a bad article is ignored',
      '?article=<b>&clause=1',
      { edition: '2026', article: null, clause: null },
    ],
    [
      'a bad clause is ignored',
      '?article=10&clause=x',
      { edition: '2026', article: '10', clause: null },
    ],
  ];
  test.each(PLACES)('reads %s', (_, search, place) => {
    expect(readerPlace(search)).toEqual(place);
  });

  test('a path and its reading agree', () => {
    const path = readerPath({ edition: '1995', article: '94-1', clause: '1' });
    expect(readerPlace(path.slice(path.indexOf('?')))).toEqual({
      edition: '1995',
      article: '94-1',
      clause: '1',
    });
    expect(isPlaceNumber('94-1')).toBe(true);
    expect(isPlaceNumber('1) ')).toBe(false);
  });
});
