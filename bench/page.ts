/**
 * The extension in a page, in Debian's Chromium, each scenario side by side
 * with its baseline in one run (`npm run bench:page`, which builds first):
 *
 * - fresh profile: a new profile with the extension just installed opens a
 *   short legal page; time from navigation to the first highlight (the
 *   content script's own mark; `performance.now()` counts from navigation);
 * - woken service worker: in the same browser, every service worker is
 *   stopped (CDP ServiceWorker.stopAllWorkers), then a page is opened: time
 *   from navigation to the first highlight;
 * - blocking time on a ~1 MB legal page (the 2026 and 1995 Constitutions in
 *   both languages, one <p> per clause, repeated): the total blocking time
 *   after DOMContentLoaded that the page's own PerformanceObserver('longtask')
 *   sees (the sum over long tasks of their time over 50 ms), in a fresh
 *   profile with the extension and in one without it. The long animation frames after DCL say what that time was made of:
 *   rendering (style, layout, paint) or script and other tasks (a content
 *   script's own script is not attributed to it, and the page runs none, so
 *   the rest is the extension's script, its messages and garbage collection).
 *   The scan's end is polled through bare CDP evaluations: Playwright's
 *   waitForFunction would inject its own large script, a long task the runs
 *   without the extension would not have;
 * - on the same page: the scan itself (first highlight, total, longest slice)
 *   and the JS heap the content script adds.
 *
 * The browser's floor: the first-highlight scenarios also run, alternating,
 * with an extension that does nothing but answer (bench/floor-extension.ts),
 * the least any extension whose worker is asked can take on this machine.
 *
 * The baseline: set BASELINE_EXT to another build's chrome-mv3 directory (e.g.
 * main's, copied aside) and every extension scenario runs with both builds,
 * alternating, so the two columns share the machine's load. RUNS (default 5)
 * runs per cell; medians are printed. TRACE=<file.json> also writes a CDP
 * performance trace of one fresh-profile load of the 1 MB page with this build
 * and prints what the main thread's long tasks were made of (TRACE_CATEGORIES
 * adds trace categories, comma-separated). BLOCKING_ONLY=1
 * runs only the 1 MB page scenarios (quicker, while iterating on them).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, servePages } from '../tests/browser/harness';
import { writeFloorExtension } from './floor-extension';

import type { ScanStats } from '../entrypoints/content/scanner';

const SHARED = resolve(
  process.env.ATAZAN_SHARED ?? resolve(import.meta.dirname, '../../shared'),
  'constitution',
);
const TARGET_BYTES = 1024 * 1024;
/** The short page of the first-highlight scenarios: a few articles. */
const SHORT_BYTES = 12 * 1024;
const RUNS = Number(process.env.RUNS ?? 5);
const BASELINE_EXT = process.env.BASELINE_EXT ? resolve(process.env.BASELINE_EXT) : null;
/** The build measured (default: .output/chrome-mv3). */
const THIS_EXT = process.env.EXT ? resolve(process.env.EXT) : EXTENSION_DIR;
const TRACE = process.env.TRACE ? resolve(process.env.TRACE) : null;
/** BLOCKING_ONLY=1 runs the 1 MB page alone (the first-highlight scenarios are skipped). */
const BLOCKING_ONLY = process.env.BLOCKING_ONLY === '1';
/** How long after the load event the page's long tasks are still counted. */
const SETTLE_MS = 4000;

