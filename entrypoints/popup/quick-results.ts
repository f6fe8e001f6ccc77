/**
 * The popup's first results: the search box and result rows of the page's own
 * markup (index.html), answered before the full popup (Preact, the card, the
 * switches) has loaded. The query is sent the moment there is one, a query
 * typed before this ran included; rows, status and keyboard selection read
 * as the search panel's (SearchPanel.tsx), which takes over from `state()`.
 * Everything from an entry is set as text.
 */
import { citationLabel } from '../../components/citation-label';
import {
  MAX_RESULTS,
  movedSelection,
  searchStatus,
  type SearchResults,
  type Searcher,
} from '../../components/search-results';
import type { SearchHit } from '../../glossary/search';
import type { Translate, UiLang } from '../../lib/i18n';
import type { StoredEntry } from '../../lib/protocol';

/** What the first results show, for the full popup to go on from. */
export interface QuickState {
  query: string;
  results: SearchResults | null;
  active: number;
  /** The result the reader opened (Enter or a click) before the card could show. */
  opened: StoredEntry | null;
}

export interface QuickResultsOptions {
  search: Searcher;
  t: Translate;
  ui: UiLang;
  /** After each answer shown, or failure. */
  onAnswer?: () => void;
  /** A result was opened: its card is in the full popup, wanted now. */
  onOpen?: () => void;
}

export interface QuickResults {
  state(): QuickState;
  /** Resolves when no composition (an input method's unfinished word) is under way. */
  settled(): Promise<void>;
  /** No more answers or keys handled here: the full popup has taken over. */
  stop(): void;
}

/** The first screen's words in the reader's language (the page's markup has none). */
export function labelFirstScreen(shell: ParentNode, t: Translate, ui: UiLang): void {
  const doc = shell.ownerDocument ?? (shell as Document);
  doc.documentElement.lang = ui;
  doc.title = t('app.name');
  shell.querySelector('h1')?.append(t('app.name'));
  const options = shell.querySelector('.popup-head button');
  if (options) options.textContent = t('popup.openOptions');
  const label = shell.querySelector('label[for=search]');
  if (label) label.textContent = t('popup.search.label');
  shell
    .querySelector<HTMLInputElement>('#search')
    ?.setAttribute('placeholder', t('popup.search.placeholder'));
  shell.querySelector('#results')?.setAttribute('aria-label', t('popup.results'));
}

export function startQuickResults(section: ParentNode, options: QuickResultsOptions): QuickResults {
  const { search, t, ui } = options;
  const input = section.querySelector<HTMLInputElement>('#search')!;
  const status = section.querySelector<HTMLElement>('.status')!;
  const list = section.querySelector<HTMLElement>('#results')!;
  const listening = new AbortController();
  const on = { signal: listening.signal };

  let query = input.value;
  let results: SearchResults | null = null;
  let failed: string | null = null;
  let active = 0;
  let opened: StoredEntry | null = null;
  let asked = 0;
  let stopped = false;
  let composing = false;
  let composed: (() => void) | null = null;

  const hits = (): SearchHit<StoredEntry>[] => results?.hits ?? [];

  const showStatus = () => {
    status.textContent = searchStatus(t, query, results, failed);
  };
  const showSelection = () => {
    const rows = list.children;
    for (let i = 0; i < rows.length; i++) {
      rows[i]!.setAttribute('aria-selected', String(i === active));
      rows[i]!.className = i === active ? 'result selected' : 'result';
    }
    input.setAttribute('aria-expanded', String(hits().length > 0));
    if (hits()[active]) input.setAttribute('aria-activedescendant', `result-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const showResults = () => {
    const doc = list.ownerDocument;
    list.replaceChildren(...hits().map((hit, i) => resultRow(doc, hit, i, ui, t)));
    showSelection();
    showStatus();
  };

  // Only the latest query's answer is shown; the previous one stays until it comes.
  const ask = () => {
    const n = ++asked;
    search(query, MAX_RESULTS).then(
      (r) => {
        if (stopped || n !== asked) return;
        results = r;
        failed = null;
        showResults();
        options.onAnswer?.();
      },
      (err: unknown) => {
        if (stopped || n !== asked) return;
        failed = t.error(err);
        showStatus();
        options.onAnswer?.();
      },
    );
  };

  const open = (i: number) => {
    const hit = hits()[i];
    if (!hit) return false;
    opened = hit.entry;
    options.onOpen?.();
    return true;
  };

  input.addEventListener(
    'input',
    () => {
      query = input.value;
      active = 0;
      ask();
    },
    on,
  );
  input.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (hits().length === 0) return;
        active = movedSelection(active, e.key, hits().length);
        showSelection();
        list.children[active]?.scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'Enter') {
        if (open(active)) e.preventDefault();
      } else if (e.key === 'Escape' && query !== '') {
        // Clear first; a second Escape closes the popup as usual.
        e.preventDefault();
        input.value = '';
        query = '';
        active = 0;
        ask();
      }
    },
    on,
  );
  input.addEventListener('compositionstart', () => (composing = true), on);
  input.addEventListener(
    'compositionend',
    () => {
      composing = false;
      composed?.();
      composed = null;
    },
    on,
  );
  const rowIndex = (e: Event): number | null => {
    const row = (e.target as Element | null)?.closest?.('[data-index]');
    return row ? Number(row.getAttribute('data-index')) : null;
  };
  list.addEventListener(
    'mousemove',
    (e) => {
      const i = rowIndex(e);
      if (i === null || i === active) return;
      active = i;
      showSelection();
    },
    on,
  );
  list.addEventListener(
    'click',
    (e) => {
      const i = rowIndex(e);
      if (i !== null) open(i);
    },
    on,
  );

  showStatus();
  ask();

  return {
    state: () => ({ query: input.value, results, active, opened }),
    settled: () =>
      composing ? new Promise<void>((resolve) => (composed = resolve)) : Promise.resolve(),
    stop() {
      stopped = true;
      listening.abort();
    },
  };
}

/** One result as SearchPanel's ResultRow renders it: both terms, a badge, the first citation. */
function resultRow(
  doc: Document,
  hit: SearchHit<StoredEntry>,
  index: number,
  ui: UiLang,
  t: Translate,
): HTMLLIElement {
  const { entry } = hit;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string>,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const row = el('li', {
    id: `result-${index}`,
    'data-index': String(index),
    'data-entry-id': entry.id,
    role: 'option',
  });
  const terms = el('span', { class: 'terms' });
  terms.append(
    el('span', { lang: 'kk', class: 'term' }, entry.kk.term),
    el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
    el('span', { lang: 'ru', class: 'term' }, entry.ru.term),
  );
  if (entry.source === 'personal')
    terms.append(el('span', { class: 'badge' }, t('popup.personal')));
  row.append(terms);
  const citation = entry.citations[0];
  if (citation) row.append(el('span', { class: 'citation' }, citationLabel(citation, ui)));
  return row;
}
