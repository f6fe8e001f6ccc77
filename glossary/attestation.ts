/**
 * Where a citation's quotes come from, and whether they are really there: the
 * rule every bundled entry is held to (glossary/README.md, "Attestation").
 * Used by the data tests and the glossary tools, not by the extension.
 */
import { codeRecords } from './code-sources';
import { foldTerm } from './normalize';
import { findClause, findRecord } from './sources';
import type { Citation, Lang } from './types';

const LANGS: readonly Lang[] = ['kk', 'ru'];

/** "criminal art. 99" or "2026 art. 76.1": where a citation points, for messages. */
export function citationPlace(c: Citation): string {
  const where = `art. ${c.article}${c.clause ? `.${c.clause}` : ''}`;
  return c.code !== undefined ? `${c.code} ${where} (${c.edition})` : `${c.edition} ${where}`;
}

/**
 * The official text a citation quotes, in one language: a Constitution clause,
 * or a code's article title or concept clause of the edition the citation
 * names. Undefined when there is no such record (or it was repealed); for a
 * code citation with clause null, the record whose text holds the quote.
 */
export function citedText(c: Citation, lang: Lang): string | undefined {
  if (c.code === undefined) return findClause(c.edition, lang, c.article, c.clause);
  const records = codeRecords(c.code, c.article, c.clause).filter((r) => r.edition === c.edition);
  const quote = foldTerm(c.quote[lang]);
  return (records.find((r) => foldTerm(r.text[lang]).includes(quote)) ?? records[0])?.text[lang];
}

/** What is wrong with a citation's source and quotes; empty when the quotes are verbatim. */
export function citationProblems(c: Citation): string[] {
  const problems: string[] = [];
  if (c.code === undefined) {
    if (!findRecord(c.edition, 'kk', c.article, c.clause)) return ['no such clause'];
  } else {
    const records = codeRecords(c.code, c.article, c.clause);
    if (records.length === 0) return ['no such article title or concept clause'];
    if (!records.some((r) => r.edition === c.edition))
      return [`edition should be ${[...new Set(records.map((r) => r.edition))].join(' or ')}`];
  }
  for (const lang of LANGS) {
    const text = citedText(c, lang);
    if (text === undefined) problems.push(`${lang}: the clause is repealed`);
    else if (!foldTerm(text).includes(foldTerm(c.quote[lang])))
      problems.push(`${lang}: quote not in the text: "${c.quote[lang]}"`);
  }
  return problems;
}
