/**
 * The personal glossary as a table: filter, sort by column, edit, and delete
 * with an undo that restores the very row that was deleted.
 */
import { useMemo, useState } from 'preact/hooks';
import { searchKey } from '../glossary/search';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';

export interface EntryTableProps {
  entries: readonly StoredEntry[];
  t: Translate;
  lang: string;
  onEdit: (id: string) => void;
  onDelete: (id: string) => Promise<StoredEntry | null>;
  onRestore: (entry: StoredEntry) => Promise<void>;
}

type SortKey = 'kk' | 'ru' | 'updated';

export function EntryTable({ entries, t, lang, onEdit, onDelete, onRestore }: EntryTableProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'updated', dir: -1 });
  const [deleted, setDeleted] = useState<StoredEntry | null>(null);

  const rows = useMemo(() => {
    const q = searchKey(filter);
    const text = (e: StoredEntry) =>
      searchKey([e.kk.term, e.ru.term, ...e.kk.variants, ...e.ru.variants, ...e.tags].join(' '));
    const shown = q ? entries.filter((e) => text(e).includes(q)) : [...entries];
    const collator = new Intl.Collator(lang);
    const value = (e: StoredEntry) => (sort.key === 'updated' ? e.updatedAt : e[sort.key].term);
    return shown.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const d =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : collator.compare(String(va), String(vb));
      return d * sort.dir;
    });
  }, [entries, filter, sort, lang]);

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

  const remove = async (id: string) => {
    const row = await onDelete(id);
    setDeleted(row);
  };
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });

  return (
    <section class="entries" aria-labelledby="entries-title">
      <div class="entries-bar">
        <label class="visually-hidden" for="entries-filter">
          {t('table.filter')}
        </label>
        <input
          id="entries-filter"
          type="search"
          name="filter"
          placeholder={t('table.filter')}
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </div>
      {deleted ? (
        <div class="toast" role="status">
          {t('table.deleted', { term: deleted.kk.term })}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              void onRestore(deleted).then(() => setDeleted(null));
            }}
          >
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
    </section>
  );
}
