/**
 * The content script on a ~1 MB legal page in Debian's Chromium with the built
 * extension (`npm run build` first): `npx tsx bench/page.ts`.
 *
 * The page is the 2026 and 1995 Constitutions in both languages, one <p> per
 * clause under article headings, repeated to ~1 MB of HTML. Reported:
 * - time to first highlights and total scan time (from the content script's
 *   own marks; `performance.now()` shares the page's time origin);
 * - the longest main-thread slice the scanner ran, and every long task
 *   (PerformanceObserver 'longtask', registered before the page loads) that
 *   falls inside the scan;
 * - the JS heap the content script adds: the page's JSHeapUsedSize (CDP
 *   Performance.getMetrics, after a forced GC) with the extension minus the
 *   same page in a browser without it.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM, launchWithExtension, servePages } from '../tests/browser/harness';

import { BUNDLED_ENTRIES } from '../glossary/data';
import type { ScanStats } from '../entrypoints/content/scanner';

const entries = BUNDLED_ENTRIES.length;
const SHARED = resolve(import.meta.dirname, '../../shared/constitution');
const TARGET_BYTES = 1024 * 1024;
const RUNS = Number(process.env.RUNS ?? 3);

interface ClauseRecord {
  article: string;
  clause: string | null;
  text: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function buildPage(): { html: string; bytes: number } {
  const parts: string[] = [];
  let bytes = 0;
  const files = ['2026.ru', '2026.kk', '1995.ru', '1995.kk'];
  for (const f of files) {
    if (!existsSync(resolve(SHARED, `${f}.json`))) {
      throw new Error(
        `Missing ${SHARED}/${f}.json: the benchmark needs ../shared beside the repository.`,
      );
    }
  }
  outer: for (let round = 0; ; round++) {
    for (const f of files) {
      const recs = JSON.parse(readFileSync(resolve(SHARED, `${f}.json`), 'utf8')) as ClauseRecord[];
      let last = '';
      for (const r of recs) {
        if (r.article !== last) {
          const h = `<h3>${f} · ${esc(r.article)}</h3>\n`;
          parts.push(h);
          bytes += Buffer.byteLength(h);
          last = r.article;
        }
        const p = `<p>${r.clause ? `<b>${esc(r.clause)}.</b> ` : ''}${esc(r.text).replace(/\n/g, '<br>')}</p>\n`;
        parts.push(p);
        bytes += Buffer.byteLength(p);
        if (bytes >= TARGET_BYTES) break outer;
      }
    }
    if (round > 10) break;
  }
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Конституция</title></head><body>\n${parts.join('')}</body></html>`;
  return { html, bytes: Buffer.byteLength(html) };
}

/** Long tasks, recorded from the very start of the page. */
const LONGTASK_INIT = `
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** The content script's scan statistics, and when the script started. */
interface ScanMark extends ScanStats {
  scriptStartedAt: number;
}

async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function scanMark(page: Page): Promise<ScanMark> {
  const handle = await page.waitForFunction(
    () => {
      const m = performance.getEntriesByName('atazan-scan-done')[0] as PerformanceMark | undefined;
      return m ? (m.detail as string) : null;
    },
    null,
    { timeout: 60_000, polling: 50 },
  );
  return JSON.parse((await handle.jsonValue()) as string) as ScanMark;
}

async function withExtension(url: string): Promise<{
  mark: ScanMark;
  warm: ScanMark;
  longtasks: number[];
  heap: number;
  highlights: number;
}> {
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(LONGTASK_INIT);
    await page.goto(url, { waitUntil: 'load' });
    const mark = await scanMark(page);
    const longtasks = await page.evaluate(
      ({ from, to }) =>
        (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks
          .filter((t) => t.start + t.duration >= from && t.start <= to)
          .map((t) => t.duration),
      { from: mark.startedAt - 5, to: mark.finishedAt ?? Infinity },
    );
    const highlights = await page.evaluate(() =>
      ['atazan-exact', 'atazan-approximate', 'atazan-personal'].reduce(
        (n, k) => n + (CSS.highlights.get(k)?.size ?? 0),
        0,
      ),
    );
    const heap = await heapUsed(browser.context, page);
    // Again in the same browser: the background is warm (seeded, matcher compiled).
    await page.reload({ waitUntil: 'load' });
    const warm = await scanMark(page);
    return { mark, warm, longtasks, heap, highlights };
  } finally {
    await browser.close();
  }
}

async function withoutExtension(url: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-extensions'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(LONGTASK_INIT);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    return await heapUsed(context, page);
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { html, bytes } = buildPage();
  const server = await servePages({ '/law.html': html });
  const url = `${server.url}/law.html`;
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await withExtension(url));
    const baseline = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await withoutExtension(url));
    const m0 = runs[0]!.mark;
    const rows: [string, string][] = [
      [
        'page (HTML)',
        `${(bytes / 1024 / 1024).toFixed(2)} MB, ${m0.chars.toLocaleString('en')} chars of text`,
      ],
      ['glossary entries', String(entries)],
      [
        'content script start → first highlights, warm',
        ms(median(runs.map((r) => (r.warm.firstPaintAt ?? NaN) - r.warm.scriptStartedAt))),
      ],
      [
        'content script start → first highlights, fresh profile',
        ms(median(runs.map((r) => (r.mark.firstPaintAt ?? NaN) - r.mark.scriptStartedAt))),
      ],
      [
        'first highlights after scan start',
        ms(median(runs.map((r) => (r.mark.firstPaintAt ?? NaN) - r.mark.startedAt))),
      ],
      [
        'first highlights after navigation start',
        ms(median(runs.map((r) => r.mark.firstPaintAt ?? NaN))),
      ],
      ['total scan', ms(median(runs.map((r) => (r.mark.finishedAt ?? NaN) - r.mark.startedAt)))],
      ['slices (yields)', String(median(runs.map((r) => r.mark.slices)))],
      [
        'longest scanner slice (collect / paint)',
        `${ms(Math.max(...runs.map((r) => r.mark.longestSliceMs)))} (${ms(Math.max(...runs.map((r) => r.mark.longestCollectMs)))} / ${ms(Math.max(...runs.map((r) => r.mark.longestPaintMs)))})`,
      ],
      [
        'long tasks during the scan',
        runs
          .map((r) =>
            r.longtasks.length ? r.longtasks.map((d) => d.toFixed(0)).join('+') + ' ms' : 'none',
          )
          .join(' | '),
      ],
      [
        'matches painted',
        `${m0.matches.toLocaleString('en')} (${runs[0]!.highlights.toLocaleString('en')} ranges)`,
      ],
      [
        'JS heap added by the content script',
        `${((median(runs.map((r) => r.heap)) - median(baseline)) / 1024 / 1024).toFixed(1)} MB (page heap ${(median(runs.map((r) => r.heap)) / 1024 / 1024).toFixed(1)} MB with, ${(median(baseline) / 1024 / 1024).toFixed(1)} MB without)`,
      ],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nAta Zan content script, ~1 MB legal page, Chromium (${RUNS} runs, medians)\n`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
    console.log('');
  } finally {
    await server.close();
  }
}

await main();
