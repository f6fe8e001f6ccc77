/**
 * The toolbar popup, opened as a page of the built extension: the search box
 * has focus, results come as you type (folded, transliterated, fuzzy), arrow
 * keys and Enter open the shared card, Escape goes back and clears.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { BROWSERS, type TestPage } from './driver';
import { useExtension } from './setup';

describe.each(BROWSERS)('%s', (name) => {
  const { browser } = useExtension(name);
  let page: TestPage;
  beforeAll(async () => {
    page = await browser.newPage();
    await page.setViewport(400, 600);
    await page.goto(browser.extensionUrl('popup.html'));
    await page.waitForText('.status', /\d/);
    // The background has built the index of the stored glossary (its first answers may come
    // from the bundled glossary alone while it does).
    // (expect.poll runs inside tests only; vi.waitFor also in hooks.)
    await vi.waitFor(
      async () => {
        const res = (await browser.send({ type: 'search/query', query: 'сот' })) as {
          complete: boolean;
        };
        if (!res.complete) throw new Error('the search index is not built yet');
      },
      { timeout: 30_000, interval: 200 },
    );
    // Requests go through a helper page of their own: the popup's tab comes back to the front.
    await page.bringToFront();
  });

  const RESULTS = '#results [role=option]';
  const firstResult = (): Promise<string | null> => page.text(RESULTS);

  test('the search box has focus on open', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  test.each([
    ['сот торелиги', 'сот төрелігі'],
    ['sot toreligi', 'сот төрелігі'],
    ['канституция', 'Конституция'],
    ['правосудие', 'правосудие'],
  ])('typing %s finds %s first', async (query, expected) => {
    await page.fill('#search', query);
    await expect.poll(firstResult).toContain(expected);
  });

  test('a result shows both terms and the first citation', async () => {
    await page.fill('#search', 'сот төрелігі');
    await expect.poll(() => page.text(`${RESULTS} [lang=kk]`)).toBe('сот төрелігі');
    expect(await page.text(`${RESULTS} [lang=ru]`)).toBe('правосудие');
    expect(await page.text(`${RESULTS} .citation`)).toMatch(/2026|1995/);
  });

  test('a personal entry is found as soon as it is saved', async () => {
    await browser.send({
      type: 'entry/save',
      entry: { kk: { term: 'жаңа сынақ термині' }, ru: { term: 'новый пробный термин' } },
    });
    await page.fill('#search', 'новый пробный');
    await expect.poll(firstResult).toContain('жаңа сынақ термині');
    expect(await page.text(`${RESULTS} .badge`)).toBeTruthy();
  });

  test('the search index of the current glossary is stored for the next popup, which finds the saved entry', async () => {
    // What the popup reads as it opens when the worker is asleep (lib/stored-search.ts).
    const storedRevisions = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('atazan');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const get = <T>(store: string, key: string) =>
          new Promise<T | undefined>((resolve) => {
            const r = db.transaction(store).objectStore(store).get(key);
            r.onsuccess = () => resolve(r.result as T | undefined);
          });
        const meta = await get<{ value: number }>('meta', 'revision');
        const row = await get<{ revision: number; value: ArrayBuffer }>('compiledIndex', 'search');
        db.close();
        return { current: meta?.value, stored: row?.revision, bytes: row?.value.byteLength ?? 0 };
      });
    await expect
      .poll(async () => {
        const r = await storedRevisions();
        return r.stored === r.current && r.bytes > 0;
      })
      .toBe(true);
    const next = await browser.newPage();
    await next.goto(browser.extensionUrl('popup.html'));
    await next.fill('#search', 'новый пробный');
    await expect.poll(() => next.text(RESULTS)).toContain('жаңа сынақ термині');
    await next.close();
    await page.bringToFront();
  });

  test('the full popup takes over from the first results with the query, the caret and the focus', async () => {
    const next = await browser.newPage();
    await next.goto(browser.extensionUrl('popup.html'));
    // Typed and the caret moved back at once: usually still in the first screen (index.html).
    await next.fill('#search', 'сот');
    await next.evaluate(() =>
      document.querySelector<HTMLInputElement>('#search')!.setSelectionRange(1, 1),
    );
    await expect.poll(() => next.count('#popup-shell')).toBe(0);
    expect(await next.count('input[name=enabled]')).toBe(1);
    expect(await next.count('#search')).toBe(1);
    expect(await next.value('#search')).toBe('сот');
    expect(
      await next.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#search')!;
        return [document.activeElement === input, input.selectionStart, input.selectionEnd];
      }),
    ).toEqual([true, 1, 1]);
    await expect.poll(async () => (await next.attrs(RESULTS, 'data-entry-id'))[0]).toBe('court');
    await next.close();
    await page.bringToFront();
  });

  test('arrow keys and Enter open the card; Escape returns and then clears', async () => {
    await page.fill('#search', 'сот');
    await expect.poll(async () => (await page.attrs(RESULTS, 'data-entry-id'))[0]).toBe('court');
    const second = (await page.attrs(RESULTS, 'data-entry-id'))[1];
    expect(second).toBeTruthy();
    await page.press('ArrowDown');
    await expect
      .poll(async () => (await page.attrs('#results [aria-selected=true]', 'data-entry-id'))[0])
      .toBe(second);
    await page.press('Enter');
    await expect.poll(async () => (await page.attrs('.atz-card', 'data-entry-id'))[0]).toBe(second);
    await page.press('Escape');
    await expect.poll(() => page.value('#search')).toBe('сот');
    await page.press('Escape');
    await expect.poll(() => page.value('#search')).toBe('');
  });

  test('a popup opens in the interface language the last one showed', async () => {
    await browser.send({ type: 'settings/set', patch: { uiLanguage: 'kk' } });
    try {
      const first = await browser.newPage();
      await first.goto(browser.extensionUrl('popup.html'));
      await expect.poll(() => first.text('.popup-head button')).toBe('Менің глоссарийім');
      await expect.poll(() => first.count('#popup-shell')).toBe(0);
      await first.close();
      // The next one is labelled in Kazakh from its first screen on, before the settings are read.
      const next = await browser.newPage();
      await next.goto(browser.extensionUrl('popup.html'));
      expect(
        await next.evaluate(() => [
          document.documentElement.lang,
          document.querySelector<HTMLInputElement>('#search')!.placeholder,
        ]),
      ).toEqual(['kk', 'Қазақша, орысша немесе латынша іздеу…']);
      await next.close();
    } finally {
      await browser.send({ type: 'settings/set', patch: { uiLanguage: 'auto' } });
      await page.bringToFront();
    }
  });
});
