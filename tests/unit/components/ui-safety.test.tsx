/**
 * Everything a user or a file supplies is rendered as text. The usual XSS
 * payloads, in every field of an entry, go through the background (validated
 * and stored as the text they are) and come back out in the popup's results,
 * the hover card, the options table, the edit form and the import preview:
 * no element is created, no handler attribute appears, no script runs.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { installWindow } from '../support/window';
import type { StoredEntry } from '../../../lib/protocol';
import { translator } from '../../../lib/i18n';
import { AtaZanDatabase } from '../../../db/database';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { EXPORTERS, parseImport, previewImport } from '../../../glossary/io';
import type { Entry } from '../../../glossary/types';

/** The usual payloads (OWASP XSS filter evasion, short forms), each with its own marker. */
const PAYLOADS = [
  '<script>globalThis.pwned=1</script>',
  '<img src=x onerror="globalThis.pwned=2">',
  '<img/src=x onerror=globalThis.pwned=3>',
  '<svg/onload=globalThis.pwned=4>',
  '<svg><script>globalThis.pwned=5</script></svg>',
  '<iframe src="javascript:globalThis.pwned=6"></iframe>',
  '<body onload=globalThis.pwned=7>',
  '<a href="javascript:globalThis.pwned=8">x</a>',
  '"><script>globalThis.pwned=9</script>',
  "'><img src=x onerror=globalThis.pwned=10>",
  '<details open ontoggle=globalThis.pwned=11>',
  '<math><mi xlink:href="javascript:globalThis.pwned=12">x</mi></math>',
  '<input autofocus onfocus=globalThis.pwned=13>',
  '<style>@import "javascript:globalThis.pwned=14";</style>',
  '<!--<img src="--><img src=x onerror=globalThis.pwned=15//">',
  '<object data="javascript:globalThis.pwned=16">',
  '&lt;img src=x onerror=globalThis.pwned=17&gt;',
  '<scr<script>ipt>globalThis.pwned=18</scr</script>ipt>',
  '${globalThis.pwned=19}{{constructor.constructor("globalThis.pwned=20")()}}',
];
/** Elements a payload could bring in (the card's own folded citations are `details.atz-cite-fold`). */
const ELEMENTS =
  'img, script, svg, iframe, a[href^="javascript"], object, math, details:not(.atz-cite-fold), style, input[onfocus], body';

beforeAll(() => {
  installWindow('https://example.test/');
});
afterEach(cleanup);

/** An entry with the payloads in every field a user or a file can fill. */
function hostile(p: string): Entry {
  return {
    id: 'p-evil',
    kk: { term: `сот ${p}`.slice(0, 300), variants: [p.slice(0, 300)], definition: p },
    ru: { term: `суд ${p}`.slice(0, 300), variants: [p.slice(0, 300)], definition: p },
    en: { term: p.slice(0, 300) },
    citations: [{ edition: '2026', article: '76', clause: '1', quote: { kk: p, ru: p } }],
    tags: [p.slice(0, 100)],
  };
}

const t = translator('en');

function assertInert(container: Element) {
  expect(container.querySelectorAll(ELEMENTS).length).toBe(0);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on/);
  }
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
}

async function storedThroughTheBackground(): Promise<StoredEntry[]> {
  const svc = new GlossaryService(new AtaZanDatabase(`atazan-xss-${Date.now()}`));
  const out: StoredEntry[] = [];
  for (const [i, p] of PAYLOADS.entries()) {
    const res = await svc.handle({
      type: 'entry/save',
      entry: { ...hostile(p), id: `p-evil${i}` },
    });
    const saved = res.response as StoredEntry;
    // Stored as the text it is: nothing stripped, nothing escaped.
    expect(saved.kk.definition).toBe(p);
    expect(saved.citations[0]!.quote.ru).toBe(p);
    out.push(saved);
  }
  return out;
}

