/**
 * The background's life cycle, in Chromium with the built extension: the
 * compiled glossary is stored for the current revision; a stopped service
 * worker, woken by the next page, highlights it as before; and after the
 * extension is reloaded (as an update does), a tab that stayed open keeps no
 * dead highlights and says once, on hover, that the page needs a reload. An
 * options page opened right after install shows its list without waiting for
 * the bundled rows to be written. A large termbase, stored as a part of its
 * own, answers a woken worker's first page from the bundled part while it
 * loads, then the page is scanned again with the termbase.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  servePages,
  stopServiceWorkers,
  storedIndexRevisions,
  type ExtensionBrowser,
  type PageServer,
} from './harness';
import { clause, constitution, escapeHtml } from './highlight-pages';
import { PERSONAL_PART_FROM } from '../../entrypoints/background/stored-index';
import { testEntry } from '../support/entries';

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');
const LAW = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Закон</title></head><body>
${['76', '72', '75'].map((a) => `<p>${escapeHtml(clause(ru, a, '1'))}</p><p>${escapeHtml(clause(kk, a, '1'))}</p>`).join('\n')}
</body></html>`;

/** The same law, its parsing held up halfway by a long script, as a heavy page's is. */
const SLOW = LAW.replace(
  '</p>',
  '</p><script>for (const end = Date.now() + 1500; Date.now() < end; );</script>',
);

/** Ranges in our highlights, as the page's registry holds them. */
const highlighted = (page: Page): Promise<number> =>
  page.evaluate(() =>
    ['atazan-exact', 'atazan-approximate', 'atazan-personal'].reduce(
      (n, k) => n + (CSS.highlights.get(k)?.size ?? 0),
      0,
    ),
  );

