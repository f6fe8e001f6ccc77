/**
 * Where a citation can be read in full: the act on the official legal
 * database in the reader's language, and (for the Constitution) the
 * extension's own parallel reader at the cited article. Built from data —
 * the codes' adilet numbers in glossary/codes.ts and the Constitution's
 * numbers below — never typed per entry. The hover card and the side panel
 * share these.
 *
 * No per-article anchors: adilet.zan.kz marks paragraphs with its own running
 * ids (`#z123`), which follow the database's markup, not the article numbers,
 * and nothing in our data maps one to the other; zan.gov.kz routes by hash
 * (`#!/doc/…`) with no article parameter. So the official link opens the act,
 * and the article is reached in the extension's reader, whose address takes
 * the edition, article and clause.
 */
import { CODES } from '../glossary/codes';
import type { Citation, Edition, Lang } from '../glossary/types';

/** The official databases we link to. */
export type OfficialSite = 'adilet.zan.kz' | 'zan.gov.kz';

export interface OfficialLink {
  url: string;
  site: OfficialSite;
  /** What the address opens: the whole act (no database offers an article anchor we can build). */
  target: 'act';
}

/**
 * The Constitution's editions on the official databases. The 1995
 * Constitution is adilet's K950001000_ (its 01.01.2023 edition is the one
 * the glossary quotes). The 2026 Constitution is not in our adilet data; its
 * official text as we hold it comes from the Reference Control Bank of legal
 * acts, zan.gov.kz, document 223244 (the `source` of
 * kazakhstan-law/codes 00-constitution/{rus,kaz}.md, glossary/sources/PROVENANCE.md),
 * so that is where its citations lead.
 */
export const CONSTITUTION_ACTS: Readonly<Record<Edition, { site: OfficialSite; doc: string }>> = {
  '1995': { site: 'adilet.zan.kz', doc: 'K950001000_' },
  '2026': { site: 'zan.gov.kz', doc: '223244' },
};

function actUrl(site: OfficialSite, doc: string, lang: Lang): string {
  const langPath = lang === 'kk' ? 'kaz' : 'rus';
  return site === 'adilet.zan.kz'
    ? `https://adilet.zan.kz/${langPath}/docs/${doc}`
    : `https://zan.gov.kz/client/#!/doc/${doc}/${langPath}`;
}

/** An edition of the Constitution on the official legal database, in the reader's language. */
export function constitutionLink(edition: Edition, lang: Lang): OfficialLink {
  const act = CONSTITUTION_ACTS[edition];
  return { url: actUrl(act.site, act.doc, lang), site: act.site, target: 'act' };
}

/** The cited act on the official legal database, in the reader's language. */
export function officialLink(c: Citation, lang: Lang): OfficialLink {
  if (c.code === undefined) return constitutionLink(c.edition, lang);
  const url = actUrl('adilet.zan.kz', CODES[c.code].adiletDoc, lang);
  return { url, site: 'adilet.zan.kz', target: 'act' };
}

/** The address alone (for the copied text of an entry). */
export function officialUrl(c: Citation, lang: Lang): string {
  return officialLink(c, lang).url;
}

/** The extension page of the parallel reader of the Constitution. */
export const READER_PAGE = '/constitution.html' as const;

/** A place in the Constitution: an edition, and optionally an article and a clause in it. */
export interface ReaderPlace {
  edition: Edition;
  article?: string | null;
  clause?: string | null;
}

/** Article and clause numbers as the texts write them: "76", "83-1", "3-1". */
const NUMBER = /^\d{1,3}(-\d{1,2})?$/;

/** Whether a string is an article or clause number as the texts write them. */
export const isPlaceNumber = (s: string): boolean => NUMBER.test(s);

/** The reader's address (path and query, relative to the extension's root) for a place. */
export function readerPath(place: ReaderPlace): `${typeof READER_PAGE}?${string}` {
  const q = new URLSearchParams({ edition: place.edition });
  if (place.article) q.set('article', place.article);
  if (place.article && place.clause) q.set('clause', place.clause);
  return `${READER_PAGE}?${q.toString()}`;
}

/** The place a reader's query asks for; the 2026 edition and no article when it asks for nothing valid. */
export function readerPlace(search: string): {
  edition: Edition;
  article: string | null;
  clause: string | null;
} {
  const q = new URLSearchParams(search);
  const edition: Edition = q.get('edition') === '1995' ? '1995' : '2026';
  const article = q.get('article');
  if (article === null || !isPlaceNumber(article)) return { edition, article: null, clause: null };
  const clause = q.get('clause');
  return { edition, article, clause: clause !== null && isPlaceNumber(clause) ? clause : null };
}

/** The reader at the article a Constitution citation quotes; undefined for a code's citation. */
export function citationReaderPath(c: Citation): ReturnType<typeof readerPath> | undefined {
  if (c.code !== undefined) return undefined;
  return readerPath({ edition: c.edition, article: c.article, clause: c.clause });
}
