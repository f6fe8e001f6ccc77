/**
 * The toolbar popup, opened as a page of the built extension: the search box
 * has focus, results come as you type (folded, transliterated, fuzzy), arrow
 * keys and Enter open the shared card, Escape goes back and clears.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let page: Page;
beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.locator('.status').filter({ hasText: /\d/ }).waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const firstResult = () => page.locator('#results [role=option]').first();

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
  await expect.poll(() => firstResult().textContent()).toContain(expected);
});

test('a result shows both terms and the first citation', async () => {
  await page.fill('#search', 'сот төрелігі');
  const row = firstResult();
  await expect.poll(() => row.locator('[lang=kk]').textContent()).toBe('сот төрелігі');
  expect(await row.locator('[lang=ru]').textContent()).toBe('правосудие');
  expect(await row.locator('.citation').textContent()).toMatch(/2026|1995/);
});

test('arrow keys and Enter open the card; Escape returns and then clears', async () => {
  await page.fill('#search', 'сот');
  await expect.poll(() => firstResult().getAttribute('data-entry-id')).toBe('court');
  const second = await page
    .locator('#results [role=option]')
    .nth(1)
    .getAttribute('data-entry-id', { timeout: 5000 });
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(() =>
      page
        .locator('#results [aria-selected=true]')
        .getAttribute('data-entry-id', { timeout: 1000 })
        .catch(() => null),
    )
    .toBe(second);
  await page.keyboard.press('Enter');
  await expect
    .poll(() =>
      page
        .locator('.atz-card')
        .getAttribute('data-entry-id', { timeout: 1000 })
        .catch(() => null),
    )
    .toBe(second);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('#search').inputValue()).toBe('сот');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('#search').inputValue()).toBe('');
});
