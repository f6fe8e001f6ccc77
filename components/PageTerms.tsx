/**
 * The page's terms (the side panel): the glossary terms painted on a tab, with
 * their equivalents and counts, filtered and sorted, with next/previous to
 * step through a term's occurrences on the page, and the list exported as CSV
 * or TBX — a translator's term list for the document. The tab is asked
 * through lib/page-protocol.ts; the list reloads when the tab says its
 * highlights changed (a port the panel keeps open to it), never on a timer.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EXPORTERS } from '../glossary/io';
import type { Entry, Lang } from '../glossary/types';
import type { Translate } from '../lib/i18n';
import { askTab, watchTab, type PageTermRow, type StepAnswer } from '../lib/page-protocol';
import type { StoredEntry } from '../lib/protocol';
import { download } from './download';
import { Choice, TextBox } from './Field';

/**
 * After the tab's port closed (a navigation, or a page whose content script
 * has not started yet), connect again after these waits, then give up until
 * the tab finishes loading a page.
 */
const RECONNECT_MS = [250, 500, 1000, 2000, 4000];

const PAGE_TERMS_SORTS = ['count', 'order'] as const;
export type PageTermsSort = (typeof PAGE_TERMS_SORTS)[number];

export interface ShownTerm extends PageTermRow {
  /** The term in the other language, or '' when the entry is not in the glossary any more. */
  equivalent: string;
}

const other = (l: Lang): Lang => (l === 'kk' ? 'ru' : 'kk');

/**
 * The rows to show: with their equivalents, those whose page text, Kazakh or
 * Russian term contains the filter (any case), by count (ties in page order)
 * or in page order.
 */
export function shownTerms(
  rows: readonly PageTermRow[],
  entries: ReadonlyMap<string, Entry>,
  filter: string,
  sort: PageTermsSort,
): ShownTerm[] {
  const needle = filter.trim().toLocaleLowerCase();
  const out: ShownTerm[] = [];
  for (const row of rows) {
    const e = entries.get(row.id);
    const hay = [row.text, e?.kk.term ?? '', e?.ru.term ?? ''].join('\n').toLocaleLowerCase();
    if (needle && !hay.includes(needle)) continue;
    out.push({ ...row, equivalent: e ? e[other(row.lang)].term : '' });
  }
  return out.sort((a, b) => (sort === 'count' ? b.count - a.count : 0) || a.first - b.first);
}

export interface PageTermsProps {
  /** The tab shown; null while it is not known yet. */
  tabId: number | null;
  /** The glossary (for the equivalents), null while loading. */
  glossary: readonly StoredEntry[] | null;
  t: Translate;
}

export function PageTerms({ tabId, glossary, t }: PageTermsProps) {
  const [rows, setRows] = useState<PageTermRow[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<PageTermsSort>('count');
  const [positions, setPositions] = useState(new Map<string, StepAnswer>());

  useEffect(() => {
    setRows(null);
    setUnavailable(false);
    setPositions(new Map());
    if (tabId === null) return;
    let live = true;
    let seen = '';
    /** A change came while the panel was hidden: load when it is shown. */
    let behind = false;
    let unwatch: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    const load = () => {
      if (document.visibilityState !== 'visible') {
        behind = true;
        return;
      }
      behind = false;
      askTab(tabId, 'page/terms', {}).then(
        (res) => {
          if (!live) return;
          attempt = 0;
          setUnavailable(false);
          const now = `${res.page}#${res.revision}`;
          if (now === seen) return;
          seen = now;
          setRows(res.terms);
        },
        () => {
          if (live) setUnavailable(true);
        },
      );
    };
    const watch = () => {
      if (retry !== null) clearTimeout(retry);
      retry = null;
      unwatch?.();
      unwatch = watchTab(tabId, load, () => {
        unwatch = null;
        const wait = RECONNECT_MS[attempt++];
        if (live && wait !== undefined) retry = setTimeout(watch, wait);
      });
      load();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id !== tabId || info.status !== 'complete') return;
      attempt = 0;
      watch();
    };
    const onVisibility = () => {
      if (behind) load();
    };
    watch();
    browser.tabs.onUpdated.addListener(onUpdated);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      if (retry !== null) clearTimeout(retry);
      unwatch?.();
      browser.tabs.onUpdated.removeListener(onUpdated);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [tabId]);

  const entries = useMemo(() => new Map((glossary ?? []).map((e) => [e.id, e])), [glossary]);
  const shown = useMemo(
    () => shownTerms(rows ?? [], entries, filter, sort),
    [rows, entries, filter, sort],
  );

  const step = (id: string, direction: 1 | -1) => {
    if (tabId === null) return;
    void askTab(tabId, 'page/step', { id, direction }).then(
      (pos) => setPositions((m) => new Map(m).set(id, pos ?? { index: 0, count: 0 })),
      () => setUnavailable(true),
    );
  };
  const exportAs = (format: 'csv' | 'tbx') => {
    const found = shown.map((r) => entries.get(r.id)).filter((e): e is StoredEntry => !!e);
    const { write, mime } = EXPORTERS[format];
    download(`ata-zan-page-terms.${format}`, mime, write(found));
  };

  if (unavailable) return <p class="help">{t('panel.unavailable')}</p>;
  if (rows === null || glossary === null) return <p>{t('popup.loading')}</p>;
  if (rows.length === 0) return <p class="empty">{t('panel.empty')}</p>;
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <section class="page-terms">
      <p class="summary">{t('panel.summary', { terms: rows.length, count: total })}</p>
      <div class="page-terms-bar">
        <TextBox
          id="page-terms-filter"
          name="filter"
          label={t('panel.filter')}
          value={filter}
          onValue={setFilter}
        />
        <label class="visually-hidden" for="page-terms-sort">
          {t('panel.sort')}
        </label>
        <Choice
          id="page-terms-sort"
          name="sort"
          value={sort}
          choices={PAGE_TERMS_SORTS}
          show={(s) => t(`panel.sort.${s}`)}
          onChange={setSort}
        />
      </div>
      {shown.length === 0 ? (
        <p class="empty">{t('panel.noMatch')}</p>
      ) : (
        <table class="page-terms-table">
          <thead>
            <tr>
              <th scope="col">{t('panel.term')}</th>
              <th scope="col">{t('panel.equivalent')}</th>
              <th scope="col">{t('panel.count')}</th>
              <th scope="col">{t('panel.go')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const pos = positions.get(r.id);
              return (
                <tr key={r.id} data-entry-id={r.id}>
                  <td class="term" lang={r.lang}>
                    {r.text}
                  </td>
                  <td class="equivalent" lang={other(r.lang)}>
                    {r.equivalent}
                  </td>
                  <td class="count">{r.count}</td>
                  <td class="go">
                    <button
                      type="button"
                      name="prev"
                      aria-label={t('panel.prev', { term: r.text })}
                      onClick={() => step(r.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      name="next"
                      aria-label={t('panel.next', { term: r.text })}
                      onClick={() => step(r.id, 1)}
                    >
                      ↓
                    </button>
                    {pos && pos.count > 0 ? (
                      <span class="position" aria-live="polite">
                        {t('panel.position', { index: pos.index, count: pos.count })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="row">
        <button type="button" name="export-csv" onClick={() => exportAs('csv')}>
          {t('io.export.csv')}
        </button>
        <button type="button" name="export-tbx" onClick={() => exportAs('tbx')}>
          {t('io.export.tbx')}
        </button>
      </div>
    </section>
  );
}