interface ClauseRecord {
  article: string;
  clause: string | null;
  text: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function buildPage(targetBytes: number): { html: string; bytes: number } {
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
        if (bytes >= targetBytes) break outer;
      }
    }
    if (round > 10) break;
  }
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Конституция</title></head><body>\n${parts.join('')}</body></html>`;
  return { html, bytes: Buffer.byteLength(html) };
}

/**
 * Long tasks, recorded from the very start of the page; and long animation
 * frames, whose timings say how much of each frame was rendering (what the
 * blocking time is made of; the scripts they list are the page's own only).
 */
const LONGTASK_INIT = `
  window.__longtasks = [];
  window.__loafs = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        const end = e.startTime + e.duration;
        let pageScript = 0;
        for (const s of e.scripts) pageScript += s.duration;
        window.__loafs.push({
          start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          pageScript, render: e.renderStart > 0 ? end - e.renderStart : 0,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
`;

/** One long animation frame: the page's own script time in it, and its rendering time. */
interface FrameCost {
  start: number;
  duration: number;
  blocking: number;
  pageScript: number;
  render: number;
}

/** The content script's scan statistics, and when the script started. */
interface ScanMark extends ScanStats {
  scriptStartedAt: number;
}

interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile with `extension` (a chrome-mv3 directory) installed, or none. */
async function launch(extension: string | null): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), 'atazan-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
  args.push(
    ...(extension
      ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`]
      : ['--disable-extensions']),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...args, '--disable-background-networking', '--disable-component-update'],
  });
  if (extension) {
    // Installed: its service worker has started (a user opens a page after installing).
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function scanMark(page: Page): Promise<ScanMark> {
  const handle = await page.waitForFunction(
    () => {
      const m = performance.getEntriesByName('atazan-scan-done')[0] as PerformanceMark | undefined;
      return m ? (m.detail as string) : null;
    },
    null,
    { timeout: 60_000, polling: 20 },
  );
  return JSON.parse((await handle.jsonValue()) as string) as ScanMark;
}

/**
 * The scan mark, read through a bare CDP evaluation every few milliseconds:
 * Playwright's waitForFunction would first inject its own large script into
 * the page, a long task of the benchmark's making that the runs without the
 * extension would not have.
 */
async function scanMarkQuietly(context: BrowserContext, page: Page): Promise<ScanMark> {
  const cdp = await context.newCDPSession(page);
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `performance.getEntriesByName('atazan-scan-done')[0]?.detail ?? null`,
        returnByValue: true,
      });
      if (typeof result.value === 'string') return JSON.parse(result.value) as ScanMark;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no scan mark within a minute');
  } finally {
    await cdp.detach();
  }
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

/** Total blocking time after DOMContentLoaded, as the page's long-task observer saw it. */
async function blockingTime(
  page: Page,
): Promise<{ tbt: number; tasks: number[]; frames: FrameCost[] }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const dcl = nav.domContentLoadedEventStart;
    const tasks = (
      window as unknown as { __longtasks: { start: number; duration: number }[] }
    ).__longtasks
      .filter((t) => t.start >= dcl)
      .map((t) => t.duration);
    const frames = (window as unknown as { __loafs: FrameCost[] }).__loafs.filter(
      (f) => f.start >= dcl && f.blocking > 0,
    );
    return { tbt: tasks.reduce((s, d) => s + Math.max(0, d - 50), 0), tasks, frames };
  });
}

interface FirstHighlight {
  fresh: number;
  woken: number;
  /** The worker's marks (entrypoints/background), in ms from the page's navigation: just installed, and woken. */
  freshWorker: string;
  wokenWorker: string;
}

/** The latest service worker's marks, in ms after `page`'s navigation. */
async function workerMarks(context: BrowserContext, page: Page): Promise<string> {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const worker = context.serviceWorkers().at(-1);
  if (!worker) return '';
  const { origin, marks } = await worker.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
  }));
  return marks
    .map(
      ([name, t]) => `${name.replace('atazan-worker-', '')} ${Math.round(origin + t - pageOrigin)}`,
    )
    .join(', ');
}

