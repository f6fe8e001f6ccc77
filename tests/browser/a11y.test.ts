/**
 * An automated accessibility check (axe-core) of the extension's own pages,
 * in both browsers: the popup (with a search result and its card on show),
 * the options page and the Constitution reader have no serious or critical
 * violation. axe's source is run in the page by the test driver, which
 * extension pages' script policy does not restrict; the extension never
 * ships it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { BROWSERS, type TestPage } from './driver';
import { useExtension } from './setup';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe's source wrapped as a page function (it defines `window.axe`). */
const injectAxe = new Function(`${AXE_SOURCE}\nreturn typeof window.axe;`) as () => string;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The page's serious and critical violations, after axe has checked it. */
async function seriousViolations(page: TestPage): Promise<Violation[]> {
  expect(await page.evaluate(injectAxe)).toBe('object');
  const all = await page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }
    ).axe;
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.each(BROWSERS)('%s', (name) => {
  const { browser } = useExtension(name);

  test('the popup, with a result and its card, has no serious or critical violation', async () => {
    const page = await browser.openExtensionPage('popup.html');
    await page.setViewport(400, 600);
    // A fresh profile seeds the glossary first.
    await page.waitForText('.status', /\d/, 30_000);
    await page.fill('#search', 'правосудие');
    await expect.poll(() => page.count('#results [role=option]')).toBeGreaterThan(0);
    await page.press('Enter');
    await expect.poll(() => page.count('.atz-card')).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The check can fail: a button with no name is a critical violation.
    await page.evaluate(() => document.body.append(document.createElement('button')));
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('button-name');
    await page.close();
  });

  test.each(['options.html', 'options.html#add'])(
    '%s has no serious or critical violation',
    async (path) => {
      const page = await browser.openExtensionPage(path);
      await page.setViewport(1000, 800);
      await expect.poll(() => page.count('h1')).toBe(1);
      await expect.poll(() => page.count('input, select')).toBeGreaterThan(2);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );

  test('the Constitution reader has no serious or critical violation', async () => {
    const page = await browser.openExtensionPage('constitution.html?edition=2026&article=10');
    await page.setViewport(1000, 800);
    await expect.poll(() => page.count('.reader-article')).toBeGreaterThan(50);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
