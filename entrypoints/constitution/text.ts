/**
 * The Constitution's texts as the parallel reader shows them: one edition at a
 * time, its Kazakh and Russian records paired clause by clause and grouped
 * into sections and articles. Each edition is its own chunk, loaded when
 * asked for, so the reader's page carries only the edition on show.
 */
import type { ClauseRecord } from '../../glossary/sources';
import type { Edition, Lang } from '../../glossary/types';

export interface ClauseRow {
  /** null for an article without numbered clauses. */
  clause: string | null;
  kk: string;
  ru: string;
  repealed: boolean;
}

export interface ArticleBlock {
  article: string;
  clauses: ClauseRow[];
}

export interface SectionBlock {
  kk: string;
  ru: string;
  articles: ArticleBlock[];
}

type Records = readonly ClauseRecord[];

const LOADERS: Readonly<Record<Edition, () => Promise<[Records, Records]>>> = {
  '2026': () =>
    Promise.all([
      import('../../glossary/sources/2026.kk.json'),
      import('../../glossary/sources/2026.ru.json'),
    ]).then(([kk, ru]) => [kk.default, ru.default]),
  '1995': () =>
    Promise.all([
      import('../../glossary/sources/1995.kk.json'),
      import('../../glossary/sources/1995.ru.json'),
    ]).then(([kk, ru]) => [kk.default, ru.default]),
};

const key = (r: { article: string; clause: string | null }): string =>
  `${r.article}|${r.clause ?? ''}`;

/**
 * Pair the two languages' records by article and clause (the files are
 * aligned record for record, but pairing by key keeps a missing record from
 * shifting every row after it) and group them into sections and articles.
 */
export function pairRecords(kk: Records, ru: Records): SectionBlock[] {
  const ruByKey = new Map(ru.map((r) => [key(r), r]));
  const sections: SectionBlock[] = [];
  let article: ArticleBlock | null = null;
  for (const k of kk) {
    const r = ruByKey.get(key(k));
    let section = sections.at(-1);
    if (!section || section.kk !== k.section) {
      section = { kk: k.section, ru: r?.section ?? '', articles: [] };
      sections.push(section);
      article = null;
    }
    if (!article || article.article !== k.article) {
      article = { article: k.article, clauses: [] };
      section.articles.push(article);
    }
    article.clauses.push({
      clause: k.clause,
      kk: k.text,
      ru: r?.text ?? '',
      repealed: k.repealed === true || r?.repealed === true,
    });
  }
  return sections;
}

export async function loadEdition(edition: Edition): Promise<SectionBlock[]> {
  const [kk, ru] = await LOADERS[edition]();
  return pairRecords(kk, ru);
}

/** An article's heading as each language writes it. */
export function articleHeading(article: string, lang: Lang): string {
  return lang === 'kk' ? `${article}-бап` : `Статья ${article}`;
}

/** The element ids of an article and of one of its clauses. */
export const articleId = (article: string): string => `article-${article}`;
export const clauseId = (article: string, clause: string | null): string =>
  clause === null ? articleId(article) : `article-${article}-${clause}`;
