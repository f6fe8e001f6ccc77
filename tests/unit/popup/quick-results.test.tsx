/**
 * The popup's first results (entrypoints/popup/quick-results.ts) on the
 * page's own markup (index.html): a query typed before the script ran is sent
 * at once, only the latest query's answer is shown, the keys choose, open and
 * clear as in the search panel, user-written text stays text, and what they
 * show is what the search panel renders from their state — the same markup,
 * words and rows, so its taking over shows no jump.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { installWindow } from '../support/window';

installWindow('https://example.kz/');
const g = globalThis as Record<string, unknown>;

const { h, render } = await import('preact');
const { act } = await import('preact/test-utils');
const { labelFirstScreen, startQuickResults } =
  await import('../../../entrypoints/popup/quick-results');
const { SearchPanel } = await import('../../../components/SearchPanel');
const { createSearch } = await import('../../../glossary/search');
const { translator } = await import('../../../lib/i18n');
import type { SearchResults, Searcher } from '../../../components/search-results';
import type { UiLang } from '../../../lib/i18n';
import type { StoredEntry } from '../../../lib/protocol';
import type { QuickResults } from '../../../entrypoints/popup/quick-results';

const PAGE = readFileSync(
  new URL('../../../entrypoints/popup/index.html', import.meta.url),
  'utf8',
);
const SHELL_MARKUP = PAGE.slice(PAGE.indexOf('<main'), PAGE.indexOf('</main>') + '</main>'.length);

const stored = (e: Omit<StoredEntry, 'createdAt' | 'updatedAt' | 'tags'>): StoredEntry => ({
  ...e,
  tags: [],
  createdAt: 0,
  updatedAt: 0,
});
const ENTRIES: StoredEntry[] = [
  stored({
    id: 'court',
    source: 'bundled',
    kk: { term: 'сот', variants: [], definition: 'Анықтама.' },
    ru: { term: 'суд', variants: [], definition: 'Анықтама.' },
    citations: [
      {
        edition: '2026',
        article: '76',
        clause: '1',
        quote: { kk: 'Сот билігі', ru: 'Судебная власть' },
      },
    ],
  }),
  stored({
    id: 'p-mine',
    source: 'personal',
    kk: {
      term: 'сот <img src=x onerror="globalThis.pwned=1">',
      variants: [],
      definition: 'Анықтама.',
    },
    ru: { term: 'суд <script>globalThis.pwned=2</script>', variants: [], definition: 'Анықтама.' },
    citations: [],
  }),
  stored({
    id: 'procedure',
    source: 'bundled',
    kk: { term: 'сот ісін жүргізу', variants: [], definition: 'Анықтама.' },
    ru: { term: 'судопроизводство', variants: [], definition: 'Анықтама.' },
    citations: [
      {
        code: 'civil-procedure',
        edition: '2015-10-31',
        article: '148',
        clause: null,
        quote: { kk: 'Сот ісін', ru: 'Судопроизводство' },
      },
    ],
  }),
];
const glossary = createSearch(ENTRIES);
const answer = (query: string): SearchResults => ({
  hits: glossary.search(query, 30),
  size: ENTRIES.length,
});

/** A background that answers when told to, and remembers what it was asked. */
function slowSearch() {
  const asked: { query: string; reply: () => void }[] = [];
  const search: Searcher = (query) =>
    new Promise((resolve) => asked.push({ query, reply: () => resolve(answer(query)) }));
  return { asked, search };
}

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

let shell: HTMLElement;
let quick: QuickResults | null = null;
function firstScreen(typed = '', ui: UiLang = 'en'): HTMLElement {
  document.body.innerHTML = SHELL_MARKUP;
  shell = document.getElementById('popup-shell')!;
  (shell.querySelector('#search') as HTMLInputElement).value = typed;
  labelFirstScreen(shell, translator(ui), ui);
  return shell;
}
const input = () => shell.querySelector('#search') as HTMLInputElement;
const rows = () => [...shell.querySelectorAll('#results [role=option]')];
const key = (k: string) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  input().dispatchEvent(e);
  return e.defaultPrevented;
};
const type = (text: string) => {
  input().value = text;
  input().dispatchEvent(new Event('input', { bubbles: true }));
};

