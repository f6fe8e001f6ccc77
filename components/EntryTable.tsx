/**
 * The personal glossary as a table: filter, sort by column, edit, and delete
 * with an undo that restores the very row that was deleted. Rows can be
 * selected (one by one or all shown) and deleted together; that bulk delete
 * is one batch in the background, undone in one click.
 *
 * A termbase holds tens of thousands of entries: each entry's folded text is
 * made once per glossary (not per keystroke), the order once per sort, a
 * keystroke only tests the folded texts, and one page of rows is drawn.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { searchKey } from '../glossary/search';
import type { Translate } from '../lib/i18n';
import type { DeleteSummary, StoredEntry } from '../lib/protocol';
import { TextBox } from './Field';
import { Message } from './Message';

export interface EntryTableProps {
  entries: readonly StoredEntry[];
  t: Translate;
  lang: string;
  onEdit: (id: string) => void;
  onDelete: (id: string) => Promise<StoredEntry | null>;
  onRestore: (entry: StoredEntry) => Promise<void>;
  onDeleteMany?: (ids: string[]) => Promise<DeleteSummary>;
  onUndoBatch?: (batchId: number) => Promise<void>;
}

/** What the toast offers to undo: one deleted row, or a batch of them. */
type Undoable =
  { kind: 'one'; entry: StoredEntry } | { kind: 'many'; count: number; batchId: number };

type SortKey = 'kk' | 'ru' | 'updated';

/** Rows drawn at once; the pager moves through the rest. */
export const PAGE_SIZE = 100;

/** What the filter looks in: the terms, variants and tags, folded as the search folds them. */
const filterText = (e: StoredEntry) =>
  searchKey([e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, ...e.tags].join(' '));

