/**
 * The options page in the built extension: adding an entry highlights it in an
 * open tab; the context menu's add form (its message path: the URL it opens);
 * the import preview and its transaction; validation at the field; a termbase
 * of a few thousand entries, paged by the background.
 */
import { describe, expect, test } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS } from './driver';
import { useExtension } from './setup';
import { addFormHash } from '../../entrypoints/background/context-menu';
import type { ImportSummary } from '../../lib/protocol';

const TERM = 'қолтаңба куәлігі';

describe.each(BROWSERS)('%s', (name) => {
  const { browser, server } = useExtension(name, {
    '/': `<!doctype html><meta charset="utf-8"><p id="t">Құжатта ${TERM} болуы керек.</p>`,
  });

  const optionsUrl = (hash = '') => browser.extensionUrl(`options.html${hash}`);

  test('an empty term gets a message at its field, and nothing is saved', async () => {
    const page = await browser.openExtensionPage('options.html#add');
    await page.fill('[name="kk-term"]', 'бір нәрсе');
    await page.click('button[type=submit]');
    await expect
      .poll(async () => (await page.attrs('[name="ru-term"]', 'aria-invalid'))[0])
      .toBe('true');
    expect(await page.text('#f-ru-term-error')).toBeTruthy();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ru-term');
    await page.close();
  });

  test('an entry added on the options page is highlighted in an open tab without a reload', async () => {
    const tab = await browser.newPage();
    await tab.goto(server.url + '/');
    const page = await browser.openExtensionPage('options.html#add');
    await page.fill('[name="kk-term"]', TERM);
    await page.fill('[name="ru-term"]', 'удостоверение подписи');
    await page.fill('[name="kk-definition"]', '<img src=x onerror=alert(1)>');
    await page.click('button[type=submit]');
    await expect.poll(() => page.url()).toMatch(/#entry=p-/);
    // The confirmation stays once the glossary reloads and the form is made anew.
    await expect
      .poll(() => page.text('.form-status'))
      .toBe('Saved. Open pages update in a moment.');
    // The reader looks at the tab: ranges are registered as their blocks come into view,
    // which a tab behind the options page does not report.
    await tab.bringToFront();
    await expect
      .poll(() => tab.evaluate(() => CSS.highlights.get('atazan-personal')?.size ?? 0), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const text = await tab.evaluate(() => {
      const r = [...(CSS.highlights.get('atazan-personal') ?? [])][0] as StaticRange | undefined;
      return r ? r.startContainer.textContent!.slice(r.startOffset, r.endOffset) : '';
    });
    expect(text).toBe(TERM);
    // The entry shows in the form's card preview as text, not as an element.
    expect(await page.count('.card-preview img')).toBe(0);
    await page.close();
    await tab.close();
  });

  test('the context menu opens the add form pre-filled, in the language of the selection', async () => {
    const page = await browser.openExtensionPage(
      `options.html${addFormHash('  Конституциялық   Сот ')}`,
    );
    await expect.poll(() => page.value('[name="kk-term"]')).toBe('Конституциялық Сот');
    expect(await page.value('[name="ru-term"]')).toBe('');
    // It is already in the glossary: a warning offers to open it.
    await expect.poll(() => page.count('.duplicate')).toBe(1);
    await page.goto(optionsUrl(addFormHash('Конституционный Суд')));
    await expect.poll(() => page.value('[name="ru-term"]')).toBe('Конституционный Суд');
    await page.close();
  });

  test('an import shows a preview and writes nothing until confirmed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atazan-import-'));
    const file = join(dir, 'mine.csv');
    writeFileSync(
      file,
      'kk_term,ru_term,kk_definition\r\nжаңа термин,новый термин,анықтама\r\nсот төрелігі,правосудие,\r\n',
    );
    const page = await browser.openExtensionPage('options.html');
    await page.setInputFile('input[name=import]', file);
    await expect.poll(() => page.count('.preview')).toBe(1);
    expect(await page.text('.count[data-status=new] strong')).toBe('1');
    expect(await page.text('.count[data-status=changed] strong')).toBe('1');
    expect(await page.count('tbody tr[data-entry-id]', 'жаңа термин')).toBe(0);
    await page.click('button[name=confirm-import]');
    await expect.poll(() => page.text('.io [role=status]')).toMatch(/1/);
    await expect.poll(() => page.count('tr[data-entry-id]', 'жаңа термин')).toBe(1);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"entries": [{"kk": {"term": "x"}}]}');
    await page.setInputFile('input[name=import]', bad);
    await expect
      .poll(() => page.text('.io [role=alert]'))
      .toMatch(/Entry 1: Russian term is required/);
    await page.close();
  });

  test('a termbase of a few thousand entries: one page drawn, the count, a filter that finds an entry deep in the list, its edit form, and select-all past the first page with its undo', async () => {
    const size = 3000;
    const entries = Array.from({ length: size }, (_, i) => ({
      kk: { term: `сынақ қоры ${i}` },
      ru: { term: `тестовый фонд ${i}` },
      tags: i % 20 === 0 ? ['жиырмалық'] : [],
    }));
    const seeded = (await browser.send({
      type: 'entries/import',
      entries,
      policy: 'skip',
      name: 'termbase.json',
    })) as ImportSummary;
    expect(seeded.added).toBe(size);
    const page = await browser.openExtensionPage('options.html');
    // One page of rows is drawn; the pager counts them all (earlier tests added a few more).
    await expect.poll(() => page.text('.page-range')).toMatch(/^1–100 of 3,0\d\d$/);
    expect(await page.count('tr[data-entry-id]')).toBe(100);
    await page.fill('#entries-filter', 'СЫНАҚ ҚОРЫ');
    await expect.poll(() => page.text('.page-range')).toBe('1–100 of 3,000');
    await page.click('button[name=page-next]');
    await expect.poll(() => page.text('.page-range')).toBe('101–200 of 3,000');
    expect(await page.count('tr[data-entry-id]')).toBe(100);

    // The filter finds an entry far down the list; its edit button opens that very entry.
    await page.fill('#entries-filter', 'сынақ қоры 2718');
    await expect.poll(() => page.count('tr[data-entry-id]')).toBe(1);
    expect(await page.text('tr[data-entry-id] td[lang=kk]')).toBe('сынақ қоры 2718');
    expect(await page.count('.pager')).toBe(0);
    const [id] = await page.attrs('tr[data-entry-id]', 'data-entry-id');
    await page.click('tr[data-entry-id] .row-actions button:not(.danger)');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#entry=${id}$`));
    await expect.poll(() => page.value('[name="kk-term"]')).toBe('сынақ қоры 2718');
    expect(await page.value('[name="ru-term"]')).toBe('тестовый фонд 2718');

    // "Select all" takes every entry the filter lets through, not only the page drawn;
    // they go in one batch and come back with one undo.
    await page.evaluate(() => void (location.hash = ''));
    await page.fill('#entries-filter', 'жиырмалық');
    await expect.poll(() => page.text('.page-range')).toBe('1–100 of 150');
    await page.click('input[name=select-all]');
    await expect
      .poll(() => page.text('button[name=delete-selected]'))
      .toBe('Delete selected (150)');
    await page.click('button[name=delete-selected]');
    await expect.poll(() => page.count('.entries .empty')).toBe(1);
    expect(await page.text('.entries .toast')).toContain('Deleted 150 entries.');
    await page.click('button[name=undo-delete]');
    await expect.poll(() => page.text('.page-range')).toBe('1–100 of 150');
    await page.close();
  });
});
