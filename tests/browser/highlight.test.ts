/**
 * The content script in real Chromium and Firefox with the built extension: terms are
 * highlighted in their inflected forms in both languages, across inline tags
 * and line breaks, never in form fields or hidden text, without touching the
 * page's DOM; new text is highlighted; the per-site switch and new personal
 * entries take effect without a reload.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, type TestPage } from './driver';
import {
  allHighlighted,
  clause,
  constitution,
  escapeHtml,
  highlightTexts,
} from './highlight-pages';
import { useExtension } from './setup';

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');

const page1 = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Конституция</title>
<script>window.pageScriptRan = 'суд';</script><style>.x { color: #333 }</style></head><body>
<h1>Статья 76</h1>
<p id="ru76">${escapeHtml(clause(ru, '76', '1'))}</p>
<p id="kk76">${escapeHtml(clause(kk, '76', '1'))}</p>
<p id="ru72">${escapeHtml(clause(ru, '72', '7'))}</p>
<p id="kk72">${escapeHtml(clause(kk, '72', '7'))}</p>
<p id="inline">Жалоба направлена в <b>Конституционный</b> <a href="#x">Суд</a>; Конститу<span>ционным</span> Судом решено.</p>
<p id="br">Біз <a href="#y">Конституциялық</a><br>
Сотына жүгіндік</p>
<p id="blocks"><span>Верховный</span></p><div>Суд</div>
<p id="mine">Новый термин: эстоппель. Эстоппеля нет. Кеше эстоппельді көрдік.</p>
<form><input id="field" value="Конституционный Суд"><textarea id="area">Решения суда</textarea>
<select><option>суд</option></select></form>
<div hidden>спрятанный суд</div><div style="display:none">невидимый суд</div>
<div contenteditable="true">редактируемый суд</div>
<div id="later"></div>
</body></html>`;

/** A long law: far more terms than are registered at once, one paragraph after another. */
const LONG_PARAGRAPHS = 1500;
const longSource = [clause(ru, '72', '7'), clause(kk, '72', '7'), clause(ru, '76', '1')];
const longPage = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Длинный</title></head><body>
${Array.from({ length: LONG_PARAGRAPHS }, (_, i) => `<p id="p${i}">${escapeHtml(longSource[i % longSource.length]!)}</p>`).join('\n')}
</body></html>`;

describe.each(BROWSERS)('%s', (name) => {
  const { browser, server } = useExtension(name, {
    '/page1.html': page1,
    '/framed.html': `<!doctype html><meta charset="utf-8"><p>Снаружи.</p><iframe src="/frame.html"></iframe>`,
    '/frame.html': `<!doctype html><meta charset="utf-8"><p>${escapeHtml(clause(ru, '76', '1'))}</p>`,
    '/long.html': longPage,
  });
  const send = (msg: unknown): Promise<unknown> => browser.send(msg);

  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

  async function openPage(): Promise<TestPage> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/page1.html`);
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(5);
    return page;
  }

  test('terms are highlighted in inflected forms, in both languages, across inline tags and line breaks', async () => {
    const page = await openPage();
    const texts = (await allHighlighted(page)).map(norm);
    // Russian, declined: "судом", "Конституционного Суда", "Конституционным Судом".
    expect(texts).toContain('Правосудие');
    expect(texts).toContain('судом');
    expect(texts).toContain('Конституционного Суда');
    expect(texts).toContain('Конституционный Суд'); // across <b> and <a>
    expect(texts).toContain('Конституционным Судом'); // split inside a word by <span>
    // Kazakh, inflected: "сот төрелігін", "Конституциялық Соттың", "Конституциялық Сотына" across <a> and <br>.
    expect(texts).toContain('сот төрелігін');
    expect(texts).toContain('Конституциялық Соттың');
    expect(texts).toContain('Конституциялық Сотына');
    // Block elements separate: "Верховный" in a <p> and "Суд" in the next <div> are not one term.
    expect(texts).not.toContain('Верховный Суд');
    expect(texts, JSON.stringify(texts)).toContain('Суд');
    // Nothing from fields, hidden or editable elements, scripts or the title.
    const inPage = await page.evaluate(() => {
      const ranges = ['atazan-exact', 'atazan-approximate', 'atazan-personal'].flatMap((n) => [
        ...(CSS.highlights.get(n) ?? []),
      ]);
      return ranges.map((r) => {
        const el = r.startContainer.parentElement;
        return el
          ? (el.closest('form, [hidden], [style], [contenteditable], script, head')?.tagName ?? '')
          : '?';
      });
    });
    expect(inPage.filter((t) => t !== '')).toEqual([]);
    await page.close();
  });

  test('the page DOM and form fields are unchanged', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/page1.html`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.fill('#field', 'Конституционный Суд Республики');
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(5);
    await page.wait(300);
    const after = await page.evaluate(() => ({
      body: document.body.innerHTML,
      field: (document.getElementById('field') as HTMLInputElement).value,
      area: (document.getElementById('area') as HTMLTextAreaElement).value,
      extra: [...document.documentElement.children].map((e) => e.tagName.toLowerCase()),
      sheets: document.adoptedStyleSheets.length,
      pageScript: (window as unknown as { pageScriptRan: string }).pageScriptRan,
    }));
    expect(after.body).toBe(before);
    expect(after.field).toBe('Конституционный Суд Республики');
    expect(after.area).toBe('Решения суда');
    // Only <head>, <body> and at most our own host; the ::highlight rules are one adopted sheet.
    expect(after.extra.filter((t) => t !== 'head' && t !== 'body' && t !== 'atazan-card')).toEqual(
      [],
    );
    expect(after.sheets).toBe(1);
    expect(after.pageScript).toBe('суд');
    await page.close();
  });

  test('text added after load is highlighted', async () => {
    const page = await openPage();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Дело рассмотрено Конституционным Судом. Споры разрешаются судами.';
      document.getElementById('later')!.appendChild(p);
    });
    await expect.poll(async () => (await allHighlighted(page)).map(norm)).toContain('судами');
    const twice = (await allHighlighted(page))
      .map(norm)
      .filter((t) => t === 'Конституционным Судом');
    expect(twice).toHaveLength(2); // once in #inline, once in the new paragraph
    // Editing a text node in place repaints it.
    await page.evaluate(() => {
      (document.querySelector('#added')!.firstChild as Text).data =
        'Решение суда первой инстанции.';
    });
    // The old spans go at once and the new ones come after the background's answer,
    // so wait for the end state itself (Firefox showed the gap between the two).
    await expect
      .poll(async () => {
        const texts = (await allHighlighted(page)).map(norm);
        return texts.includes('Решение суда') && !texts.includes('судами');
      })
      .toBe(true);
    const now = (await allHighlighted(page)).map(norm);
    expect(now.filter((t) => t === 'Конституционным Судом')).toHaveLength(1);
    await page.close();
  });

  test('a page that mutates without pause is followed, within bounded work', async () => {
    const page = await openPage();
    await page.evaluate(() => {
      const log = document.getElementById('later')!;
      let n = 0;
      // A new line every 5 ms and a counter rewritten every 5 ms: the debounce never settles.
      const counter = document.createElement('div');
      log.appendChild(counter);
      const timer = setInterval(() => {
        counter.textContent = String(++n);
        const p = document.createElement('p');
        p.className = 'tick';
        p.textContent = `Сводка ${n}: решение суда`;
        log.appendChild(p);
      }, 5);
      setTimeout(() => clearInterval(timer), 2500);
    });
    await page.wait(2600);
    const ticks = await page.evaluate(() => document.querySelectorAll('.tick').length);
    // Caught up soon after the page calms down: every line highlighted, none twice.
    await expect
      .poll(
        async () =>
          (await allHighlighted(page)).map(norm).filter((t) => t === 'решение суда').length,
      )
      .toBe(ticks);
    // Rescans about once a second while it mutated, not once per mutation.
    const scans = await page.evaluate(
      () => performance.getEntriesByName('atazan-scan-done').length,
    );
    expect(scans).toBeLessThanOrEqual(8);
    await page.close();
  });

  test('terms inside frames are highlighted too, and the site switch of the page applies to them', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/framed.html`);
    const inFrame = (): Promise<string[]> =>
      page.evaluateInFrame('/frame.html', () =>
        [...(CSS.highlights.get('atazan-exact') ?? [])].map((r) => {
          const x = document.createRange();
          x.setStart(r.startContainer, r.startOffset);
          x.setEnd(r.endContainer, r.endOffset);
          return x.toString();
        }),
      );
    await expect.poll(inFrame).toContain('судом');
    await send({ type: 'settings/set', patch: { disabledSites: ['127.0.0.1'] } });
    await expect.poll(async () => (await inFrame()).length).toBe(0);
    await send({ type: 'settings/set', patch: { disabledSites: [] } });
    // Requests go through a helper page: the page's tab comes back to the front, where
    // the browser reports what is near the viewport (ranges are registered as it comes into view).
    await page.bringToFront();
    await expect.poll(inFrame).toContain('судом');
    await page.close();
  });

  test('the per-site switch removes and restores highlights without a reload', async () => {
    const page = await openPage();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await send({ type: 'settings/set', patch: { disabledSites: ['127.0.0.1'] } });
    await expect.poll(async () => (await allHighlighted(page)).length).toBe(0);
    await send({ type: 'settings/set', patch: { disabledSites: [] } });
    await page.bringToFront();
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThan(5);
    // Same document: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.close();
  });

  test('a personal entry saved elsewhere is highlighted in open tabs without a reload, and goes when deleted', async () => {
    const page = await openPage();
    const saved = (await send({
      type: 'entry/save',
      entry: {
        id: '',
        kk: { term: 'эстоппель', variants: [], definition: 'Өз мәлімдемесінен бас тартуға тыйым.' },
        ru: {
          term: 'эстоппель',
          variants: [],
          definition: 'Запрет отказываться от своих заявлений.',
        },
        citations: [],
        tags: [],
      },
    })) as { id: string };
    expect(saved.id).toMatch(/^p-/);
    await expect
      .poll(async () => (await highlightTexts(page))['atazan-personal']!.map(norm), {
        timeout: 10_000,
      })
      .toEqual(expect.arrayContaining(['эстоппель', 'Эстоппеля', 'эстоппельді']));
    await send({ type: 'entry/delete', id: saved.id });
    await expect
      .poll(async () => (await highlightTexts(page))['atazan-personal']!.length, {
        timeout: 10_000,
      })
      .toBe(0);
    await page.close();
  });

  test('on a long page the terms in view are highlighted first, and those far below when scrolled to', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/long.html`);
    // The scan is done (its mark is readable from the page's world).
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('atazan-scan-done').length), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    /** Highlighted ranges in paragraph #p<i>. */
    const inParagraph = (i: number): Promise<number> =>
      page.evaluate((id) => {
        const p = document.getElementById(id)!;
        let n = 0;
        for (const k of ['atazan-exact', 'atazan-approximate', 'atazan-personal']) {
          for (const r of CSS.highlights.get(k) ?? []) if (p.contains(r.startContainer)) n++;
        }
        return n;
      }, `p${i}`);
    const last = LONG_PARAGRAPHS - 1;
    expect(await inParagraph(0)).toBeGreaterThan(0);
    // Far below waits for the reader: the whole page registered at once is what made long pages stutter.
    expect(await inParagraph(last)).toBe(0);
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), `p${last}`);
    await expect.poll(() => inParagraph(last)).toBeGreaterThan(0);
    await page.close();
  });
});
