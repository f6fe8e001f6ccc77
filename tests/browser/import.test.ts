/**
 * Import with real-world files in the built extension: Excel's windows-1251
 * CSV with semicolons, a UTF-16 file, the preview's repeated ids, undo of an
 * import that overwrote an entry, bulk delete with undo, limits, and every
 * message in the page's language (Russian here), the file picker included.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { CSV_COLUMNS } from '../../glossary/io/csv';
import { cp1251 } from '../support/encodings';
import { DB_NAME } from '../../lib/database-names';

let browser: ExtensionBrowser;
const dir = mkdtempSync(join(tmpdir(), 'atazan-import-'));
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function choose(page: Page, path: string) {
  await page.setInputFiles('input[name=import]', path);
}
/** `n` entries as a file gives them, no id, their terms the two stems numbered from 0. */
const numbered = (n: number, kk: string, ru: string) =>
  Array.from({ length: n }, (_, i) => ({ kk: { term: `${kk} ${i}` }, ru: { term: `${ru} ${i}` } }));
/** Choose a JSON file of `entries` named `name`. */
const chooseJson = (page: Page, name: string, entries: unknown) =>
  choose(page, file(name, JSON.stringify(entries)));
const count = (page: Page, status: string) =>
  page.locator(`.count[data-status=${status}] strong`).textContent();
const rowsWith = (page: Page, text: string) =>
  page.locator('tr[data-entry-id]').filter({ hasText: text }).count();

/** How many import packs the database holds (db/import-packs.ts), read from an extension page. */
const packsLeft = (page: Page) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const counted = db.transaction('importPacks').objectStore('importPacks').count();
          counted.onerror = () => reject(counted.error);
          counted.onsuccess = () => {
            db.close();
            resolve(counted.result);
          };
        };
      }),
    DB_NAME,
  );

async function open(lang: 'en' | 'ru' = 'en'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(optionsUrl());
  await page.evaluate(
    (uiLanguage) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ type: 'settings/set', patch: { uiLanguage } }),
    lang,
  );
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  return page;
}

test('an Excel CSV (windows-1251, semicolons) is read with its Cyrillic, and said so', async () => {
  const page = await open('ru');
  // The file picker speaks the page's language, not the browser's.
  expect(await page.locator('label.file-button').textContent()).toBe('Выберите файл для импорта');
  expect(await page.locator('.file-name').textContent()).toBe('Файл не выбран');
  await choose(
    page,
    file(
      'excel.csv',
      cp1251('kk_term;ru_term;ru_definition\r\nсалық;налоговая новая;«сбор», обязательный\r\n'),
    ),
  );
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  expect(await page.locator('.file-name').textContent()).toBe('excel.csv');
  const notes = await page.locator('.file-note').allTextContents();
  expect(notes).toContain('Прочитан в кодировке кириллица Windows (windows-1251).');
  expect(notes).toContain('Разделитель столбцов: точка с запятой.');
  expect(notes.some((n) => n.includes('«?»'))).toBe(true); // қ is not in windows-1251
  expect(await page.locator('.preview td[lang=ru]').textContent()).toBe('налоговая новая');
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'налоговая новая')).toBe(1);
  await page.screenshot({ path: join(dir, 'excel-import.png') });
  await page.close();
});

test('a UTF-16 file (Excel "Unicode text", tabs) imports', async () => {
  const page = await open();
  const text = '\uFEFFkk_term\tru_term\r\nұлттық қор\tнациональный фонд\r\n';
  await choose(page, file('unicode.txt', Buffer.from(text, 'utf16le')));
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  expect(await page.locator('.file-note').allTextContents()).toContain(
    'Read as UTF-16 (little-endian).',
  );
  expect(await page.locator('.preview td[lang=kk]').textContent()).toBe('ұлттық қор');
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'ұлттық қор')).toBe(1);
  await page.close();
});