export function EntryTable(props: EntryTableProps) {
  const { entries, t, lang, onEdit, onDelete, onRestore, onDeleteMany, onUndoBatch } = props;
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'updated', dir: -1 });
  const [deleted, setDeleted] = useState<Undoable | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  const [page, setPage] = useState(0);
  const texts = useMemo(() => entries.map(filterText), [entries]);
  /** Positions in `entries`, in the chosen order. */
  const order = useMemo(() => {
    const collator = new Intl.Collator(lang);
    const positions = entries.map((_, i) => i);
    const { key, dir } = sort;
    return positions.sort((a, b) => {
      const ea = entries[a]!;
      const eb = entries[b]!;
      const d =
        key === 'updated'
          ? ea.updatedAt - eb.updatedAt
          : collator.compare(ea[key].term, eb[key].term);
      return d * dir;
    });
  }, [entries, sort, lang]);
  const rows = useMemo(() => {
    const q = searchKey(filter);
    const out: StoredEntry[] = [];
    for (const i of order) if (!q || texts[i]!.includes(q)) out.push(entries[i]!);
    return out;
  }, [entries, texts, order, filter]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const pageRows = rows.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);
  // A new filter or order starts at the first page.
  useEffect(() => setPage(0), [filter, sort]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="sort"
          title={t('table.sortBy', { column: label })}
          onClick={() => setSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  // Only rows that still exist and are shown count as selected.
  const shownSelected = rows.filter((e) => selected.has(e.id)).map((e) => e.id);
  const allShown = rows.length > 0 && shownSelected.length === rows.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((sel) => {
      const next = new Set(sel);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Run an action; a failure becomes a message in the page's language. */
  const attempt = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (err) {
      setProblem(t.error(err));
    }
  };
  const remove = (id: string) =>
    attempt(async () => {
      const row = await onDelete(id);
      setDeleted(row ? { kind: 'one', entry: row } : null);
    });
  const removeSelected = () =>
    attempt(async () => {
      if (!onDeleteMany || shownSelected.length === 0) return;
      const res = await onDeleteMany(shownSelected);
      setSelected(new Set());
      setDeleted(
        res.batchId !== undefined
          ? { kind: 'many', count: res.deleted, batchId: res.batchId }
          : null,
      );
    });
  const undo = (what: Undoable) =>
    attempt(async () => {
      if (what.kind === 'one') await onRestore(what.entry);
      else await onUndoBatch?.(what.batchId);
      setDeleted(null);
    });
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });

  return (
    <section class="entries" aria-labelledby="entries-title">
      <div class="entries-bar">
        <TextBox
          id="entries-filter"
          name="filter"
          label={t('table.filter')}
          value={filter}
          onValue={setFilter}
        />
        {onDeleteMany && entries.length > 0 ? (
          <button
            type="button"
            class="danger"
            name="delete-selected"
            disabled={shownSelected.length === 0}
            onClick={() => void removeSelected()}
          >
            {t('table.deleteSelected', { count: shownSelected.length })}
          </button>
        ) : null}
      </div>
      <Message text={problem} />
      {deleted ? (
        <div class="toast" role="status">
          {deleted.kind === 'one'
            ? t('table.deleted', { term: deleted.entry.kk.term })
            : t('table.deletedMany', { count: deleted.count })}{' '}
          <button type="button" class="link" name="undo-delete" onClick={() => void undo(deleted)}>
            {t('table.undo')}
          </button>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p class="empty">{t('table.empty')}</p>
      ) : rows.length === 0 ? (
        <p class="empty">{t('table.noMatch')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {onDeleteMany ? (
                <th scope="col" class="select">
                  <input
                    type="checkbox"
                    name="select-all"
                    aria-label={t('table.selectAll')}
                    checked={allShown}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((sel) => {
                        const next = new Set(sel);
                        for (const r of rows) {
                          if (on) next.add(r.id);
                          else next.delete(r.id);
                        }
                        return next;
                      });
                    }}
                  />
                </th>
              ) : null}
              {header('kk', t('table.kk'))}
              {header('ru', t('table.ru'))}
              <th scope="col">{t('table.tags')}</th>
              {header('updated', t('table.updated'))}
              <th scope="col">
                <span class="visually-hidden">{t('table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((e) => (
              <tr key={e.id} data-entry-id={e.id}>
                {onDeleteMany ? (
                  <td class="select">
                    <input
                      type="checkbox"
                      name="select"
                      aria-label={t('table.select', { term: e.kk.term })}
                      checked={selected.has(e.id)}
                      onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                    />
                  </td>
                ) : null}
                <td lang="kk">
                  {e.kk.term}
                  {e.overrides ? <span class="badge">{t('table.override')}</span> : null}
                </td>
                <td lang="ru">{e.ru.term}</td>
                <td class="tags">{e.tags.join(', ')}</td>
                <td class="date">{dateFormat.format(e.updatedAt)}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    onClick={() => onEdit(e.id)}
                    aria-label={`${t('table.edit')}: ${e.kk.term}`}
                  >
                    {t('table.edit')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    onClick={() => void remove(e.id)}
                    aria-label={`${t('table.delete')}: ${e.kk.term}`}
                  >
                    {t('table.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > PAGE_SIZE ? (
        <nav class="pager" aria-label={t('table.pages')}>
          <button
            type="button"
            name="page-prev"
            disabled={shownPage === 0}
            onClick={() => setPage(shownPage - 1)}
          >
            ← {t('table.pagePrev')}
          </button>
          <span class="page-range" aria-live="polite">
            {t('table.pageRange', {
              from: (shownPage * PAGE_SIZE + 1).toLocaleString(lang),
              to: (shownPage * PAGE_SIZE + pageRows.length).toLocaleString(lang),
              total: rows.length.toLocaleString(lang),
            })}
          </span>
          <button
            type="button"
            name="page-next"
            disabled={shownPage >= pages - 1}
            onClick={() => setPage(shownPage + 1)}
          >
            {t('table.pageNext')} →
          </button>
        </nav>
      ) : null}
    </section>
  );
}
