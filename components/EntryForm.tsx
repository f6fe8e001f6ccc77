/**
 * The add/edit form of an entry: a term in each language (required), variants,
 * definitions, tags and the entry's citations. Errors show at the field, in the
 * page's language, and the limits of glossary/limits.ts are checked before the
 * background sees the entry; a term that is already in the glossary shows a
 * warning with a link to that entry (the background finds it by its terms
 * index: the page does not hold the glossary). Editing a bundled entry saves a
 * personal override.
 *
 * Every citation can be edited, added or removed; how one is chosen is in
 * components/CitationEditor.tsx.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { citationProblem, quoteProblem } from '../glossary/citation-check';
import { checkEntry, type ValidationError } from '../glossary/entry-model';
import { LIMITS } from '../glossary/limits';
import type { Entry, Lang } from '../glossary/types';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';
import { Field } from './Field';
import {
  CitationEditor,
  CodeCitationView,
  citationOf,
  draftsOf,
  newDraft,
  type CitationDraft,
} from './CitationEditor';

export interface EntryFormProps {
  /** The entry being edited; null to add one. */
  editing: StoredEntry | null;
  /** Pre-fill of the add form (from the context menu). */
  prefill?: { text: string; lang: Lang | null };
  /**
   * Another entry of the glossary with this term or variant in this language
   * (not `except`), for the duplicate warning: the background's `entries/with-term`.
   */
  findDuplicate: (lang: Lang, term: string, except?: string) => Promise<StoredEntry | null>;
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

/** The form's two sides, Kazakh first, each with its term, variants and definition. */
const SIDES: readonly Lang[] = ['kk', 'ru'];

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

/** The form field an entry-model problem is about (its `field` parameter, and `n` for a citation). */
function fieldOf(problem: ValidationError): string | null {
  const { field, n } = problem.params;
  if (typeof n === 'number' && problem.code.startsWith('entry.citation'))
    return `citation-${n - 1}`;
  if (typeof field !== 'string') return null;
  if (field.startsWith('citation') && typeof n === 'number') return `citation-${n - 1}`;
  const [lang, part] = field.split('.');
  if ((lang === 'kk' || lang === 'ru') && part) {
    return `${lang}-${part === 'variant' ? 'variants' : part}`;
  }
  return field === 'tag' || field === 'tags' ? 'tags' : null;
}

/** The entry model's problems by field (the first per field), and the quotes checked against the Constitution. */
function validate(
  f: Fields,
  drafts: CitationDraft[],
  editing: StoredEntry | null,
  t: Translate,
): Errors {
  const errors: Errors = {};
  for (const problem of checkEntry(entryOf(f, drafts, editing)).problems) {
    const name = fieldOf(problem) ?? 'form';
    if (errors[name]) continue;
    if (problem.code === 'entry.required' && name === 'kk-term') {
      errors[name] = t('form.error.kkTerm');
    } else if (problem.code === 'entry.required' && name === 'ru-term') {
      errors[name] = t('form.error.ruTerm');
    } else {
      errors[name] = t.error(problem);
    }
  }
  drafts.forEach((d, i) => {
    if (d.kind === 'code' || errors[`citation-${i}`]) return;
    const c = citationOf(d);
    const problem = citationProblem(c, i) ?? quoteProblem(c, i);
    if (problem) errors[`citation-${i}`] = t.error(problem);
  });
  return errors;
}

/** A term of the form that is already in the glossary, and the entry that has it. */
interface Duplicate {
  term: string;
  hit: StoredEntry;
}

/** The entry (other than the one edited) that has the term typed in this language, asked as it is typed. */
function useDuplicate(
  find: EntryFormProps['findDuplicate'],
  lang: Lang,
  typed: string,
  selfId: string | undefined,
): Duplicate | null {
  const term = typed.trim();
  const [found, setFound] = useState<Duplicate | null>(null);
  useEffect(() => {
    if (!term) return setFound(null);
    let live = true;
    find(lang, term, selfId).then(
      (hit) => live && setFound(hit ? { term, hit } : null),
      // Only a warning: a failed look-up shows none.
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [find, lang, term, selfId]);
  // An answer for a term since changed is not shown.
  return found?.term === term ? found : null;
}

export function EntryForm(props: EntryFormProps) {
  const { editing, findDuplicate, t } = props;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(editing, props.prefill));
  const [drafts, setDrafts] = useState<CitationDraft[]>(() => draftsOf(editing));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const kkDuplicate = useDuplicate(findDuplicate, 'kk', fields['kk-term'], editing?.id);
  const ruDuplicate = useDuplicate(findDuplicate, 'ru', fields['ru-term'], editing?.id);
  const duplicates = [
    ...(kkDuplicate ? [{ lang: 'kk', ...kkDuplicate }] : []),
    ...(ruDuplicate ? [{ lang: 'ru', ...ruDuplicate }] : []),
  ];

  const set = (name: FieldName) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setFields((f) => ({ ...f, [name]: value }));
    if (errors[name]) setErrors((er) => ({ ...er, [name]: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = validate(fields, drafts, editing, t);
    setErrors(found);
    // A problem of no one field (the entry's rules, too many citations) is said in the status line.
    setStatus(found.form ?? null);
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
      <Field id={id} label={label}>
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
      </Field>
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
        {SIDES.map((lang) => (
          <fieldset lang={lang} key={lang}>
            <legend>{t(`form.${lang}`)}</legend>
            {input(`${lang}-term`, t('form.term'), { lang })}
            {input(`${lang}-variants`, t('form.variants'), { multiline: true, lang })}
            {input(`${lang}-definition`, t('form.definition'), { multiline: true, lang })}
          </fieldset>
        ))}
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