test('two entries sharing an id preview as one new and one repeated', async () => {
  const page = await open();
  const entries = [
    { id: 'p-same00000001', kk: { term: 'бірінші' }, ru: { term: 'первый' } },
    { id: 'p-same00000001', kk: { term: 'екінші' }, ru: { term: 'второй' } },
  ];
  await chooseJson(page, 'same-id.json', entries);
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  expect(await count(page, 'new')).toBe('1');
  expect(await count(page, 'repeated')).toBe('1');
  expect(await page.locator('.repeated-help').textContent()).toMatch(/^1 entries repeat/);
  expect(await page.locator('.preview tr[data-status=repeated] td[lang=kk]').textContent()).toBe(
    'екінші',
  );
  await page.close();
});

test('undo of an import restores the entry it overwrote, as it was', async () => {
  const page = await open();
  await chooseJson(page, 'first.json', [
    {
      id: 'p-undo00000001',
      kk: { term: 'сынақ кепілі' },
      ru: { term: 'пробный залог' },
      tags: ['мой'],
    },
  ]);
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'сынақ кепілі')).toBe(1);
  const before = await page.locator('tr[data-entry-id="p-undo00000001"]').textContent();
  expect(before).toContain('мой');

  await choose(
    page,
    file(
      'second.csv',
      'id,kk_term,ru_term,tags\r\np-undo00000001,сынақ кепілі,пробный залог,из файла\r\n,жаңа жол,новая строка,\r\n',
    ),
  );
  await expect.poll(() => count(page, 'changed')).toBe('1');
  await page.check('input[name=policy][value=overwrite]');
  await page.click('button[name=confirm-import]');
  await expect
    .poll(() => page.locator('tr[data-entry-id="p-undo00000001"]').textContent())
    .toContain('из файла');
  expect(await rowsWith(page, 'новая строка')).toBe(1);
  await page.click('button[name=undo-import]');
  await expect.poll(() => page.locator('.io [role=status]').textContent()).toMatch(/undone/);
  await expect
    .poll(() => page.locator('tr[data-entry-id="p-undo00000001"]').textContent())
    .toBe(before);
  expect(await rowsWith(page, 'новая строка')).toBe(0);
  await page.close();
});

test('an import can still be undone from the recent imports after the page is reloaded', async () => {
  const page = await open();
  await chooseJson(page, 'later.json', [
    { kk: { term: 'кейінгі сынақ' }, ru: { term: 'поздний тест' } },
  ]);
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'кейінгі сынақ')).toBe(1);
  await page.reload();
  const item = page.locator('.history li').filter({ hasText: 'later.json' });
  await expect.poll(() => item.count()).toBe(1);
  expect(await item.textContent()).toMatch(/later\.json, .*: 1 added, 0 overwritten\./);
  await item.locator('button').click();
  await expect.poll(() => rowsWith(page, 'кейінгі сынақ')).toBe(0);
  await expect
    .poll(() => page.locator('.history li').filter({ hasText: 'later.json' }).count())
    .toBe(0);
  await page.close();
});

test('bulk delete of selected rows, and its undo', async () => {
  const page = await open();
  const entries = numbered(4, 'топтық', 'групповой');
  await chooseJson(page, 'bulk.json', entries);
  await expect.poll(() => page.locator('.preview').count()).toBe(1);
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'топтық')).toBe(4);
  await page.fill('input[name=filter]', 'топтық');
  await expect.poll(() => page.locator('tr[data-entry-id]').count()).toBe(4);
  await page.check('input[name=select-all]');
  await page.uncheck('tr[data-entry-id]:has-text("топтық 3") input[name=select]');
  expect(await page.locator('button[name=delete-selected]').textContent()).toBe(
    'Delete selected (3)',
  );
  await page.click('button[name=delete-selected]');
  await expect.poll(() => rowsWith(page, 'топтық')).toBe(1);
  expect(await page.locator('.entries .toast').textContent()).toContain('Deleted 3 entries.');
  await page.click('button[name=undo-delete]');
  await expect.poll(() => rowsWith(page, 'топтық')).toBe(4);
  await page.close();
});

test('the CSV export is UTF-8 with a byte order mark, semicolon-separated in the Russian interface', async () => {
  const page = await open('ru');
  expect(await page.locator('select[name=csv-delimiter]').inputValue()).toBe(';');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[name=export-csv]'),
  ]);
  const path = join(dir, 'export.csv');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
  await page.close();
});