afterEach(() => {
  quick?.stop();
  quick = null;
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('the first results', () => {
  test('a query typed before the script ran is the first one sent', async () => {
    firstScreen('сот');
    const bg = slowSearch();
    quick = startQuickResults(shell, { search: bg.search, t: translator('en'), ui: 'en' });
    expect(bg.asked.map((a) => a.query)).toEqual(['сот']);
    expect(shell.querySelector('.status')!.textContent).toBe('Loading the glossary…');
    bg.asked[0]!.reply();
    await tick();
    expect(rows().map((r) => r.getAttribute('data-entry-id'))).toEqual(
      answer('сот').hits.map((hit) => hit.entry.id),
    );
    expect(shell.querySelector('.status')!.textContent).toBe(`${rows().length} results`);
  });

  test('only the latest query’s answer is shown', async () => {
    firstScreen('');
    const bg = slowSearch();
    let answers = 0;
    quick = startQuickResults(shell, {
      search: bg.search,
      t: translator('en'),
      ui: 'en',
      onAnswer: () => answers++,
    });
    type('суд');
    type('судопр');
    expect(bg.asked.map((a) => a.query)).toEqual(['', 'суд', 'судопр']);
    bg.asked[2]!.reply();
    await tick();
    bg.asked[1]!.reply();
    bg.asked[0]!.reply();
    await tick();
    expect(rows().map((r) => r.getAttribute('data-entry-id'))).toEqual(['procedure']);
    expect(answers).toBe(1);
    expect(quick.state()).toMatchObject({ query: 'судопр', active: 0, opened: null });
  });

  test('arrow keys choose round the list, Enter opens, Escape clears', async () => {
    firstScreen('сот');
    const bg = slowSearch();
    let opens = 0;
    quick = startQuickResults(shell, {
      search: bg.search,
      t: translator('en'),
      ui: 'en',
      onOpen: () => opens++,
    });
    bg.asked[0]!.reply();
    await tick();
    const count = rows().length;
    expect(count).toBeGreaterThan(1);
    const selected = () => rows().findIndex((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    expect(key('ArrowUp')).toBe(true);
    expect(selected()).toBe(count - 1);
    expect(rows()[count - 1]!.className).toBe('result selected');
    expect(input().getAttribute('aria-activedescendant')).toBe(`result-${count - 1}`);
    key('ArrowDown');
    key('ArrowDown');
    expect(selected()).toBe(1);
    expect(key('Enter')).toBe(true);
    expect(opens).toBe(1);
    expect(quick.state().opened?.id).toBe(rows()[1]!.getAttribute('data-entry-id'));
    expect(key('Escape')).toBe(true);
    expect(input().value).toBe('');
    expect(bg.asked.at(-1)!.query).toBe('');
    // A second Escape on an empty box is the browser's: the popup closes.
    expect(key('Escape')).toBe(false);
  });

  test('a row clicked is opened; the mouse over a row selects it', async () => {
    firstScreen('сот');
    const bg = slowSearch();
    quick = startQuickResults(shell, { search: bg.search, t: translator('en'), ui: 'en' });
    bg.asked[0]!.reply();
    await tick();
    const third = rows()[2]!.querySelector('.term')!;
    third.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('true');
    third.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(quick.state()).toMatchObject({
      active: 2,
      opened: { id: rows()[2]!.getAttribute('data-entry-id') },
    });
  });

  test('user-written text is shown as text', async () => {
    firstScreen('сот');
    const bg = slowSearch();
    quick = startQuickResults(shell, { search: bg.search, t: translator('en'), ui: 'en' });
    bg.asked[0]!.reply();
    await tick();
    const mine = rows().find((r) => r.getAttribute('data-entry-id') === 'p-mine')!;
    expect(mine.querySelector('[lang=kk]')!.textContent).toBe(ENTRIES[1]!.kk.term);
    expect(mine.querySelector('.badge')!.textContent).toBe('personal');
    expect(shell.querySelectorAll('#results img, #results script').length).toBe(0);
    expect(g.pwned).toBeUndefined();
  });

  test('after stop, no answer or key is handled here', async () => {
    firstScreen('сот');
    const bg = slowSearch();
    quick = startQuickResults(shell, { search: bg.search, t: translator('en'), ui: 'en' });
    quick.stop();
    bg.asked[0]!.reply();
    await tick();
    type('суд');
    expect(rows()).toHaveLength(0);
    expect(bg.asked).toHaveLength(1);
  });

  test('a word being composed holds the taking over until it is finished', async () => {
    firstScreen('сот');
    quick = startQuickResults(shell, {
      search: async (q) => answer(q),
      t: translator('en'),
      ui: 'en',
    });
    let settled = false;
    input().dispatchEvent(new Event('compositionstart'));
    void quick.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    input().dispatchEvent(new Event('compositionend'));
    await tick();
    expect(settled).toBe(true);
  });
});

/** An element's markup as data: tag, attributes by name, text and children (text nodes merged). */
function shape(el: Element): unknown {
  const attrs = Object.fromEntries(
    el
      .getAttributeNames()
      // The box's value and autofocus are the live element's, not markup shown; spellcheck is
      // set by Preact as a property, which happy-dom (unlike browsers) does not reflect.
      .filter((n) => !(el.tagName === 'INPUT' && ['value', 'autofocus', 'spellcheck'].includes(n)))
      .sort()
      .map((n) => [n, el.getAttribute(n)]),
  );
  // Whitespace between tags in the page's markup is not shown.
  const children: unknown[] = [];
  for (const node of el.childNodes) {
    if (node.nodeType === 3) {
      if (typeof children.at(-1) === 'string') children[children.length - 1] += node.textContent!;
      else if (node.textContent!.trim() !== '') children.push(node.textContent);
    } else if (node.nodeType === 1) children.push(shape(node as Element));
  }
  return { tag: el.tagName.toLowerCase(), attrs, children };
}

describe('the search panel taking over', () => {
  test.each<[UiLang, string, number]>([
    ['en', 'сот', 0],
    ['kk', 'сот', 2],
    ['ru', 'суд', 1],
    ['ru', '', 0],
    ['kk', 'жоқ сөз', 0],
  ])(
    'in %s, for «%s» with row %i selected, renders what the first results show',
    async (ui, query, moves) => {
      firstScreen(query, ui);
      quick = startQuickResults(shell, {
        search: async (q) => answer(q),
        t: translator(ui),
        ui,
      });
      await tick();
      for (let i = 0; i < moves; i++) key('ArrowDown');
      const state = quick.state();
      quick.stop();
      const first = shape(shell.querySelector('section.search')!);

      const host = document.createElement('div');
      document.body.append(host);
      // The panel asks again as it mounts; until it is answered it shows the first results'.
      const pending: Searcher = () => new Promise(() => undefined);
      await act(() => {
        render(
          h(SearchPanel, {
            search: pending,
            t: translator(ui),
            ui,
            initialQuery: state.query,
            initialResults: state.results,
            initialActive: state.active,
          }),
          host,
        );
      });
      expect(shape(host.querySelector('section.search')!)).toEqual(first);
      expect((host.querySelector('#search') as HTMLInputElement).value).toBe(query);
    },
  );

  test('a result opened in the first results shows its card at once', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    await act(() => {
      render(
        h(SearchPanel, {
          search: async (q: string) => answer(q),
          t: translator('en'),
          ui: 'en',
          initialQuery: 'сот',
          initialResults: answer('сот'),
          initialOpened: ENTRIES[2]!,
        }),
        host,
      );
    });
    expect(host.querySelector('.atz-card')!.getAttribute('data-entry-id')).toBe('procedure');
  });
});
