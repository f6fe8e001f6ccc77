/**
 * The codes the glossary cites beside the Constitution: their slugs (as in
 * glossary/sources/codes), short names in each language, and the address of
 * the act on the official legal database. Small on purpose: the code texts
 * themselves (glossary/sources/codes/*.json) are read by the tests, not
 * bundled into the extension.
 */
import type { CodeSlug, TermStatus } from './types';

export interface CodeInfo {
  slug: CodeSlug;
  /** The usual abbreviation: «ГПК РК», «АПК». */
  short: { kk: string; ru: string; en: string };
  /** The act's number on the official legal database (adilet.zan.kz/{rus|kaz}/docs/…). */
  adiletDoc: string;
}

/** slug, the usual abbreviation in kk, ru and en, the act's number on adilet.zan.kz. */
const CODE_ROWS: readonly (readonly [CodeSlug, string, string, string, string])[] = [
  ['civil-procedure', 'АПК', 'ГПК РК', 'Civil Procedure Code', 'K1500000377'],
  ['criminal-procedure', 'ҚПК', 'УПК РК', 'Criminal Procedure Code', 'K1400000231'],
  ['criminal', 'ҚК', 'УК РК', 'Criminal Code', 'K1400000226'],
  [
    'administrative-procedure',
    'ӘРПК',
    'АППК РК',
    'Administrative Procedural and Process Code',
    'K2000000350',
  ],
  ['civil-general', 'АК', 'ГК РК', 'Civil Code (General Part)', 'K940001000_'],
  ['labour', 'ЕК', 'ТК РК', 'Labour Code', 'K1500000414'],
];

export const CODES = Object.fromEntries(
  CODE_ROWS.map(([slug, kk, ru, en, adiletDoc]): [CodeSlug, CodeInfo] => [
    slug,
    { slug, short: { kk, ru, en }, adiletDoc },
  ]),
) as Readonly<Record<CodeSlug, CodeInfo>>;

export const CODE_SLUGS = Object.keys(CODES) as CodeSlug[];

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'historical'];