test('limits and errors: named entry and field, in Russian, with no English word', async () => {
  const page = await open('ru');
  const englishWords = (s: string) =>
    (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['JSON', 'CSV', 'TBX', 'XML'].includes(w));
  const cases: [string, string | Uint8Array, string][] = [
    [
      'long.csv',
      `kk_term,ru_term\r\nсот,суд\r\n${'ж'.repeat(301)},закон\r\n`,
      'Не удаётся импортировать long.csv: Строка 3: Термин на казахском: слишком длинно — символов 301, предел 300.',
    ],
    [
      'bad.json',
      '{"entries": [{"kk": {"term": "x"}}]}',
      'Не удаётся импортировать bad.json: Запись 1: Термин на русском: обязательное поле.',
    ],
    [
      'cols.csv',
      'term;translation\r\nсот;суд\r\n',
      `Не удаётся импортировать cols.csv: Заголовок (строка 1): Неизвестные столбцы: term, translation. Ожидаются: ${CSV_COLUMNS.join(', ')}.`,
    ],
    [
      'broken.json',
      'not json',
      'Не удаётся импортировать broken.json: Файл не является корректным JSON.',
    ],
    [
      'article.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"edition":"2026","article":"999","clause":"1"}]}]',
      'Не удаётся импортировать article.json: Запись 1: Ссылка 1: в Конституции (2026) нет статьи 999.',
    ],
  ];
  for (const [name, content, message] of cases) {
    await choose(page, file(name, content));
    await expect.poll(() => page.locator('.io [role=alert]').textContent()).toBe(message);
    const shown = (await page.locator('.io [role=alert]').textContent())!;
    // What is left once the file's own words (its name and columns) are taken out.
    expect(englishWords(shown.replace(name, '').replace(/Неизвестные столбцы:.*$/, ''))).toEqual(
      [],
    );
  }
  // The form refuses a term over the limit at its field.
  await page.click('button[name=add]');
  await page.fill('[name="kk-term"]', 'ж'.repeat(301));
  await page.fill('[name="ru-term"]', 'закон');
  await page.click('button[type=submit]');
  await expect
    .poll(() => page.locator('#f-kk-term-error').textContent())
    .toBe('Термин на казахском: слишком длинно — символов 301, предел 300.');
  await page.close();
});

test('a service worker stopped mid-import: "the extension was restarted", in Russian, and nothing half-written', async () => {
  const page = await open('ru');
  // A translator's termbase: large enough that the import is still running when the worker stops.
  const entries = numbered(20000, 'үлкен термин', 'большой термин');
  await chooseJson(page, 'termbase.json', entries);
  await page.waitForSelector('.preview', { timeout: 60_000 });
  expect(await count(page, 'new')).toBe('20000');
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await page.click('button[name=confirm-import]');
  await page.waitForTimeout(100);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect
    .poll(() => page.locator('.io [role=alert]').textContent(), { timeout: 30_000 })
    // The chunk in flight when the worker stopped is lost ("restarted"), or the next chunk
    // meets a worker that no longer knows the import ("interrupted"): either way, said so.
    .toMatch(/^Не удаётся импортировать termbase\.json: .*перезапущено/);
  // The import was one transaction: none of it was written.
  await page.reload();
  await page.fill('input[name=filter]', 'үлкен термин');
  await expect.poll(() => page.locator('.entries .empty').count()).toBe(1);
  await page.close();
}, 120_000);

/** Under load the background answers after a change take seconds, not milliseconds. */
const SLOW = { timeout: 20_000 };

const revision = async (page: Page) =>
  (
    (await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ revision: number }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'glossary/get' }),
    )) as { revision: number }
  ).revision;