/** Fresh profile, then the same browser after its service worker was stopped. */
async function firstHighlights(extension: string, url: string): Promise<FirstHighlight> {
  const b = await launch(extension);
  try {
    const page = await b.context.newPage();
    await page.goto(url);
    const fresh = (await scanMark(page)).firstPaintAt ?? NaN;
    const freshWorker = await workerMarks(b.context, page);
    await page.close();
    // A worker lives on after its last event: the woken case starts once this one has
    // seeded and stored its index, as a worker stopped after an idle while has.
    const worker = b.context.serviceWorkers()[0];
    if (worker) {
      // (A build without these marks, such as an older baseline, is given ten seconds.)
      await worker.evaluate(async () => {
        for (let waited = 0; waited < 10_000; waited += 50) {
          const marks = performance.getEntriesByType('mark').map((m) => m.name);
          if (
            marks.includes('atazan-worker-seeded') &&
            (marks.includes('atazan-worker-adopted') || marks.includes('atazan-worker-compiled'))
          )
            return;
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      await new Promise((r) => setTimeout(r, 1000));
    }
    const blank = await b.context.newPage();
    const cdp = await b.context.newCDPSession(blank);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    // Wait until the worker is really gone (the browser reports its target closed).
    await new Promise((r) => setTimeout(r, 500));
    await blank.goto(url);
    const woken = (await scanMark(blank)).firstPaintAt ?? NaN;
    const wokenWorker = await workerMarks(b.context, blank);
    return { fresh, woken, freshWorker, wokenWorker };
  } finally {
    await b.close();
  }
}

interface HeavyRun {
  tbt: number;
  tasks: number[];
  frames: FrameCost[];
  mark: ScanMark | null;
  heap: number;
}

/** The 1 MB page in a fresh profile, with `extension` or without any. */
async function heavyPage(extension: string | null, url: string): Promise<HeavyRun> {
  const b = await launch(extension);
  try {
    const page = await b.context.newPage();
    await page.addInitScript(LONGTASK_INIT);
    await page.goto(url, { waitUntil: 'load' });
    const loadedAt = Date.now();
    const mark = extension ? await scanMarkQuietly(b.context, page) : null;
    const left = SETTLE_MS - (Date.now() - loadedAt);
    if (left > 0) await page.waitForTimeout(left);
    const { tbt, tasks, frames } = await blockingTime(page);
    const heap = await heapUsed(b.context, page);
    return { tbt, tasks, frames, mark, heap };
  } finally {
    await b.close();
  }
}

/** One traced fresh-profile load: the main thread's long tasks by what they ran. */
async function trace(extension: string, url: string, file: string): Promise<void> {
  const b = await launch(extension);
  try {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      categories: [
        'devtools.timeline',
        'v8.execute',
        'blink.user_timing',
        'toplevel',
        ...(process.env.TRACE_CATEGORIES?.split(',') ?? []),
      ].join(','),
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load' });
    await scanMark(page);
    await page.waitForTimeout(1000);
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    summarizeTrace(events);
  } finally {
    await b.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string } };
}

/** Print each main-thread task over 50 ms with the time its direct kinds of work took. */
function summarizeTrace(events: TraceEvent[]): void {
  // Each renderer has a main thread (the extension's pages too): the page's is the busiest.
  const mains = events.filter(
    (e) =>
      e.name === 'thread_name' &&
      (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  const onMain = mains
    .map((main) => events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid))
    .reduce<TraceEvent[]>((a, b) => (b.length > a.length ? b : a), []);
  // The tasks: events inside no earlier one (a task, or a microtask checkpoint run outside one).
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tops: TraceEvent[] = [];
  for (const e of sorted) {
    const last = tops.at(-1);
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) tops.push(e);
  }
  const tasks = tops.filter((e) => (e.dur ?? 0) > 50_000);
  console.log(`\nTrace: ${tasks.length} main-thread tasks over 50 ms`);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const by = new Map<string, number>();
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts > end || e.name.includes('RunTask')) continue;
      const key =
        e.name === 'EvaluateScript' || e.name === 'FunctionCall'
          ? `${e.name} ${e.args?.data?.url?.split('/').pop() ?? ''}`
          : e.name;
      by.set(key, (by.get(key) ?? 0) + (e.dur ?? 0));
    }
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
      .join(', ');
    console.log(`  ${((t.dur ?? 0) / 1000).toFixed(0)} ms: ${top}`);
  }
}

/** A long frame's blocking time, shared out over what its time went to. */
function blockingBy(frames: readonly FrameCost[]): { render: number; rest: number } {
  const out = { render: 0, rest: 0 };
  for (const f of frames) {
    const share = f.blocking / f.duration;
    out.render += f.render * share;
    out.rest += (f.duration - f.render) * share;
  }
  return out;
}

const frameList = (fs: readonly FrameCost[]): string =>
  fs
    .map(
      (f) =>
        `${f.duration.toFixed(0)} (render ${f.render.toFixed(0)}, page script ${f.pageScript.toFixed(0)})`,
    )
    .join(' ') || '-';

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number): string => (Number.isNaN(x) ? '—' : `${x.toFixed(0)} ms`);
const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(' ');

