/**
 * The popup's search: a search box with focus, results as you type (both terms
 * and the first citation), arrow keys and Enter to open one in the shared
 * TermCard, Escape to clear. The popup asks the background, which keeps the
 * index of the current glossary (`search/query`), so opening the popup builds
 * nothing; given entries instead, the panel builds its own index once per glossary.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSearch, type SearchHit } from '../glossary/search';
import { scriptLang } from '../glossary/script-lang';
import type { Lang } from '../glossary/types';
import type { Translate, UiLang } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';
import { citationLabel } from './citation-label';
import {
  MAX_RESULTS,
  movedSelection,
  searchStatus,
  type SearchResults,
  type Searcher,
} from './search-results';
import { TermCard } from './TermCard';

export interface SearchPanelProps {
  /** The effective glossary, searched here; null while it loads. Ignored when `search` is given. */
  entries?: StoredEntry[] | null;
  search?: Searcher;
  t: Translate;
  ui: UiLang;
  /** Open an entry in the options page. */
  onOpenEntry?: (id: string) => void;
  /** Start the search with this query (tests, deep links, the popup's first results). */
  initialQuery?: string;
  /** The popup's first results, shown until the panel's own answer comes. */
  initialResults?: SearchResults | null;
  /** The row selected in them. */
  initialActive?: number;
  /** The entry opened from them (its card shows at once). */
  initialOpened?: StoredEntry | null;
}

/** How soon an answer from a stand-in index is asked again. */
const RETRY_MS = 300;

export function SearchPanel(props: SearchPanelProps) {
  const { entries = null, search, t, ui, onOpenEntry, initialQuery = '' } = props;
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(props.initialActive ?? 0);
  const [opened, setOpened] = useState<StoredEntry | null>(props.initialOpened ?? null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const local = useMemo(
    () => (search || entries === null ? null : createSearch(entries)),
    [search, entries],
  );
  /** The background's last answer (the previous query's stays shown until the next one comes). */
  const [remote, setRemote] = useState<SearchResults | null>(props.initialResults ?? null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!search) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      search(query, MAX_RESULTS).then(
        (r) => {
          if (!live) return;
          setRemote(r);
          setFailed(null);
          if (r.complete === false) retry = setTimeout(() => void ask(), RETRY_MS);
        },
        (err: unknown) => live && setFailed(t.error(err)),
      );
    void ask();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [search, query, t]);
  const localResults = useMemo(
    () => local && { hits: local.search(query, MAX_RESULTS), size: local.size },
    [local, query],
  );
  const results: SearchResults | null = search ? remote : localResults;
  const hits = results?.hits ?? [];
  // The card reads first in the language typed; Latin or empty queries follow the UI.
  const cardLang: Lang = scriptLang(query) ?? (ui === 'kk' ? 'kk' : 'ru');

  const back = useRef<HTMLButtonElement>(null);
  // A layout effect, not an effect: the Escape handler must be in place as soon
  // as the card shows (effects wait for a frame, and a key pressed before it was lost).
  useLayoutEffect(() => {
    if (!opened) {
      input.current?.focus();
      return;
    }
    back.current?.focus();
    // Escape anywhere (focus may be on the card's buttons or nowhere) goes back to the results.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpened(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened]);
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      const key = e.key;
      setActive((i) => movedSelection(i, key, hits.length));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        setOpened(hit.entry);
      }
    } else if (e.key === 'Escape' && query !== '') {
      // Clear first; a second Escape closes the popup as usual.
      e.preventDefault();
      if (input.current) input.current.value = '';
      setQuery('');
      setActive(0);
    }
  };

  if (opened) {
    return (
      <section class="search-card">
        <button type="button" class="link back" ref={back} onClick={() => setOpened(null)}>
          ← {t('popup.back')}
        </button>
        <TermCard
          entry={opened}
          lang={cardLang}
          uiLanguage={ui}
          onOpen={onOpenEntry}
          onClose={() => setOpened(null)}
        />
      </section>
    );
  }

  const activeId = hits[active] ? `result-${active}` : undefined;
  return (
    <section class="search">
      <label class="visually-hidden" for="search">
        {t('popup.search.label')}
      </label>
      <input
        id="search"
        ref={input}
        type="search"
        name="q"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={t('popup.search.placeholder')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="results"
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        // Uncontrolled while typed in: an answer re-rendering the panel must never write an
        // older query back into the box (a lost keystroke); back from a card, it shows the query.
        defaultValue={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="status" role="status" aria-live="polite">
        {searchStatus(t, query, results, failed)}
      </p>
      <ul id="results" ref={list} role="listbox" aria-label={t('popup.results')}>
        {hits.map((hit, i) => (
          <ResultRow
            key={hit.entry.id}
            hit={hit}
            index={i}
            selected={i === active}
            ui={ui}
            t={t}
            onPick={() => setOpened(hit.entry)}
            onHover={() => setActive(i)}
          />
        ))}
      </ul>
    </section>
  );
}

interface ResultRowProps {
  hit: SearchHit<StoredEntry>;
  index: number;
  selected: boolean;
  ui: UiLang;
  t: Translate;
  onPick: () => void;
  onHover: () => void;
}

function ResultRow({ hit, index, selected, ui, t, onPick, onHover }: ResultRowProps) {
  const { entry } = hit;
  const citation = entry.citations[0];
  return (
    <li
      id={`result-${index}`}
      data-index={index}
      data-entry-id={entry.id}
      role="option"
      aria-selected={selected}
      class={selected ? 'result selected' : 'result'}
      onClick={onPick}
      onMouseMove={onHover}
    >
      <span class="terms">
        <span lang="kk" class="term">
          {entry.kk.term}
        </span>
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        <span lang="ru" class="term">
          {entry.ru.term}
        </span>
        {entry.source === 'personal' ? <span class="badge">{t('popup.personal')}</span> : null}
      </span>
      {citation ? <span class="citation">{citationLabel(citation, ui)}</span> : null}
    </li>
  );
}