describe('the XSS payload list in every field', () => {
  test('stored as text by the background and by every import format', async () => {
    const stored = await storedThroughTheBackground();
    expect(stored).toHaveLength(PAYLOADS.length);
    const entries = PAYLOADS.map((p, i) => ({ ...hostile(p), id: `p-x${i}` }));
    for (const format of ['json', 'tbx'] as const) {
      expect(parseImport(`x.${format}`, EXPORTERS[format].write(entries))).toEqual(entries);
    }
  });

  test('popup results', async () => {
    const entries = await storedThroughTheBackground();
    const { SearchPanel } = await import('../../../components/SearchPanel');
    const { container } = render(
      <SearchPanel entries={entries} t={t} ui="en" initialQuery="сот" />,
    );
    expect(container.querySelectorAll('[role=option]').length).toBeGreaterThan(0);
    assertInert(container);
    expect(container.textContent).toContain('<script>');
  });

  test('the hover card, with every citation', async () => {
    const entries = await storedThroughTheBackground();
    const { TermCard } = await import('../../../components/TermCard');
    for (const entry of entries) {
      for (const lang of ['kk', 'ru'] as const) {
        const { container } = render(<TermCard entry={entry} lang={lang} uiLanguage="ru" />);
        assertInert(container);
        cleanup();
      }
    }
  });

  test('the options table, the edit form (citations included) and the import preview', async () => {
    const entries = await storedThroughTheBackground();
    const { EntryTable } = await import('../../../components/EntryTable');
    const { EntryForm } = await import('../../../components/EntryForm');
    const { EntryList } = await import('../../../glossary/entry-list');
    const list = new EntryList(entries);
    const table = render(
      <EntryTable
        loadPage={async (q) => list.page(q)}
        loadIds={async (filter) => list.ids(filter)}
        revision={0}
        t={t}
        lang="en"
        onEdit={() => {}}
        onDelete={async () => null}
        onRestore={async () => {}}
        onDeleteMany={async () => ({ deleted: 0 })}
      />,
    );
    await vi.waitFor(() =>
      expect(table.container.querySelectorAll('tr[data-entry-id]').length).toBe(entries.length),
    );
    assertInert(table.container);
    expect(table.container.textContent).toContain('<img/src=x onerror=');
    cleanup();
    for (const entry of entries) {
      const form = render(
        <EntryForm
          editing={entry}
          findDuplicate={async () => null}
          hasBundled={false}
          t={t}
          onSave={async () => {}}
          onCancel={() => {}}
          onReset={async () => {}}
          onOpen={() => {}}
        />,
      );
      assertInert(form.container);
      expect(
        (form.container.querySelector('[name="kk-definition"]') as HTMLTextAreaElement).value,
      ).toBe(entry.kk.definition);
      expect(form.container.querySelector('[data-quote="ru"]')!.textContent).toBe(
        entry.citations[0]!.quote.ru,
      );
      cleanup();
    }
    const { ImportExport } = await import('../../../components/ImportExport');
    const io = render(
      <ImportExport
        loadGlossary={async () => []}
        loadPersonal={async () => entries}
        revision={0}
        t={t}
        onImport={async () => ({ added: 0, updated: 0, skipped: 0 })}
      />,
    );
    // Choose a file holding every payload: the preview lists them.
    const text = EXPORTERS.json.write(entries);
    const input = io.container.querySelector('input[name=import]') as HTMLInputElement;
    const file = {
      name: 'evil.json',
      size: text.length * 3,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await vi.waitFor(() =>
      expect(io.container.querySelectorAll('.preview tr').length).toBe(entries.length),
    );
    expect(previewImport(entries, []).counts.new).toBe(entries.length);
    assertInert(io.container);
    expect(io.container.querySelector('.preview')!.textContent).toContain('<svg/onload=');
  });
});

describe('the entry form', () => {
  const bundled: StoredEntry = {
    id: 'sot',
    kk: { term: 'сот', variants: [], definition: '' },
    ru: { term: 'суд', variants: [], definition: '' },
    citations: [
      { edition: '2026', article: '76', clause: '1', quote: { kk: '', ru: '' } },
      {
        code: 'civil-procedure',
        edition: '2015-10-31',
        article: '1',
        clause: null,
        quote: { kk: 'Азаматтық сот ісін жүргізу', ru: 'Гражданское судопроизводство' },
        mentions: false,
      },
    ],
    tags: [],
    source: 'bundled',
    createdAt: 0,
    updatedAt: 0,
  };
  const renderForm = async (editing: StoredEntry, onSave: (e: Entry) => Promise<void>) => {
    const { EntryForm } = await import('../../../components/EntryForm');
    return render(
      <EntryForm
        editing={editing}
        findDuplicate={async () => null}
        hasBundled
        t={translator('ru')}
        onSave={onSave}
        onCancel={() => {}}
        onReset={async () => {}}
        onOpen={() => {}}
      />,
    );
  };

  test('keeps code citations intact, edits every Constitution citation, quotes a selection', async () => {
    let saved: Entry | null = null;
    const form = await renderForm(bundled, async (e) => void (saved = e));
    const c = form.container;
    // Add a second Constitution citation, pick clause 2 of article 76 and quote part of it.
    fireEvent.click(c.querySelector('[name="add-citation"]')!);
    fireEvent.change(c.querySelector('[name="c2-article"]')!, { target: { value: '76' } });
    fireEvent.change(c.querySelector('[name="c2-clause"]')!, { target: { value: '2' } });
    const area = c.querySelector('[name="c2-text-ru"]') as HTMLTextAreaElement;
    expect(area.value.length).toBeGreaterThan(20);
    area.setSelectionRange(0, 12);
    fireEvent.click(c.querySelector('[name="c2-pick-ru"]')!);
    fireEvent.click(c.querySelector('[name="c2-whole-kk"]')!);
    // Remove the first one.
    fireEvent.click(c.querySelector('[name="c0-remove"]')!);
    fireEvent.submit(c.querySelector('form')!);
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).not.toBeNull();
    const citations = saved!.citations;
    expect(citations).toHaveLength(2);
    expect(citations[0]).toEqual(bundled.citations[1]);
    expect(citations[1]).toMatchObject({ edition: '2026', article: '76', clause: '2' });
    expect(area.value.startsWith(citations[1]!.quote.ru)).toBe(true);
    expect(citations[1]!.quote.ru.length).toBeGreaterThan(0);
  });

  test('refuses an article the Constitution does not have, and a quote not in the clause', async () => {
    let saved = false;
    const bad: StoredEntry = {
      ...bundled,
      citations: [
        { edition: '2026', article: '999', clause: '1', quote: { kk: '', ru: '' } },
        { edition: '2026', article: '76', clause: '1', quote: { kk: '', ru: 'вставлено руками' } },
      ],
    };
    const form = await renderForm(bad, async () => void (saved = true));
    fireEvent.submit(form.container.querySelector('form')!);
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toBe(false);
    const alerts = [...form.container.querySelectorAll('.citation [role=alert]')].map(
      (a) => a.textContent,
    );
    expect(alerts).toEqual([
      'Ссылка 1: в Конституции (2026) нет статьи 999.',
      'Ссылка 2: цитаты нет в тексте пункта (русский).',
    ]);
  });

  test('each limit is checked at its field, in the page language', async () => {
    let saved = false;
    const long: StoredEntry = {
      ...bundled,
      kk: { term: 'ж'.repeat(301), variants: ['в'.repeat(301)], definition: 'д'.repeat(5001) },
      ru: { term: 'суд', variants: [], definition: '' },
      citations: [],
    };
    const form = await renderForm(long, async () => void (saved = true));
    fireEvent.submit(form.container.querySelector('form')!);
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toBe(false);
    const error = (name: string) => form.container.querySelector(`#f-${name}-error`)?.textContent;
    expect(error('kk-term')).toBe(
      'Термин на казахском: слишком длинно — символов 301, предел 300.',
    );
    expect(error('kk-variants')).toBe(
      'Вариант на казахском: слишком длинно — символов 301, предел 300.',
    );
    expect(error('kk-definition')).toBe(
      'Определение на казахском: слишком длинно — символов 5001, предел 5000.',
    );
  });
});
