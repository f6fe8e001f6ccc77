/**
 * The add/edit form of an entry: a term in each language (required), variants,
 * definitions, tags and the entry's citations. Errors show at the field, in the
 * page's language, and the limits of glossary/limits.ts are checked before the
 * background sees the entry; a term that is already in the glossary shows a
 * warning with a link to that entry. Editing a bundled entry saves a personal
 * override.
 *
 * Citations of the Constitution are chosen, not typed: the edition, then an
 * article and clause of the bundled texts (glossary/sources.ts), whose text is
 * shown in both languages; the quote is the part of it the user selects. Every
 * citation can be edited, added or removed. Code citations (bundled entries)
 * are shown and kept exactly as they are.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { citationProblem, quoteProblem } from '../glossary/citation-check';
import { CODES } from '../glossary/codes';
import { LIMITS } from '../glossary/limits';
import { foldTerm } from '../glossary/normalize';
import { clauses, findRecord } from '../glossary/sources';
import {
  isCodeCitation,
  type Citation,
  type CodeCitation,
  type Edition,
  type Entry,
  type Lang,
} from '../glossary/types';
import { CodedError } from '../lib/errors';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';

export interface EntryFormProps {
  /** The entry being edited; null to add one. */
  editing: StoredEntry | null;
  /** Pre-fill of the add form (from the context menu). */
  prefill?: { text: string; lang: Lang | null };
  /** The effective glossary, for the duplicate warning. */
  glossary: readonly StoredEntry[];
  /** Whether a bundled entry exists under the edited id (so it can be reset). */
  hasBundled: boolean;
  t: Translate;
  onSave: (entry: Entry) => Promise<void>;
  onCancel: () => void;
  onReset: (id: string) => Promise<void>;
  onOpen: (id: string) => void;
  /**
   * What the page says after a save or a reset. It lives in the page, not the
   * form: the form is made anew when the saved entry comes back changed.
   */
  notice?: string | null;
}

interface Fields {
  'kk-term': string;
  'ru-term': string;
  'kk-variants': string;
  'ru-variants': string;
  'kk-definition': string;
  'ru-definition': string;
  tags: string;
}
type FieldName = keyof Fields;

