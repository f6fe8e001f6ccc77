/**
 * Everything a user or a file supplies is rendered as text: hostile payloads
 * in every field of an entry create no element in the popup's results, the
 * options table, the form, or the import preview.
 */
import { afterEach, beforeAll, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { Window } from 'happy-dom';
import type { StoredEntry } from '../../lib/protocol';
import { translator } from '../../lib/i18n';

const PAYLOAD = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>';

beforeAll(() => {
  const win = new Window({ url: 'https://example.test/' });
  Object.assign(globalThis, { window: win, document: win.document, navigator: win.navigator });
  for (const k of [
    'HTMLElement',
    'Element',
    'Node',
    'Event',
    'KeyboardEvent',
    'MutationObserver',
    'getComputedStyle',
  ]) {
    (globalThis as Record<string, unknown>)[k] = (win as unknown as Record<string, unknown>)[k];
  }
});
afterEach(cleanup);

const hostile: StoredEntry = {
  id: 'p-evil',
  kk: { term: `сот ${PAYLOAD}`, variants: [PAYLOAD], definition: PAYLOAD },
  ru: { term: `суд ${PAYLOAD}`, variants: [PAYLOAD], definition: PAYLOAD },
  en: { term: PAYLOAD },
  citations: [
    { edition: '2026', article: '76', clause: PAYLOAD, quote: { kk: PAYLOAD, ru: PAYLOAD } },
  ],
  tags: [PAYLOAD],
  source: 'personal',
  createdAt: 0,
  updatedAt: 0,
};
const t = translator('en');

function assertInert(container: Element) {
  expect(container.querySelectorAll('img, script').length).toBe(0);
  expect(container.textContent).toContain('<img src=x');
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
}

test('popup results and the opened card', async () => {
  const { SearchPanel } = await import('../../components/SearchPanel');
  const { container } = render(
    <SearchPanel entries={[hostile]} t={t} ui="en" initialQuery="сот" />,
  );
  expect(container.querySelectorAll('[role=option]').length).toBe(1);
  assertInert(container);
});

test('the options table and the edit form', async () => {
  const { EntryTable } = await import('../../components/EntryTable');
  const { EntryForm } = await import('../../components/EntryForm');
  const table = render(
    <EntryTable
      entries={[hostile]}
      t={t}
      lang="en"
      onEdit={() => {}}
      onDelete={async () => null}
      onRestore={async () => {}}
    />,
  );
  assertInert(table.container);
  const form = render(
    <EntryForm
      editing={hostile}
      glossary={[hostile]}
      hasBundled={false}
      t={t}
      onSave={async () => {}}
      onCancel={() => {}}
      onReset={async () => {}}
      onOpen={() => {}}
    />,
  );
  expect(form.container.querySelectorAll('img, script').length).toBe(0);
  expect((form.container.querySelector('[name="kk-term"]') as HTMLInputElement).value).toContain(
    PAYLOAD,
  );
});
