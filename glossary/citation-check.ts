/**
 * Whether a Constitution citation names a clause of the bundled texts
 * (glossary/sources.ts), and whether its quotes are word for word from that
 * clause. Code citations are not checked here (their texts are not bundled in
 * the options page).
 */
import { CodedError } from './errors';
import { clauses, findRecord } from './sources';
import { isCodeCitation, type Citation, type Lang } from './types';

/** The problem with citation `index` (0-based), or null: article and clause must exist. */
export function citationProblem(c: Citation, index: number): CodedError | null {
  if (isCodeCitation(c)) return null;
  const n = index + 1;
  if (findRecord(c.edition, 'kk', c.article, c.clause)) return null;
  const hasArticle = clauses(c.edition, 'kk').some((r) => r.article === c.article);
  return hasArticle
    ? new CodedError('entry.citation.noClause', {
        n,
        edition: c.edition,
        article: c.article,
        clause: c.clause ?? '—',
      })
    : new CodedError('entry.citation.noArticle', { n, edition: c.edition, article: c.article });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The quote problem of citation `index`: a non-empty quote must be part of its clause's text. */
export function quoteProblem(c: Citation, index: number): CodedError | null {
  if (isCodeCitation(c)) return null;
  for (const lang of ['kk', 'ru'] as Lang[]) {
    const quote = squash(c.quote[lang]);
    if (!quote) continue;
    const record = findRecord(c.edition, lang, c.article, c.clause);
    const texts = [record?.text ?? '', record?.text_as_published ?? ''].map(squash);
    if (!texts.some((t) => t.includes(quote))) {
      return new CodedError('entry.citation.quote', { n: index + 1, lang });
    }
  }
  return null;
}