interface ConstitutionDraft {
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

function fieldsOf(entry: StoredEntry | null, prefill?: EntryFormProps['prefill']): Fields {
  const fields: Fields = {
    'kk-term': entry?.kk.term ?? '',
    'ru-term': entry?.ru.term ?? '',
    'kk-variants': entry?.kk.variants.join('\n') ?? '',
    'ru-variants': entry?.ru.variants.join('\n') ?? '',
    'kk-definition': entry?.kk.definition ?? '',
    'ru-definition': entry?.ru.definition ?? '',
    tags: entry?.tags.join(', ') ?? '',
  };
  if (!entry && prefill?.text) fields[prefill.lang === 'ru' ? 'ru-term' : 'kk-term'] = prefill.text;
  return fields;
}

function draftsOf(entry: StoredEntry | null): CitationDraft[] {
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

function citationOf(d: CitationDraft): Citation {
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
function newDraft(edition: Edition = '2026'): ConstitutionDraft {
  const article = articlesOf(edition)[0] ?? '1';
  return {
    kind: 'constitution',
    edition,
    article,
    clause: clausesOf(edition, article)[0] ?? '',
    quote: { kk: '', ru: '' },
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function entryOf(f: Fields, drafts: CitationDraft[], editing: StoredEntry | null): Entry {
  const entry: Entry = {
    id: editing?.id ?? '',
    kk: {
      term: f['kk-term'].trim(),
      variants: lines(f['kk-variants']),
      definition: f['kk-definition'].trim(),
    },
    ru: {
      term: f['ru-term'].trim(),
      variants: lines(f['ru-variants']),
      definition: f['ru-definition'].trim(),
    },
    // In the order the entry had them; code citations exactly as they were.
    citations: drafts.map(citationOf),
    tags: f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  if (editing?.en) entry.en = editing.en;
  if (editing?.status) entry.status = editing.status;
  // The context rules (glossary/context.ts) have no fields in the form: an edit keeps them.
  if (editing?.sense) entry.sense = editing.sense;
  if (editing?.quiet) entry.quiet = editing.quiet;
  for (const lang of ['kk', 'ru'] as const) {
    const statuses = editing?.[lang].variantStatus;
    if (!statuses) continue;
    const kept = Object.entries(statuses).filter(([v]) => entry[lang].variants.includes(v));
    if (kept.length) entry[lang].variantStatus = Object.fromEntries(kept);
  }
  return entry;
}

/** Errors by field name (`kk-term`) or citation (`citation-0`). */
type Errors = Partial<Record<string, string>>;

function validate(f: Fields, drafts: CitationDraft[], t: Translate): Errors {
  const errors: Errors = {};
  const tooLong = (name: FieldName, field: string, text: string, max: number) => {
    if (text.length > max && !errors[name]) {
      errors[name] = t.error(new CodedError('entry.tooLong', { field, length: text.length, max }));
    }
  };
  const tooMany = (name: FieldName, field: string, count: number, max: number) => {
    if (count > max && !errors[name]) {
      errors[name] = t.error(new CodedError('entry.tooMany', { field, count, max }));
    }
  };
  if (!f['kk-term'].trim()) errors['kk-term'] = t('form.error.kkTerm');
  if (!f['ru-term'].trim()) errors['ru-term'] = t('form.error.ruTerm');
  for (const lang of ['kk', 'ru'] as const) {
    tooLong(`${lang}-term`, `${lang}.term`, f[`${lang}-term`].trim(), LIMITS.term);
    const variants = lines(f[`${lang}-variants`]);
    for (const v of variants) tooLong(`${lang}-variants`, `${lang}.variant`, v, LIMITS.variant);
    tooMany(`${lang}-variants`, `${lang}.variants`, variants.length, LIMITS.variants);
    tooLong(
      `${lang}-definition`,
      `${lang}.definition`,
      f[`${lang}-definition`].trim(),
      LIMITS.definition,
    );
  }
  const tags = f.tags
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const tag of tags) tooLong('tags', 'tag', tag, LIMITS.tag);
  tooMany('tags', 'tags', tags.length, LIMITS.tags);
  drafts.forEach((d, i) => {
    if (d.kind === 'code') return;
    const c = citationOf(d);
    const problem = citationProblem(c, i) ?? quoteProblem(c, i);
    if (problem) errors[`citation-${i}`] = t.error(problem);
  });
  return errors;
}

type TermIndex = Record<Lang, Map<string, StoredEntry[]>>;

/** The entries by each folded term and variant, per language: built once per glossary, not per keystroke. */
function indexTerms(glossary: readonly StoredEntry[]): TermIndex {
  const index: TermIndex = { kk: new Map(), ru: new Map() };
  for (const e of glossary) {
    for (const lang of ['kk', 'ru'] as const) {
      for (const v of [e[lang].term, ...e[lang].variants]) {
        const key = foldTerm(v);
        const list = index[lang].get(key);
        if (list) list.push(e);
        else index[lang].set(key, [e]);
      }
    }
  }
  return index;
}

/** Another entry that has this term (or variant) in this language. */
function findDuplicate(
  index: TermIndex,
  lang: Lang,
  term: string,
  selfId: string | undefined,
): StoredEntry | undefined {
  const key = foldTerm(term);
  return key ? index[lang].get(key)?.find((e) => e.id !== selfId) : undefined;
}

export function EntryForm(props: EntryFormProps) {
  const { editing, glossary, t } = props;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(editing, props.prefill));
  const [drafts, setDrafts] = useState<CitationDraft[]>(() => draftsOf(editing));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const index = useMemo(() => indexTerms(glossary), [glossary]);
  const kkTerm = fields['kk-term'];
  const ruTerm = fields['ru-term'];
  const duplicates = useMemo(
    () =>
      (['kk', 'ru'] as const).flatMap((lang) => {
        const term = lang === 'kk' ? kkTerm : ruTerm;
        const hit = findDuplicate(index, lang, term, editing?.id);
        return hit ? [{ lang, term: term.trim(), hit }] : [];
      }),
    [index, kkTerm, ruTerm, editing],
  );

  const set = (name: FieldName) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setFields((f) => ({ ...f, [name]: value }));
    if (errors[name]) setErrors((er) => ({ ...er, [name]: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(fields, drafts, t);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      form.current
        ?.querySelector<HTMLElement>(`[name="${first}"], [data-citation="${first}"] select`)
        ?.focus();
      return;
    }
    setBusy(true);
    try {
      setStatus(null);
      await props.onSave(entryOf(fields, drafts, editing));
    } catch (err) {
      setStatus(t.error(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (
    name: FieldName,
    label: string,
    opts: { multiline?: boolean; lang?: string } = {},
  ) => {
    const id = `f-${name}`;
    const error = errors[name];
    const Tag = opts.multiline ? 'textarea' : 'input';
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <Tag
          id={id}
          name={name}
          {...(opts.multiline ? { rows: 3 } : { type: 'text' })}
          lang={opts.lang}
          value={fields[name]}
          onInput={set(name)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p id={`${id}-error`} class="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const isOverride = editing?.source === 'personal' && props.hasBundled;
  return (
    <form ref={form} class="entry-form" onSubmit={submit} noValidate aria-labelledby="form-title">
      <h2 id="form-title">{editing ? t('form.editTitle') : t('form.addTitle')}</h2>
      {editing && props.hasBundled ? <p class="note">{t('form.editBundledNote')}</p> : null}
      {duplicates.map(({ lang, term, hit }) => (
        <div class="warning duplicate" role="status" key={lang}>
          {t('form.duplicate', {
            term,
            source: t(hit.source === 'bundled' ? 'form.source.bundled' : 'form.source.personal'),
          })}{' '}
          <button type="button" class="link" onClick={() => props.onOpen(hit.id)}>
            {t('form.duplicate.open')}
          </button>
        </div>
      ))}
      <div class="sides">
        <fieldset lang="kk">
          <legend>{t('form.kk')}</legend>
          {input('kk-term', t('form.term'), { lang: 'kk' })}
          {input('kk-variants', t('form.variants'), { multiline: true, lang: 'kk' })}
          {input('kk-definition', t('form.definition'), { multiline: true, lang: 'kk' })}
        </fieldset>
        <fieldset lang="ru">
          <legend>{t('form.ru')}</legend>
          {input('ru-term', t('form.term'), { lang: 'ru' })}
          {input('ru-variants', t('form.variants'), { multiline: true, lang: 'ru' })}
          {input('ru-definition', t('form.definition'), { multiline: true, lang: 'ru' })}
        </fieldset>
      </div>
      {input('tags', t('form.tags'))}
      <section class="citations" aria-labelledby="citations-title">
        <h3 id="citations-title">{t('form.citations')}</h3>
        {drafts.map((d, i) =>
          d.kind === 'code' ? (
            <CodeCitationView key={i} citation={d.citation} t={t} />
          ) : (
            <CitationEditor
              key={i}
              index={i}
              draft={d}
              error={errors[`citation-${i}`]}
              t={t}
              onChange={(next) => {
                setDrafts((all) => all.map((x, k) => (k === i ? next : x)));
                if (errors[`citation-${i}`]) {
                  setErrors((er) => ({ ...er, [`citation-${i}`]: undefined }));
                }
              }}
              onRemove={() => {
                setDrafts((all) => all.filter((_, k) => k !== i));
                setErrors((er) => {
                  const next: Errors = {};
                  for (const [k, v] of Object.entries(er))
                    if (!k.startsWith('citation-')) next[k] = v;
                  return next;
                });
              }}
            />
          ),
        )}
        <button
          type="button"
          name="add-citation"
          disabled={drafts.length >= LIMITS.citations}
          onClick={() => setDrafts((all) => [...all, newDraft()])}
        >
          + {t('form.citation.add')}
        </button>
      </section>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('form.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
        {isOverride ? (
          <button
            type="button"
            class="danger"
            onClick={() => {
              void props.onReset(editing.id);
            }}
          >
            {t('form.reset')}
          </button>
        ) : null}
      </div>
      <p class="form-status" role="status" aria-live="polite">
        {status ?? props.notice}
      </p>
    </form>
  );
}

function CodeCitationView({ citation, t }: { citation: CodeCitation; t: Translate }) {
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
function CitationEditor({ index, draft, error, t, onChange, onRemove }: CitationEditorProps) {
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
        <div class="field">
          <label for={id('edition')}>{t('form.edition')}</label>
          <select
            id={id('edition')}
            name={id('edition')}
            value={draft.edition}
            onChange={(e) => setEdition(e.currentTarget.value as Edition)}
          >
            <option value="2026">{t('form.edition.2026')}</option>
            <option value="1995">{t('form.edition.1995')}</option>
          </select>
        </div>
        <div class="field">
          <label for={id('article')}>{t('form.article')}</label>
          <select
            id={id('article')}
            name={id('article')}
            value={draft.article}
            onChange={(e) => setArticle(e.currentTarget.value)}
          >
            {known ? null : <option value={draft.article}>{draft.article}</option>}
            {articles.map((a) => (
              <option value={a} key={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={id('clause')}>{t('form.clause')}</label>
          <select
            id={id('clause')}
            name={id('clause')}
            value={draft.clause}
            onChange={(e) => setClause(e.currentTarget.value)}
          >
            {clauseList.includes(draft.clause) ? null : (
              <option value={draft.clause}>{draft.clause || '—'}</option>
            )}
            {clauseList.map((c) => (
              <option value={c} key={c}>
                {c || t('form.clause.whole')}
              </option>
            ))}
          </select>
        </div>
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
      {hint ? (
        <p class="note" role="status">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