test('a termbase of a few thousand entries: progress shown, then a paged table that still finds, edits and deletes', async () => {
  const page = await open('ru');
  const entries = numbered(3000, 'база термині', 'термин базы');
  await chooseJson(page, 'base.json', entries);
  await page.waitForSelector('.preview', { timeout: 60_000 });
  await page.click('button[name=confirm-import]');
  // The bar is labelled, so a screen reader says what it measures.
  const bar = page.getByRole('progressbar', { name: /Записи передаются в глоссарий|Сохраняется/ });
  await expect.poll(() => bar.count(), SLOW).toBe(1);
  await expect
    .poll(() => page.locator('.io [role=status]').textContent(), { timeout: 60_000 })
    .toMatch(/3000/);
  expect(await page.locator('progress').count()).toBe(0);
  // One page of rows is drawn, the pager says how many there are (earlier tests left a few more).
  await page.fill('input[name=filter]', 'база термині');
  await expect
    .poll(() => page.locator('.page-range').textContent(), SLOW)
    .toMatch(/^1–100 из 3\s?000$/);
  expect(await page.locator('tr[data-entry-id]').count()).toBe(100);
  await page.click('button[name=page-next]');
  await expect.poll(() => page.locator('.page-range').textContent(), SLOW).toMatch(/^101–200 из/);
  // The filter finds an entry on any page; edit it, then delete it.
  await page.fill('input[name=filter]', 'база термині 2718');
  await expect.poll(() => rowsWith(page, 'база термині 2718'), SLOW).toBe(1);
  expect(await page.locator('.pager').count()).toBe(0);
  await page.click('tr[data-entry-id]:has-text("база термині 2718") button:not(.danger)');
  await page.waitForSelector('[name="ru-term"]');
  await page.fill('[name="ru-term"]', 'исправленный термин 2718');
  await page.click('button[type=submit]');
  await expect.poll(() => page.locator('.form-status').textContent(), SLOW).toMatch(/\S/);
  await page.evaluate(() => (location.hash = ''));
  await page.fill('input[name=filter]', 'база термині 2718');
  await expect.poll(() => rowsWith(page, 'исправленный термин 2718'), SLOW).toBe(1);
  // The background moves the imported entries into rows after the import: then none is
  // left packed, and the table lists the same, the edit once.
  await expect.poll(() => packsLeft(page), { timeout: 60_000 }).toBe(0);
  await page.fill('input[name=filter]', 'база термині');
  await expect
    .poll(() => page.locator('.page-range').textContent(), SLOW)
    .toMatch(/^1–100 из 3\s?000$/);
  await page.fill('input[name=filter]', 'база термині 2718');
  await expect.poll(() => rowsWith(page, 'исправленный термин 2718'), SLOW).toBe(1);
  await page.click('tr[data-entry-id]:has-text("база термині 2718") button.danger');
  await expect.poll(() => page.locator('.entries .empty').count(), SLOW).toBe(1);
  await page.close();
}, 120_000);

test('a cancelled import writes nothing: the entries and the revision stay as they were', async () => {
  const page = await open('ru');
  await chooseJson(page, 'mine.json', [
    { kk: { term: 'өз терминім' }, ru: { term: 'мой термин' } },
  ]);
  await page.waitForSelector('.preview');
  await page.click('button[name=confirm-import]');
  await expect.poll(() => rowsWith(page, 'өз терминім'), SLOW).toBe(1);
  const before = await revision(page);

  const entries = numbered(8000, 'тоқтатылған', 'отменённый');
  await chooseJson(page, 'cancelled.json', entries);
  await page.waitForSelector('.preview', { timeout: 60_000 });
  await page.click('button[name=confirm-import]');
  await page.waitForSelector('progress');
  await page.click('button[name=cancel-import]');
  await expect
    .poll(() => page.locator('.io [role=status]').textContent(), { timeout: 30_000 })
    .toBe('Импорт отменён; ничего не сохранено.');
  // The preview stays for another try; nothing was written, the revision did not move.
  expect(await page.locator('button[name=confirm-import]').count()).toBe(1);
  expect(await revision(page)).toBe(before);
  await page.fill('input[name=filter]', 'тоқтатылған');
  await expect.poll(() => page.locator('.entries .empty').count(), SLOW).toBe(1);
  await page.fill('input[name=filter]', 'өз терминім');
  await expect.poll(() => rowsWith(page, 'өз терминім'), SLOW).toBe(1);
  await page.close();
}, 120_000);
