/**
 * The citations of the entry form (components/EntryForm.tsx): a Constitution
 * citation is chosen, not typed — the edition, then an article and clause of
 * the bundled texts (glossary/sources.ts), shown in both languages, and the
 * quote is the part of it the user selects; a code citation (bundled entries)
 * is shown and kept exactly as it is.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { CODES } from '../glossary/codes';
import { clauses, findRecord } from '../glossary/sources';
import {
  isCodeCitation,
  type Citation,
  type CodeCitation,
  type Edition,
  type Lang,
} from '../glossary/types';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';
import { Choice, Field } from './Field';
import { Message } from './Message';

/** The Constitution's editions, newest first. */
const EDITIONS: readonly Edition[] = ['2026', '1995'];

export interface ConstitutionDraft {
  kind: 'constitution';
  edition: Edition;
  article: string;
  /** '' for an article without numbered clauses. */
  clause: string;
  quote: { kk: string; ru: string };
  mentions?: boolean;
}

/** One citation in the form: a Constitution clause being chosen, or a code citation kept as it is. */
export type CitationDraft = ConstitutionDraft | { kind: 'code'; citation: CodeCitation };

export function draftsOf(entry: StoredEntry | null): CitationDraft[] {
  return (entry?.citations ?? []).map((c): CitationDraft => {
    if (isCodeCitation(c)) return { kind: 'code', citation: c };
    const d: CitationDraft = {
      kind: 'constitution',
      edition: c.edition,
      article: c.article,
      clause: c.clause ?? '',
      quote: { ...c.quote },
    };
    if (c.mentions !== undefined) d.mentions = c.mentions;
    return d;
  });
}

export function citationOf(d: CitationDraft): Citation {
  if (d.kind === 'code') return d.citation;
  const c: Citation = {
    edition: d.edition,
    article: d.article,
    clause: d.clause || null,
    quote: { kk: d.quote.kk.trim(), ru: d.quote.ru.trim() },
  };
  if (d.mentions !== undefined) c.mentions = d.mentions;
  return c;
}

/** The articles of an edition, in the order of the text. */
function articlesOf(edition: Edition): string[] {
  return [...new Set(clauses(edition, 'kk').map((r) => r.article))];
}

/** The clauses of an article ('' for an article without numbered clauses). */
function clausesOf(edition: Edition, article: string): string[] {
  return clauses(edition, 'kk')
    .filter((r) => r.article === article)
    .map((r) => r.clause ?? '');
}

/** A fresh citation: the first clause of the first article. */
export function newDraft(edition: Edition = '2026'): ConstitutionDraft {
  const article = articlesOf(edition)[0] ?? '1';
  return {
    kind: 'constitution',
    edition,
    article,
    clause: clausesOf(edition, article)[0] ?? '',
    quote: { kk: '', ru: '' },
  };
}

export function CodeCitationView({ citation, t }: { citation: CodeCitation; t: Translate }) {
  const code = CODES[citation.code]?.short[t.lang] ?? citation.code;
  return (
    <div class="citation code-citation" data-code={citation.code}>
      <p>
        <strong>{code}</strong>, {t('form.citation.where', { article: citation.article })}
        {citation.clause ? `, ${t('form.citation.clauseN', { clause: citation.clause })}` : ''}{' '}
        <span class="note">({t('form.citation.codeKept')})</span>
      </p>
      <blockquote lang={t.lang === 'ru' ? 'ru' : 'kk'}>
        {t.lang === 'ru' ? citation.quote.ru : citation.quote.kk}
      </blockquote>
    </div>
  );
}

interface CitationEditorProps {
  index: number;
  draft: ConstitutionDraft;
  error: string | undefined;
  t: Translate;
  onChange: (next: CitationDraft) => void;
  onRemove: () => void;
}

