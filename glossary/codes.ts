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

export const CODES: Readonly<Record<CodeSlug, CodeInfo>> = {
  'civil-procedure': {
    slug: 'civil-procedure',
    short: { kk: 'АПК', ru: 'ГПК РК', en: 'Civil Procedure Code' },
    adiletDoc: 'K1500000377',
  },
  'criminal-procedure': {
    slug: 'criminal-procedure',
    short: { kk: 'ҚПК', ru: 'УПК РК', en: 'Criminal Procedure Code' },
    adiletDoc: 'K1400000231',
  },
  criminal: {
    slug: 'criminal',
    short: { kk: 'ҚК', ru: 'УК РК', en: 'Criminal Code' },
    adiletDoc: 'K1400000226',
  },
  'administrative-procedure': {
    slug: 'administrative-procedure',
    short: { kk: 'ӘРПК', ru: 'АППК РК', en: 'Administrative Procedural and Process Code' },
    adiletDoc: 'K2000000350',
  },
  'civil-general': {
    slug: 'civil-general',
    short: { kk: 'АК', ru: 'ГК РК', en: 'Civil Code (General Part)' },
    adiletDoc: 'K940001000_',
  },
  labour: {
    slug: 'labour',
    short: { kk: 'ЕК', ru: 'ТК РК', en: 'Labour Code' },
    adiletDoc: 'K1500000414',
  },
};

export const CODE_SLUGS = Object.keys(CODES) as CodeSlug[];

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'historical'];
