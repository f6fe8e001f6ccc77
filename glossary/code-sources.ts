/**
 * The official texts of the codes the glossary cites (copies of the shared
 * sources in glossary/sources/codes, provenance in their README): every
 * article title in Kazakh and Russian aligned by number, and the article that
 * defines each code's concepts, clause by clause. Read by the tests and the
 * glossary tools to check citations; not bundled into the extension.
 */
import administrativeProcedure from './sources/codes/administrative-procedure.json';
import civilGeneral from './sources/codes/civil-general.json';
import civilProcedure from './sources/codes/civil-procedure.json';
import criminalProcedure from './sources/codes/criminal-procedure.json';
import criminal from './sources/codes/criminal.json';
import labour from './sources/codes/labour.json';
import type { CodeSlug, Lang } from './types';

interface ArticleRecord {
  article: string;
  kk: string | null;
  ru: string | null;
  repealed?: boolean;
  source_edition?: string;
}

interface ConceptRecord {
  article: string;
  clause: string | null;
  kk: string | null;
  ru: string | null;
}

interface CodeFile {
  code: string;
  version: { kk: string; ru: string };
  concepts_version?: { kk: string; ru: string };
  articles: ArticleRecord[];
  articles_unverified_2020_toc?: ArticleRecord[];
  concepts: ConceptRecord[];
}

const FILES: Readonly<Record<CodeSlug, CodeFile>> = {
  'civil-procedure': civilProcedure as CodeFile,
  'criminal-procedure': criminalProcedure as CodeFile,
  criminal: criminal as CodeFile,
  'administrative-procedure': administrativeProcedure as CodeFile,
  'civil-general': civilGeneral as CodeFile,
  labour: labour as CodeFile,
};

/** One record of a code's text that a citation may quote, with the edition it was read from. */
export interface CodeRecord {
  kind: 'title' | 'concept';
  article: string;
  clause: string | null;
  edition: string;
  text: Record<Lang, string>;
}

const key = (code: CodeSlug, article: string, clause: string | null): string =>
  `${code}|${article}|${clause ?? ''}`;

let index: Map<string, CodeRecord[]> | undefined;

function buildIndex(): Map<string, CodeRecord[]> {
  const m = new Map<string, CodeRecord[]>();
  const add = (code: CodeSlug, r: CodeRecord): void => {
    const k = key(code, r.article, r.clause);
    m.set(k, [...(m.get(k) ?? []), r]);
  };
  for (const [code, file] of Object.entries(FILES) as [CodeSlug, CodeFile][]) {
    const titles: [ArticleRecord, string][] = [
      ...file.articles.map((a): [ArticleRecord, string] => [a, file.version.kk]),
      ...(file.articles_unverified_2020_toc ?? []).map((a): [ArticleRecord, string] => [
        a,
        a.source_edition ?? '2020-01-01',
      ]),
    ];
    for (const [a, edition] of titles) {
      if (a.repealed || a.kk === null || a.ru === null) continue;
      add(code, {
        kind: 'title',
        article: a.article,
        clause: null,
        edition,
        text: { kk: a.kk, ru: a.ru },
      });
    }
    const conceptEdition = (file.concepts_version ?? file.version).kk;
    for (const c of file.concepts) {
      if (!c.kk || !c.ru) continue; // a repealed item printed in one language only
      add(code, {
        kind: 'concept',
        article: c.article,
        clause: c.clause,
        edition: conceptEdition,
        text: { kk: c.kk, ru: c.ru },
      });
    }
  }
  return m;
}

/**
 * The records a citation of (code, article, clause) may quote: for a numbered
 * clause, that concept clause; for clause null, the article's title and, for
 * a concepts article without numbered clauses, its whole text.
 */
export function codeRecords(code: CodeSlug, article: string, clause: string | null): CodeRecord[] {
  index ??= buildIndex();
  return index.get(key(code, article, clause)) ?? [];
}

/** Every record of a code: titles (in article order), then the concept clauses. */
export function allCodeRecords(code: CodeSlug): CodeRecord[] {
  index ??= buildIndex();
  const prefix = `${code}|`;
  return [...index.entries()].filter(([k]) => k.startsWith(prefix)).flatMap(([, rs]) => rs);
}