/** One Constitution citation: edition, article, clause from the bundled texts; the quote picked from the clause. */
export function CitationEditor({
  index,
  draft,
  error,
  t,
  onChange,
  onRemove,
}: CitationEditorProps) {
  const articles = useMemo(() => articlesOf(draft.edition), [draft.edition]);
  const clauseList = useMemo(
    () => clausesOf(draft.edition, draft.article),
    [draft.edition, draft.article],
  );
  const texts = useRef<Record<Lang, HTMLTextAreaElement | null>>({ kk: null, ru: null });
  const [hint, setHint] = useState<string | null>(null);
  const id = (name: string) => `c${index}-${name}`;
  const known = articles.includes(draft.article);

  const setEdition = (edition: Edition) => onChange(newDraft(edition));
  const setArticle = (article: string) =>
    onChange({
      ...draft,
      article,
      clause: clausesOf(draft.edition, article)[0] ?? '',
      quote: { kk: '', ru: '' },
    });
  const setClause = (clause: string) => onChange({ ...draft, clause, quote: { kk: '', ru: '' } });
  const pick = (lang: Lang, whole: boolean) => {
    const area = texts.current[lang];
    if (!area) return;
    const part = whole
      ? area.value
      : area.value.slice(area.selectionStart ?? 0, area.selectionEnd ?? 0).trim();
    if (!part) {
      setHint(t('form.quote.selectFirst'));
      return;
    }
    setHint(null);
    onChange({ ...draft, quote: { ...draft.quote, [lang]: part } });
  };

  return (
    <fieldset
      class="citation"
      data-citation={`citation-${index}`}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend>{t('form.citation.number', { n: index + 1 })}</legend>
      <div class="row">
        <Field id={id('edition')} label={t('form.edition')}>
          <Choice
            name={id('edition')}
            value={draft.edition}
            choices={EDITIONS}
            show={(edition) => t(`form.edition.${edition}`)}
            onChange={setEdition}
          />
        </Field>
        <Field id={id('article')} label={t('form.article')}>
          <Choice
            name={id('article')}
            value={draft.article}
            choices={articles}
            show={(a) => a}
            onChange={setArticle}
          >
            {known ? null : <option value={draft.article}>{draft.article}</option>}
          </Choice>
        </Field>
        <Field id={id('clause')} label={t('form.clause')}>
          <Choice
            name={id('clause')}
            value={draft.clause}
            choices={clauseList}
            show={(c) => c || t('form.clause.whole')}
            onChange={setClause}
          >
            {clauseList.includes(draft.clause) ? null : (
              <option value={draft.clause}>{draft.clause || '—'}</option>
            )}
          </Choice>
        </Field>
        <button type="button" class="danger" name={id('remove')} onClick={onRemove}>
          {t('form.citation.remove')}
        </button>
      </div>
      {(['kk', 'ru'] as const).map((lang) => {
        const record = findRecord(draft.edition, lang, draft.article, draft.clause || null);
        return (
          <div class="clause" key={lang} lang={lang}>
            <label for={id(`text-${lang}`)}>
              {t('form.clause.text', { lang: t(lang === 'kk' ? 'form.kk' : 'form.ru') })}
            </label>
            <textarea
              id={id(`text-${lang}`)}
              name={id(`text-${lang}`)}
              readOnly
              rows={3}
              value={record?.text ?? ''}
              ref={(el) => {
                texts.current[lang] = el;
              }}
            />
            <div class="quote-actions">
              <button type="button" name={id(`pick-${lang}`)} onClick={() => pick(lang, false)}>
                {t('form.quote.pick')}
              </button>
              <button type="button" name={id(`whole-${lang}`)} onClick={() => pick(lang, true)}>
                {t('form.quote.whole')}
              </button>
            </div>
            <p class="quote-label">{t(lang === 'kk' ? 'form.quote.kk' : 'form.quote.ru')}</p>
            <blockquote class="quote" data-quote={lang}>
              {draft.quote[lang] || <span class="note">{t('form.quote.none')}</span>}
            </blockquote>
          </div>
        );
      })}
      <Message text={hint} role="status" />
      <Message text={error} class="field-error" />
    </fieldset>
  );
}
