/**
 * The Constitution's parallel reader (constitution.html) in the built
 * extension: the address's article is scrolled to and marked, with both
 * languages side by side clause by clause, word for word as the official
 * texts; the glossary's terms are highlighted with the same names and open
 * the same card; either edition; an article an edition lacks is said so.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, type TestPage } from './driver';
import {
  allHighlighted,
  cardState,
  clause,
  constitution,
  highlightedIn,
  hoverText,
} from './highlight-pages';
import { useExtension } from './setup';

const TEXTS = {
  '2026': { kk: constitution('2026.kk'), ru: constitution('2026.ru') },
  '1995': { kk: constitution('1995.kk'), ru: constitution('1995.ru') },
};

/** The marked article and clause, whether the article's heading is in view, and the clause's two texts. */
async function marked(page: TestPage) {
  return page.evaluate(() => {
    const article = document.querySelector<HTMLElement>('.reader-target');
    const row = document.querySelector<HTMLElement>('.reader-target-clause');
    const b = article?.querySelector('h3')?.getBoundingClientRect();
    return {
      article: article?.dataset.article ?? null,
      current: article?.getAttribute('aria-current') ?? null,
      clause: row?.dataset.clause ?? null,
      inView: b ? b.top >= 0 && b.bottom <= innerHeight : false,
      scrolled: scrollY,
      kk: row?.querySelector('[lang=kk]')?.textContent ?? null,
      ru: row?.querySelector('[lang=ru]')?.textContent ?? null,
    };
  });
}

describe.each(BROWSERS)('%s', (name) => {
  const { browser } = useExtension(name);

  async function openReader(query: string): Promise<TestPage> {
    const page = await browser.openExtensionPage(`constitution.html?${query}`);
    await page.setViewport(1000, 700);
    await expect.poll(() => page.count('.reader-article'), { timeout: 10_000 }).toBeGreaterThan(50);
    return page;
  }

  test('opens at the cited article and clause, Kazakh and Russian side by side', async () => {
    const page = await openReader('edition=2026&article=72&clause=7');
    await expect
      .poll(() => marked(page))
      .toMatchObject({
        article: '72',
        current: 'location',
        clause: '7',
      });
    const m = await marked(page);
    expect(m.scrolled).toBeGreaterThan(1000);
    expect(m.kk).toBe(`7. ${clause(TEXTS['2026'].kk, '72', '7')}`);
    expect(m.ru).toBe(`7. ${clause(TEXTS['2026'].ru, '72', '7')}`);
    // The clause row is in view (the heading may sit above it in a long article).
    const rowTop = await page.evaluate(
      () => document.querySelector('.reader-target-clause')!.getBoundingClientRect().top,
    );
    expect(rowTop).toBeGreaterThanOrEqual(0);
    expect(rowTop).toBeLessThan(700);
    // Every clause of the edition is there, in both languages.
    const rows = await page.count('.reader-clause');
    expect(rows).toBe(TEXTS['2026'].kk.length);
    await page.close();
  });

  test('the 1995 edition, an article without numbered clauses', async () => {
    const page = await openReader('edition=1995&article=10');
    await expect.poll(() => marked(page)).toMatchObject({ article: '10', inView: true });
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('#article-10 .reader-clause')].map((r) => ({
        kk: r.querySelector('[lang=kk]')!.textContent,
        ru: r.querySelector('[lang=ru]')!.textContent,
      })),
    );
    const kk = TEXTS['1995'].kk.filter((r) => r.article === '10');
    expect(texts.length).toBe(kk.length);
    expect(texts[0]!.kk).toContain(kk[0]!.text);
    expect(texts[0]!.ru).toContain(TEXTS['1995'].ru.find((r) => r.article === '10')!.text);
    expect(await page.value('select[name=edition]')).toBe('1995');
    await page.close();
  });

  test('the glossary’s terms are highlighted with the same names and open the same card', async () => {
    const page = await openReader('edition=2026&article=72&clause=7');
    await expect
      .poll(async () => (await allHighlighted(page)).length, { timeout: 10_000 })
      .toBeGreaterThan(100);
    const names = await page.evaluate(() =>
      ['atazan-exact', 'atazan-approximate', 'atazan-personal'].filter((n) =>
        CSS.highlights.has(n),
      ),
    );
    expect(names).toContain('atazan-exact');
    // The reader hovers a term they see marked.
    await expect
      .poll(() => highlightedIn(page, '#article-72-7 [lang=ru]'))
      .toContain('Конституционного Суда');
    await hoverText(page, '#article-72-7 [lang=ru]', 'Конституционного Суда');
    await expect.poll(() => cardState(page)).not.toBeNull();
    expect((await cardState(page))!.text).toContain('Конституциялық Сот');
    await page.close();
  });

  test('an article the edition does not have is said so; choosing an article scrolls to it', async () => {
    const page = await openReader('edition=2026&article=99');
    await expect.poll(() => page.text('.reader-notice')).toContain('99');
    expect((await marked(page)).article).toBeNull();
    await page.evaluate(() => {
      const s = document.querySelector<HTMLSelectElement>('select[name=article]')!;
      s.value = '40';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => marked(page)).toMatchObject({ article: '40', inView: true });
    expect(await page.url()).toContain('constitution.html?edition=2026&article=40');
    await page.close();
  });
});
