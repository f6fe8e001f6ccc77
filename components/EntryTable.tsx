/**
 * The personal glossary as a table: filter, sort by column, edit, and delete
 * with an undo that restores the very row that was deleted. Rows can be
 * selected (one by one, or all the filter lets through) and deleted together;
 * that bulk delete is one batch in the background, undone in one click.
 *
 * A termbase holds tens of thousands of entries, so the table holds one page
 * of them: it asks the background for the page it shows (`loadPage`, filtered
 * and sorted by the rule of glossary/entry-list.ts) and asks again when the
 * filter, the order or the page changes, and when the glossary changes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_ENTRY_SORT,
  type EntryPage,
  type EntryPageQuery,
  type EntrySort,
  type EntrySortKey,
} from '../glossary/entry-list';
import type { Translate } from '../lib/i18n';
import type { DeleteSummary, StoredEntry } from '../lib/protocol';
import { TextBox } from './Field';
import { Message } from './Message';

export interface EntryTableProps {
  /** One page of the personal entries, filtered and sorted (the background's `entries/page`). */
  loadPage: (query: EntryPageQuery) => Promise<EntryPage<StoredEntry>>;
  /** The ids of every entry the filter lets through (`entries/ids`), for "select all". */
  loadIds: (filter: string) => Promise<string[]>;
  /** Changes whenever the glossary changes: the page shown is read again. */
  revision: number;
  t: Translate;
  lang: string;
  onEdit: (id: string) => void;
  onDelete: (id: string) => Promise<StoredEntry | null>;
  onRestore: (entry: StoredEntry) => Promise<void>;
  onDeleteMany?: (ids: string[]) => Promise<DeleteSummary>;
  onUndoBatch?: (batchId: number) => Promise<void>;
  /** Called once the first page is drawn, or its failure shown (the page then loads what it left for later). */
  onShown?: () => void;
}

/** What the toast offers to undo: one deleted row, or a batch of them. */
type Undoable =
  { kind: 'one'; entry: StoredEntry } | { kind: 'many'; count: number; batchId: number };

/** Rows drawn at once; the pager moves through the rest. */
export const PAGE_SIZE = 100;

export function EntryTable(props: EntryTableProps) {
  const { loadPage, loadIds, revision, t, lang, onEdit, onDelete, onRestore } = props;
  const { onDeleteMany, onUndoBatch, onShown } = props;
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<EntrySort>(DEFAULT_ENTRY_SORT);
  const [page, setPage] = useState(0);
  const [deleted, setDeleted] = useState<Undoable | null>(null);
  /** Ids of entries the current filter lets through (a new filter starts with none). */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  /** The page shown; null until the first answer. */
  const [data, setData] = useState<EntryPage<StoredEntry> | null>(null);
  /** Bumped after this table's own writes, so it reads again without waiting for the broadcast. */
  const [writes, setWrites] = useState(0);
  /** The latest request: an older answer that comes later is dropped. */
  const asked = useRef(0);
  // Drawn, or said why not.
  const shown = data !== null || problem !== null;
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);

  useEffect(() => {
    const n = ++asked.current;
    loadPage({ filter, sort, lang, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then((answer) => {
        if (n !== asked.current) return;
        const last = Math.max(0, Math.ceil(answer.total / PAGE_SIZE) - 1);
        // The page is past the end (its rows were deleted): show the last one instead.
        if (page > last) setPage(last);
        else setData(answer);
      })
      .catch((err) => n === asked.current && setProblem(t.error(err)));
  }, [loadPage, filter, sort, lang, page, revision, writes, t]);

  // After a change, only entries that still exist (and the filter still lets through) stay selected.
  useEffect(() => {
    if (selected.size === 0) return;
    let live = true;
    loadIds(filter)
      .then((ids) => {
        if (!live) return;
        setSelected((sel) => new Set(ids.filter((id) => sel.has(id))));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only a change of the glossary asks again, not a change of the selection.
  }, [revision, writes]);

  const changeFilter = (value: string) => {
    setFilter(value);
    setPage(0);
    setSelected(new Set());
  };
  const changeSort = (next: EntrySort) => {
    setSort(next);
    setPage(0);
  };

  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);

  const header = (key: EntrySortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="sort"
          title={t('table.sortBy', { column: label })}
          onClick={() => changeSort({ key, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  const allShown = total > 0 && selected.size === total;
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
      setWrites((w) => w + 1);
    });
  const removeSelected = () =>
    attempt(async () => {
      if (!onDeleteMany || selected.size === 0) return;
      const res = await onDeleteMany([...selected]);
      setSelected(new Set());
      setWrites((w) => w + 1);
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
      setWrites((w) => w + 1);
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
          onValue={changeFilter}
        />
        {onDeleteMany && data && data.all > 0 ? (
          <button
            type="button"
            class="danger"
            name="delete-selected"
            disabled={selected.size === 0}
            onClick={() => void removeSelected()}
          >
            {t('table.deleteSelected', { count: selected.size })}
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
      {data === null ? (
        <p>{t('popup.loading')}</p>
      ) : data.all === 0 ? (
        <p class="empty">{t('table.empty')}</p>
      ) : total === 0 ? (
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
                      if (!e.currentTarget.checked) return setSelected(new Set());
                      void attempt(async () => setSelected(new Set(await loadIds(filter))));
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
            {rows.map((e) => (
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
      {total > PAGE_SIZE ? (
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
              to: (shownPage * PAGE_SIZE + rows.length).toLocaleString(lang),
              total: total.toLocaleString(lang),
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