describe('chromium: stored index, woken worker, an open tab after an update', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let url: string;
  let painted = 0;

  beforeAll(async () => {
    server = await servePages({ '/law.html': LAW, '/slow.html': SLOW });
    url = `${server.url}/law.html`;
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a fresh profile highlights the first page, and the compiled glossary is stored for its revision', async () => {
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBeGreaterThan(10);
    painted = await highlighted(page);
    const stored = () => browser.serviceWorker.evaluate(storedIndexRevisions);
    await expect.poll(stored, { timeout: 20_000 }).not.toBeNull();
    const [indexRevision, revision] = (await stored())!;
    expect(indexRevision).toBe(revision);
    await page.close();
  });

  test('a stopped service worker, woken by the next page, highlights the same terms', async () => {
    const blank = await browser.context.newPage();
    await stopServiceWorkers(browser, blank);
    await blank.goto(url);
    await expect.poll(() => highlighted(blank), { timeout: 30_000 }).toBe(painted);
    await blank.close();
  });

  test('a page that starts to load wakes the stopped worker while it is still being parsed', async () => {
    const blank = await browser.context.newPage();
    await stopServiceWorkers(browser, blank);
    await blank.goto(`${server.url}/slow.html`);
    await expect.poll(() => highlighted(blank), { timeout: 30_000 }).toBeGreaterThan(10);
    const parsed = await blank.evaluate(
      () =>
        performance.timeOrigin +
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventStart,
    );
    const worker = browser.context
      .serviceWorkers()
      .filter((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))
      .at(-1)!;
    const { started, wokenFirst } = await worker.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Infinity;
      return {
        started: performance.timeOrigin + at('atazan-worker-start'),
        wokenFirst: at('atazan-worker-first-worker/wake') < at('atazan-worker-first-settings/get'),
      };
    });
    // Started before the page's parsing ended, so not by the content script (document_end).
    expect(started).toBeLessThan(parsed);
    expect(wokenFirst).toBe(true);
    await blank.close();
  });

  test('a stored index cut short is rebuilt: the woken worker highlights the same terms and stores it whole again', async () => {
    const blank = await browser.context.newPage();
    const worker = browser.context
      .serviceWorkers()
      .filter((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))
      .at(-1)!;
    // The row keeps the index's packed bytes as a Blob (db/compiled-index-store.ts): keep only half of them.
    const whole = await worker.evaluate(storedIndexBytes);
    expect(whole).toBeGreaterThan(1000);
    await worker.evaluate(cutStoredIndex, 'glossary');
    expect(await worker.evaluate(storedIndexBytes)).toBe(Math.floor(whole / 2));
    await stopServiceWorkers(browser, blank);
    await blank.goto(url);
    await expect.poll(() => highlighted(blank), { timeout: 30_000 }).toBe(painted);
    const woken = browser.context
      .serviceWorkers()
      .filter((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))
      .at(-1)!;
    await expect.poll(() => woken.evaluate(storedIndexBytes), { timeout: 20_000 }).toBe(whole);
    const [indexRevision, revision] = (await woken.evaluate(storedIndexRevisions))!;
    expect(indexRevision).toBe(revision);
    await blank.close();
  });

  // Chromium does not bring back an extension loaded from the command line after
  // chrome.runtime.reload(), so this checks the old copy's side of an update; the
  // injection into open tabs is driven in inject.test.ts, which installs the extension itself.
  test(
    'after the extension is reloaded, an open tab drops its highlights and says so once on hover',
    { timeout: 120_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(url);
      await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(painted);
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      const worker = browser.context
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))!;
      await worker
        .evaluate(() =>
          (
            globalThis as unknown as { chrome: { runtime: { reload(): void } } }
          ).chrome.runtime.reload(),
        )
        .catch(() => undefined);
      // No dead highlights: the orphaned copy took them away, and its card host.
      await expect.poll(() => highlighted(page), { timeout: 30_000 }).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('atazan-card').length)).toBe(0);
      // The reader's next pointer move gets the note, once, in our own host element.
      const note = (): Promise<string | null> =>
        page.evaluate(() => document.querySelector('atazan-card')?.shadowRoot?.textContent ?? null);
      await page.mouse.move(100, 100);
      await page.mouse.move(120, 110);
      await expect.poll(note).toContain('Ata Zan was updated — reload the page');
      expect(await page.evaluate(() => document.querySelectorAll('atazan-card').length)).toBe(1);
      await page.mouse.move(200, 200);
      expect(await page.evaluate(() => document.querySelectorAll('atazan-card').length)).toBe(1);
      // Not reloaded: the page's own state is still there.
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      await page.close();
    },
  );
});
describe('chromium: the options page opened right after install', () => {
  test('shows the empty list of personal entries before the bundled rows are written, then lists an entry added', async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.locator('.entries .empty').waitFor();
      // The worker's marks: the list was answered, and the seeding had not ended then.
      const marks = new Map(
        await browser.serviceWorker.evaluate(() =>
          performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        ),
      );
      const listed = marks.get('atazan-worker-first-entries/page');
      expect(listed).toBeDefined();
      expect(listed!).toBeLessThan(marks.get('atazan-worker-seeded') ?? Infinity);
      // An entry saved meanwhile waits for the rows, then the list shows it.
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
      await page.fill('[name="kk-term"]', 'сенімхат куәлігі');
      await page.fill('[name="ru-term"]', 'удостоверение доверенности');
      await page.click('button[type=submit]');
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect.poll(() => page.locator('tr[data-entry-id]').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});

/** A word of its own for each number: Cyrillic letters for its digits. */
const letters = (n: number) => [...String(n)].map((d) => 'абвгдежзик'[Number(d)]).join('');

describe('chromium: a woken worker with a large termbase', () => {
  const TERMBASE = Array.from({ length: PERSONAL_PART_FROM + 100 }, (_, i) =>
    testEntry(`tb-${i}`, `${letters(i)}шарт`, `${letters(i)}трактат`),
  );
  const PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Договор</title></head><body>
<p>Правосудие осуществляется только судом. Стороны заключили ${letters(1234)}трактат.</p></body></html>`;

  test(
    'answers the first page from the bundled part while the termbase part loads, then highlights the termbase too',
    { timeout: 180_000 },
    async () => {
      const server = await servePages({ '/contract.html': PAGE });
      const browser = await launchWithExtension();
      try {
        const options = await browser.context.newPage();
        await options.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
        const summary = await options.evaluate(async (entries) => {
          const { chrome } = globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ importId: string }> } };
          };
          const send = (m: unknown) => chrome.runtime.sendMessage(m);
          const { importId } = await send({ type: 'import/begin', policy: 'skip' });
          for (let i = 0; i < entries.length; i += 1000)
            await send({
              type: 'import/chunk',
              importId,
              entries: entries.slice(i, i + 1000),
              offset: i,
            });
          return send({ type: 'import/commit', importId });
        }, TERMBASE);
        expect(summary).toMatchObject({ added: TERMBASE.length });
        // The glossary with the termbase, compiled when the worker is idle and stored in two parts.
        await expect
          .poll(() => browser.serviceWorker.evaluate(storedParts), { timeout: 60_000 })
          .toEqual({ parts: 2, current: true });
        // The termbase part broken off: the woken worker compiles it all again (seconds), and
        // answers pages from the bundled part meanwhile.
        await browser.serviceWorker.evaluate(cutStoredIndex, 'glossary-personal');
        await stopServiceWorkers(browser, options);
        const page = await browser.context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { firstExact?: number; firstPersonal?: number };
          const check = () => {
            const now = performance.now();
            if ((CSS.highlights.get('atazan-exact')?.size ?? 0) > 0) w.firstExact ??= now;
            if ((CSS.highlights.get('atazan-personal')?.size ?? 0) > 0) w.firstPersonal ??= now;
            if (w.firstPersonal === undefined) requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        await page.goto(`${server.url}/contract.html`);
        const seen = () =>
          page.evaluate(() => {
            const w = window as unknown as { firstExact?: number; firstPersonal?: number };
            return { firstExact: w.firstExact, firstPersonal: w.firstPersonal };
          });
        await expect
          .poll(async () => (await seen()).firstPersonal, { timeout: 60_000 })
          .toBeDefined();
        const { firstExact, firstPersonal } = await seen();
        expect(firstExact!).toBeLessThan(firstPersonal!);
        const worker = browser.context
          .serviceWorkers()
          .filter((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`))
          .at(-1)!;
        const marks = new Map(
          await worker.evaluate(() =>
            performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
          ),
        );
        expect(marks.get('atazan-worker-early')).toBeDefined();
        expect(marks.get('atazan-worker-first-text/scan')!).toBeLessThan(
          marks.get('atazan-worker-compiled')!,
        );
        // Both parts stored again: the next wake loads them, and the page is highlighted the same.
        await expect
          .poll(() => worker.evaluate(storedParts), { timeout: 60_000 })
          .toEqual({ parts: 2, current: true });
        const painted = await highlighted(page);
        // правосудие, судом, Стороны and the termbase's term.
        expect(painted).toBe(4);
        await stopServiceWorkers(browser, page);
        const again = await browser.context.newPage();
        await again.goto(`${server.url}/contract.html`);
        await expect.poll(() => highlighted(again), { timeout: 30_000 }).toBe(painted);
      } finally {
        await browser.close();
        await server.close();
      }
    },
  );
});