async function main(): Promise<void> {
  const heavy = buildPage(TARGET_BYTES);
  const short = buildPage(SHORT_BYTES);
  const server = await servePages({ '/law.html': heavy.html, '/short.html': short.html });
  const heavyUrl = `${server.url}/law.html`;
  const shortUrl = `${server.url}/short.html`;
  const builds: [string, string][] = [['this build', THIS_EXT]];
  if (BASELINE_EXT) builds.unshift(['baseline', BASELINE_EXT]);
  const floorDir = writeFloorExtension();
  const floor: FirstHighlight[] = [];
  try {
    if (TRACE) await trace(THIS_EXT, heavyUrl, TRACE);

    const first = new Map<string, FirstHighlight[]>(builds.map(([n]) => [n, []]));
    const withExt = new Map<string, HeavyRun[]>(builds.map(([n]) => [n, []]));
    const without: HeavyRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (!BLOCKING_ONLY) {
        for (const [name, dir] of builds)
          first.get(name)!.push(await firstHighlights(dir, shortUrl));
        floor.push(await firstHighlights(floorDir, shortUrl));
      }
      without.push(await heavyPage(null, heavyUrl));
      for (const [name, dir] of builds) withExt.get(name)!.push(await heavyPage(dir, heavyUrl));
    }

    const rows: string[][] = [['', ...builds.map(([n]) => n), 'browser floor']];
    const each = (label: string, cell: (name: string) => string, floorCell = ''): void => {
      rows.push([label, ...builds.map(([n]) => cell(n)), floorCell]);
    };
    each(
      'first highlight after navigation, fresh profile',
      (n) => ms(median(first.get(n)!.map((r) => r.fresh))),
      ms(median(floor.map((r) => r.fresh))),
    );
    each(
      'first highlight after navigation, woken worker',
      (n) => ms(median(first.get(n)!.map((r) => r.woken))),
      ms(median(floor.map((r) => r.woken))),
    );
    const tbtWithout = median(without.map((r) => r.tbt));
    each('1 MB page: TBT after DCL with the extension', (n) =>
      ms(median(withExt.get(n)!.map((r) => r.tbt))),
    );
    rows.push([
      '1 MB page: TBT after DCL without any extension',
      ...builds.map(() => ms(tbtWithout)),
      '',
    ]);
    each('1 MB page: TBT the extension adds', (n) =>
      ms(median(withExt.get(n)!.map((r) => r.tbt)) - tbtWithout),
    );
    for (const part of ['render', 'rest'] as const) {
      const label = { render: 'rendering', rest: 'script and other tasks' }[part];
      each(`1 MB page: long frames' blocking in ${label}`, (n) =>
        ms(median(withExt.get(n)!.map((r) => blockingBy(r.frames)[part]))),
      );
    }
    rows.push([
      "1 MB page: long frames' blocking in rendering, without",
      ...builds.map(() => ms(median(without.map((r) => blockingBy(r.frames).render)))),
      '',
    ]);
    each('1 MB page: first highlight after navigation', (n) =>
      ms(median(withExt.get(n)!.map((r) => r.mark?.firstPaintAt ?? NaN))),
    );
    each('1 MB page: total scan', (n) =>
      ms(
        median(withExt.get(n)!.map((r) => (r.mark?.finishedAt ?? NaN) - (r.mark?.startedAt ?? 0))),
      ),
    );
    each('1 MB page: longest scanner slice', (n) =>
      ms(Math.max(...withExt.get(n)!.map((r) => r.mark?.longestSliceMs ?? NaN))),
    );
    each(
      '1 MB page: JS heap the content script adds',
      (n) =>
        `${((median(withExt.get(n)!.map((r) => r.heap)) - median(without.map((r) => r.heap))) / 1024 / 1024).toFixed(1)} MB`,
    );

    console.log(
      `\nAta Zan in the page, Chromium, ${RUNS} runs per cell, medians ` +
        `(1 MB page: ${(heavy.bytes / 1024 / 1024).toFixed(2)} MB; short page: ${(short.bytes / 1024).toFixed(0)} KB)\n`,
    );
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows)
      console.log(
        '  ' +
          r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '),
      );
    console.log('\nEach run:');
    for (const [n] of builds) {
      console.log(
        `  ${n}: fresh ${list(first.get(n)!.map((r) => r.fresh))}; woken ${list(first.get(n)!.map((r) => r.woken))}; TBT ${list(withExt.get(n)!.map((r) => r.tbt))}; long tasks ${withExt
          .get(n)!
          .map((r) => list(r.tasks) || '-')
          .join(' | ')}`,
      );
    }
    console.log(
      `  browser floor (bench/floor-extension.ts): fresh ${list(floor.map((r) => r.fresh))}; woken ${list(floor.map((r) => r.woken))}`,
    );
    console.log(
      `  without: TBT ${list(without.map((r) => r.tbt))}; long tasks ${without.map((r) => list(r.tasks) || '-').join(' | ')}`,
    );
    console.log(
      "\nLong animation frames after DCL, per run: duration (rendering, the page's own script):",
    );
    for (const [n] of builds) {
      for (const r of withExt.get(n)!) console.log(`  ${n}: ${frameList(r.frames)}`);
    }
    for (const r of without) console.log(`  without: ${frameList(r.frames)}`);
    for (const [n] of builds) {
      for (const [which, of] of [
        ['just installed', (r: FirstHighlight) => r.freshWorker],
        ['woken', (r: FirstHighlight) => r.wokenWorker],
      ] as const) {
        const timelines = first.get(n)!.map((r) => of(r) || '(no marks)');
        console.log(
          `  ${n}, the ${which} worker's marks (ms after navigation): ${timelines.join(' | ')}`,
        );
      }
    }
    console.log('');
  } finally {
    await server.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