/** How many parts the stored index has, and whether it is of the current revision (evaluated in the worker). */
function storedParts(): Promise<{ parts: number; current: boolean } | null> {
  return new Promise((resolve) => {
    const req = indexedDB.open('atazan');
    req.onerror = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['compiledIndex', 'meta']);
      const first = tx.objectStore('compiledIndex').get('glossary');
      const personal = tx.objectStore('compiledIndex').get('glossary-personal');
      const meta = tx.objectStore('meta').get('revision');
      tx.oncomplete = () => {
        db.close();
        const a = first.result as { revision: number; parts?: number } | undefined;
        const b = personal.result as { revision: number } | undefined;
        const revision = (meta.result as { value: number } | undefined)?.value;
        if (!a) return resolve(null);
        const parts = a.parts ?? 1;
        resolve({
          parts,
          current: a.revision === revision && (parts === 1 || b?.revision === revision),
        });
      };
    };
  });
}

/** The byte size of the stored index's Blob, or -1 when the row holds none (evaluated in the worker). */
function storedIndexBytes(): Promise<number> {
  return new Promise((resolve) => {
    const req = indexedDB.open('atazan');
    req.onerror = () => resolve(-1);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction('compiledIndex').objectStore('compiledIndex').get('glossary');
      get.onsuccess = () => {
        const value = (get.result as { value?: unknown } | undefined)?.value;
        db.close();
        resolve(value instanceof Blob ? value.size : -1);
      };
      get.onerror = () => resolve(-1);
    };
  });
}

/** Cut a stored index row's Blob to its first half, as a write broken off would (evaluated in the worker). */
function cutStoredIndex(key = 'glossary'): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('atazan');
    req.onerror = () => reject(new Error('no database'));
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('compiledIndex', 'readwrite');
      const store = tx.objectStore('compiledIndex');
      const get = store.get(key);
      get.onsuccess = () => {
        const row = get.result as { value: Blob };
        store.put({ ...row, value: row.value.slice(0, Math.floor(row.value.size / 2)) });
      };
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(new Error('not written'));
    };
  });
}
