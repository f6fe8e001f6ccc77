/**
 * A translator's termbase in the built extension (`npm run build` first), in
 * Debian's Chromium with a fresh profile per run: `npx tsx bench/termbase.ts`
 * (or `npm run bench:termbase`; RUNS=n, SIZE=n; BASELINE_EXT=<another build's
 * chrome-mv3 directory> runs that build too, alternating with this one, and
 * prints it beside).
 *
 * Each run imports a generated termbase (bench/termbase-data.ts) through the
 * options page — the file chosen in the file input, the preview, Import — and
 * measures, side by side with the same run on the bundled glossary alone:
 * - import: file chosen → preview shown → done (the undo link), and the write
 *   alone (Import clicked → done);
 * - options page: navigation → first table row drawn; opened again with a term
 *   typed into the filter at once (from inside the page, as the field appears),
 *   navigation → the table listing that entry
 *   among fewer rows than a page, and the keystroke → the same;
 * - popup: navigation → first result row for a term typed at once, on the first
 *   open, on later opens, and on an open right after the service worker was
 *   stopped (CDP ServiceWorker.stopAllWorkers, what the browser does when idle);
 * - a page's first highlight: navigation → the first range in CSS.highlights
 *   (after an import, the whole termbase is compiled for it), and the longest
 *   another extension page's request waited meanwhile; and again after the
 *   service worker was stopped with its index stored, with the first range of
 *   the termbase's own term (a woken worker answers from the bundled entries
 *   while it loads the termbase's part: the page holds terms of both);
 * - an entry added on the options page while a page is open: Save clicked →
 *   the first frame of the (visible) page whose CSS.highlights hold the new
 *   term's range (both clocks as epoch time: timeOrigin + now);
 * - the service worker's JS heap (CDP Runtime.getHeapUsage on its target).
 * Each run also measures the popup and page scenarios with an extension that
 * does nothing but answer (bench/floor-extension.ts): the browser's floor.
 * Medians of the runs; times read with the page's own clock (performance.now()
 * from its navigation start), recorded by observers installed before it loads.
 */
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXPORTERS } from '../glossary/io';
import type { Entry } from '../glossary/types';
import {
  launchWithExtension,
  servePages,
  stopServiceWorkers,
  storedIndexRevisions,
  type ExtensionBrowser,
} from '../tests/browser/harness';
import { termbaseEntries } from './termbase-data';
import { writeFloorExtension } from './floor-extension';

export interface TermbaseRun {
  entries: number;
  fileMB: number | null;
  importParseMs: number | null;
  importWriteMs: number | null;
  importTotalMs: number | null;
  optionsRowsMs: number;
  /** Null at the baseline: with no personal entries there is nothing to filter. */
  optionsFilterMs: number | null;
  /** The same filter: the keystroke → its answer drawn. */
  optionsKeystrokeMs: number | null;
  popupFirstMs: number;
  popupLaterMs: number;
  popupAfterStopMs: number | null;
  highlightMs: number;
  /** While that page is scanned (after an import: the whole termbase compiled), the longest a request waited. */
  workerLongestWaitMs: number | null;
  highlightAfterStopMs: number | null;
  /** The same page: navigation → the termbase's term highlighted (null with no termbase). */
  termbaseAfterStopMs: number | null;
  addedEntryMs: number;
  workerHeapMB: number | null;
}

/** One build's runs: with the bundled glossary only, and with the termbase imported. */
export interface TermbaseRuns {
  baseline: TermbaseRun[];
  termbase: TermbaseRun[];
}

/** The scenarios the browser's floor is measured in. */
type FloorKey =
  'popupFirstMs' | 'popupLaterMs' | 'popupAfterStopMs' | 'highlightMs' | 'highlightAfterStopMs';
export type FloorRun = Pick<TermbaseRun, FloorKey>;

export interface TermbaseReport extends TermbaseRuns {
  size: number;
  runs: number;
  /** The same runs with BASELINE_EXT's build, alternating with this build's. */
  before: TermbaseRuns | null;
  /** The popup and page scenarios with bench/floor-extension.ts, once per run. */
  floor: FloorRun[];
}

/** Records, in the page, when the first element matching `selector` appears (performance.now()). */
function watchFor(selector: string): string {
  return `(() => {
    const mark = () => { if (!window.__seen && document.querySelector(${JSON.stringify(selector)})) window.__seen = performance.now(); };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

/**
 * Records, in the options page, when the filter was typed into and when the
 * table first lists the entry whose Kazakh term was typed among fewer rows
 * than a page (the filter's answer drawn), both as performance.now().
 */
function watchFiltered(term: string): string {
  return `(() => {
    const term = ${JSON.stringify(term.toLowerCase())};
    addEventListener('input', (e) => { if (e.target.id === 'entries-filter' && window.__typed === undefined) window.__typed = performance.now(); }, true);
    const mark = () => {
      if (window.__seen || window.__typed === undefined) return;
      const rows = document.querySelectorAll('.entries tr[data-entry-id]');
      if (rows.length === 0 || rows.length >= 100) return;
      for (const row of rows) {
        if ((row.querySelector('td[lang=kk]')?.textContent ?? '').toLowerCase().includes(term)) {
          window.__seen = performance.now();
          return;
        }
      }
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

/** Type into `selector` as soon as it exists (a person typing at once). */
/**
 * Types `text` into `selector` from inside the page the moment the field is
 * in the document, as a user typing at once would (an input event, as a
 * keystroke sends). A driver's fill after the load event would add its own
 * round trips, which are not the page's.
 */
function typeOnArrival(selector: string, text: string): string {
  return `(() => {
    const type = () => {
      const field = document.querySelector(${JSON.stringify(selector)});
      if (!field) return false;
      field.value = ${JSON.stringify(text)};
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    };
    const watch = new MutationObserver(() => { if (type()) watch.disconnect(); });
    watch.observe(document, { childList: true, subtree: true });
  })();`;
}

async function seenAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __seen?: number }).__seen, null, {
    timeout: 120_000,
    polling: 50,
  });
  return page.evaluate(() => (window as unknown as { __seen: number }).__seen);
}

async function extensionPage(
  browser: ExtensionBrowser,
  path: string,
  watch: string,
  typeInto?: [string, string],
): Promise<{ page: Page; at: number }> {
  const page = await browser.context.newPage();
  await page.addInitScript(watchFor(watch));
  if (typeInto) await page.addInitScript(typeOnArrival(typeInto[0], typeInto[1]));
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  const at = await seenAt(page);
  return { page, at };
}

async function workerHeapMB(browser: ExtensionBrowser): Promise<number | null> {
  try {
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(browser.extensionId),
    );
    if (!sw) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: sw.targetId,
      flatten: true,
    })) as { sessionId: string };
    // Playwright's browser session cannot address a child session; ask through the worker instead.
    void sessionId;
    await cdp.detach();
  } catch {
    // fall through
  }
  try {
    const used = await browser.serviceWorker.evaluate(() => {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return m ? m.usedJSHeapSize : null;
    });
    return used === null ? null : used / 1024 / 1024;
  } catch {
    return null;
  }
}

/** Navigation → the first range in CSS.highlights, on a new page (bench/after-import.ts too). */
export async function firstHighlight(browser: ExtensionBrowser, url: string): Promise<number> {
  return (await firstHighlights(browser, url, false)).first;
}

/**
 * Navigation → the first range in CSS.highlights, and with `mine` → the first
 * range of a personal entry (the termbase's), on a new page.
 */
export async function firstHighlights(
  browser: ExtensionBrowser,
  url: string,
  mine: boolean,
): Promise<{ first: number; mine: number | null }> {
  const page = await browser.context.newPage();
  await page.addInitScript(`(() => {
    const check = () => {
      let n = 0;
      for (const [, h] of CSS.highlights) n += h.size;
      if (n > 0 && window.__first === undefined) window.__first = performance.now();
      const personal = CSS.highlights.get('atazan-personal');
      if (personal && personal.size > 0) window.__mine = performance.now();
      if (window.__first !== undefined && (!${mine} || window.__mine !== undefined))
        window.__seen = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`);
  await page.goto(url);
  await seenAt(page);
  const at = (await page.evaluate(`({ first: window.__first, mine: window.__mine ?? null })`)) as {
    first: number;
    mine: number | null;
  };
  await page.close();
  return at;
}

/**
 * From an extension page, ask the worker for the settings every 50 ms until
 * `stop`, which gives the longest a request waited (one still waiting
 * included): how long the worker keeps other requests waiting meanwhile.
 */
async function pingWorker(browser: ExtensionBrowser): Promise<{ stop(): Promise<number> }> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const w = window;
    w.__waits = []; w.__asked = null; w.__stop = false;
    (async () => {
      while (!w.__stop) {
        w.__asked = performance.now();
        await chrome.runtime.sendMessage({ type: 'settings/get' });
        w.__waits.push(performance.now() - w.__asked);
        w.__asked = null;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
  })()`);
  return {
    async stop() {
      const waits = (await page.evaluate(`(() => {
        const w = window;
        w.__stop = true;
        return w.__asked === null ? w.__waits : [...w.__waits, performance.now() - w.__asked];
      })()`)) as number[];
      await page.close();
      return Math.max(...waits);
    },
  };
}

/** Wait (on an extension page) until the stored compiled index is the current revision's. */
async function indexStored(page: Page): Promise<void> {
  const current = async () => {
    const revisions = await page.evaluate(storedIndexRevisions);
    return revisions !== null && revisions[0] === revisions[1];
  };
  for (const started = Date.now(); !(await current());) {
    if (Date.now() - started > 180_000) throw new Error('the compiled index was not stored');
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopWorker(browser: ExtensionBrowser, page: Page): Promise<boolean> {
  try {
    await stopServiceWorkers(browser, page);
    return true;
  } catch {
    return false;
  }
}

async function oneRun(
  termbase: Entry[] | null,
  file: string | null,
  fileMB: number | null,
  server: { url: string },
  extension?: string,
): Promise<TermbaseRun> {
  const browser = await launchWithExtension(extension);
  try {
    const probe = termbase ? termbase[Math.floor(termbase.length * 0.77)]! : null;
    const popupQuery = probe ? probe.ru.term : 'правосудие';
    let importParseMs: number | null = null;
    let importWriteMs: number | null = null;
    let importTotalMs: number | null = null;
    // The first popup open after install (baseline) or after the import (termbase).
    let popupFirstMs: number;
    if (termbase && file) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.waitForSelector('input[name=import]', { state: 'attached', timeout: 120_000 });
      await page.waitForSelector('label.file-button');
      const t0 = Date.now();
      await page.setInputFiles('input[name=import]', file);
      await page.waitForSelector('button[name=confirm-import]', { timeout: 300_000 });
      const t1 = Date.now();
      await page.click('button[name=confirm-import]');
      await page.waitForSelector('progress#import-progress', { timeout: 60_000 });
      await page.waitForSelector('button[name=undo-import]', { timeout: 600_000 });
      const t2 = Date.now();
      importParseMs = t1 - t0;
      importWriteMs = t2 - t1;
      importTotalMs = t2 - t0;
      await page.close();
    }
    {
      const { page, at } = await extensionPage(browser, 'popup.html', '#results [role=option]', [
        '#search',
        popupQuery,
      ]);
      popupFirstMs = at;
      await page.close();
    }
    const later: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, at } = await extensionPage(browser, 'popup.html', '#results [role=option]', [
        '#search',
        popupQuery,
      ]);
      later.push(at);
      await page.close();
    }
    // Options page: rows drawn, then the filter's first answer.
    const filterTerm = probe ? probe.kk.term : 'сот';
    let optionsRowsMs: number;
    let optionsFilterMs: number | null = null;
    let optionsKeystrokeMs: number | null = null;
    {
      const page = await browser.context.newPage();
      await page.addInitScript(watchFor('tr[data-entry-id], .entries .empty'));
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      optionsRowsMs = await seenAt(page);
      await page.close();
    }
    if (termbase) {
      // Opened again, the term typed into the filter at once: until the table lists that entry alone.
      const page = await browser.context.newPage();
      await page.addInitScript(watchFiltered(filterTerm));
      await page.addInitScript(typeOnArrival('#entries-filter', filterTerm));
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      optionsFilterMs = await seenAt(page);
      const typedAt = await page.evaluate(
        () => (window as unknown as { __typed?: number }).__typed,
      );
      optionsKeystrokeMs = typedAt === undefined ? null : optionsFilterMs - typedAt;
      await page.close();
    }
    // A page's first highlight.
    const lawPage = `${server.url}/${termbase ? 'termbase' : 'bundled'}`;
    const pings = await pingWorker(browser);
    const highlightMs = await firstHighlight(browser, lawPage);
    const workerLongestWaitMs = await pings.stop();
    const addedEntryMs = await addedEntryLatency(browser, server);
    const workerHeap = await workerHeapMB(browser);
    // An open right after the worker was stopped.
    let popupAfterStopMs: number | null = null;
    {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
      const stopped = await stopWorker(browser, page);
      await page.close();
      if (stopped) {
        const { page: popup, at } = await extensionPage(
          browser,
          'popup.html',
          '#results [role=option]',
          ['#search', popupQuery],
        );
        popupAfterStopMs = at;
        await popup.close();
      }
    }
    // A page opened after the worker was stopped with its index stored, as after an idle while.
    let highlightAfterStopMs: number | null = null;
    let termbaseAfterStopMs: number | null = null;
    {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
      await indexStored(page);
      const stopped = await stopWorker(browser, page);
      await page.close();
      if (stopped) {
        const seen = await firstHighlights(browser, lawPage, termbase !== null);
        highlightAfterStopMs = seen.first;
        termbaseAfterStopMs = seen.mine;
      }
    }
    later.sort((a, b) => a - b);
    return {
      entries: termbase?.length ?? 0,
      fileMB,
      importParseMs,
      importWriteMs,
      importTotalMs,
      optionsRowsMs,
      optionsFilterMs,
      optionsKeystrokeMs,
      popupFirstMs,
      popupLaterMs: later[1]!,
      popupAfterStopMs,
      highlightMs,
      workerLongestWaitMs,
      highlightAfterStopMs,
      termbaseAfterStopMs,
      addedEntryMs,
      workerHeapMB: workerHeap,
    };
  } finally {
    await browser.close();
  }
}

/** The popup and page scenarios of `oneRun` with the floor extension in `dir`. */
async function floorRun(server: { url: string }, dir: string): Promise<FloorRun> {
  const browser = await launchWithExtension(dir);
  try {
    const popup = async (): Promise<number> => {
      const { page, at } = await extensionPage(browser, 'popup.html', '#results [role=option]', [
        '#search',
        'правосудие',
      ]);
      await page.close();
      return at;
    };
    const afterStop = async (measure: () => Promise<number>): Promise<number | null> => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
      const stopped = await stopWorker(browser, page);
      await page.close();
      return stopped ? measure() : null;
    };
    const lawPage = `${server.url}/bundled`;
    const popupFirstMs = await popup();
    const later = [await popup(), await popup(), await popup()].sort((a, b) => a - b);
    const highlightMs = await firstHighlight(browser, lawPage);
    const popupAfterStopMs = await afterStop(popup);
    const highlightAfterStopMs = await afterStop(() => firstHighlight(browser, lawPage));
    return {
      popupFirstMs,
      popupLaterMs: later[1]!,
      popupAfterStopMs,
      highlightMs,
      highlightAfterStopMs,
    };
  } finally {
    await browser.close();
  }
}

/** A term in neither the bundled glossary nor the generated termbase. */
const ADDED_TERM = 'эстоппель';

/**
 * Save clicked on the options page → the first frame of an open page whose
 * personal highlight holds the new term. The page is in front while the entry
 * is saved (the options page's button is clicked from script, which needs no
 * frame of its own), as when the reader adds a term seen on the page.
 */
async function addedEntryLatency(
  browser: ExtensionBrowser,
  server: { url: string },
): Promise<number> {
  const tab = await browser.context.newPage();
  await tab.goto(`${server.url}/added`);
  // The page's own scan is done: its bundled terms are painted.
  await tab.waitForFunction(() => (CSS.highlights.get('atazan-exact')?.size ?? 0) > 0, null, {
    timeout: 120_000,
    polling: 50,
  });
  // A string, not a function: tsx would wrap the named inner function in a helper the page lacks.
  await tab.evaluate(`(() => {
    const check = () => {
      for (const r of CSS.highlights.get('atazan-personal') ?? []) {
        if (r.startContainer.textContent.slice(r.startOffset, r.endOffset).toLowerCase() === ${JSON.stringify(ADDED_TERM)}) {
          window.__added = performance.timeOrigin + performance.now();
          window.__addedVisible = document.visibilityState;
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
  await options.fill('[name="kk-term"]', ADDED_TERM);
  await options.fill('[name="ru-term"]', ADDED_TERM);
  await tab.bringToFront();
  const savedAt = await options.evaluate(() => {
    const at = performance.timeOrigin + performance.now();
    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    return at;
  });
  await tab.waitForFunction(() => (window as unknown as { __added?: number }).__added, null, {
    timeout: 120_000,
    polling: 50,
  });
  const { at, visible } = await tab.evaluate(() => {
    const w = window as unknown as { __added: number; __addedVisible: string };
    return { at: w.__added, visible: w.__addedVisible };
  });
  if (visible !== 'visible') console.error(`added entry: the page was ${visible} when painted`);
  await options.close();
  await tab.close();
  return at - savedAt;
}

function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export async function runTermbaseBench(
  options: { size?: number; runs?: number; log?: boolean } = {},
): Promise<TermbaseReport> {
  const size = options.size ?? Number(process.env.SIZE ?? 50_000);
  const runs = options.runs ?? Number(process.env.RUNS ?? 3);
  const log = options.log ?? true;
  const termbase = await termbaseEntries(size);
  const dir = mkdtempSync(join(tmpdir(), 'atazan-termbase-'));
  const file = join(dir, `termbase-${size}.json`);
  const json = EXPORTERS.json.write(termbase);
  writeFileSync(file, json);
  const fileMB = Buffer.byteLength(json) / 1024 / 1024;
  const probe = termbase[Math.floor(termbase.length * 0.3)]!;
  const server = await servePages({
    '/bundled': `<!doctype html><meta charset="utf-8"><title>x</title><p>Сот төрелігін тек сот жүзеге асырады. Правосудие осуществляется только судом.</p>`,
    '/added': `<!doctype html><meta charset="utf-8"><title>x</title><p>Суд применил ${ADDED_TERM}. Правосудие осуществляется только судом.</p>`,
    '/termbase': `<!doctype html><meta charset="utf-8"><title>x</title><p>Мәтінде ${probe.kk.term} кездеседі. В тексте встречается ${probe.ru.term}. Правосудие осуществляется только судом.</p>`,
  });
  const before = process.env.BASELINE_EXT ? resolve(process.env.BASELINE_EXT) : null;
  const report: TermbaseReport = {
    size,
    runs,
    baseline: [],
    termbase: [],
    before: before ? { baseline: [], termbase: [] } : null,
    floor: [],
  };
  const floorDir = writeFloorExtension();
  // Each run measures the baseline build first, then this one, so both share the machine's load.
  const builds: [string, TermbaseRuns, string | undefined][] = [['this build', report, undefined]];
  if (before && report.before) builds.unshift(['baseline build', report.before, before]);
  try {
    for (let r = 0; r < runs; r++) {
      for (const [name, into, extension] of builds) {
        if (log) console.error(`run ${r + 1}/${runs}, ${name}: bundled glossary only…`);
        into.baseline.push(await oneRun(null, null, null, server, extension));
        if (log)
          console.error(
            `run ${r + 1}/${runs}, ${name}: ${size.toLocaleString('en')} personal entries…`,
          );
        into.termbase.push(await oneRun(termbase, file, fileMB, server, extension));
      }
      if (log) console.error(`run ${r + 1}/${runs}: the browser's floor…`);
      report.floor.push(await floorRun(server, floorDir));
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
  if (log) printReport(report);
  return report;
}

export function printReport(report: TermbaseReport): void {
  const rows: [string, keyof TermbaseRun, string][] = [
    ['import: file chosen → preview', 'importParseMs', '—'],
    ['import: Import clicked → done', 'importWriteMs', '—'],
    ['import: file chosen → done', 'importTotalMs', '≤ 10,000 ms'],
    ['options: navigation → rows drawn', 'optionsRowsMs', ''],
    ['options: navigation, typed → filtered', 'optionsFilterMs', '≤ 500 ms'],
    ['options: keystroke → filtered', 'optionsKeystrokeMs', ''],
    ['popup: first open → first result', 'popupFirstMs', '≤ 100 ms'],
    ['popup: later opens → first result', 'popupLaterMs', '≤ 100 ms'],
    ['popup: worker stopped → first result', 'popupAfterStopMs', '≤ 100 ms'],
    ['page: navigation → first highlight', 'highlightMs', '≤ 300 ms'],
    ['…meanwhile, a request waited at most', 'workerLongestWaitMs', ''],
    ['page: worker stopped → first highlight', 'highlightAfterStopMs', '≤ 300 ms'],
    ['…the termbase’s term highlighted', 'termbaseAfterStopMs', ''],
    ['page: entry saved → highlighted', 'addedEntryMs', ''],
    ['service worker JS heap (MB)', 'workerHeapMB', ''],
  ];
  const fmt = (v: number | null, key: string) =>
    v === null ? 'n/a' : key === 'workerHeapMB' ? v.toFixed(1) : `${Math.round(v)}`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `termbase: ${report.size.toLocaleString('en')} entries (JSON ${report.termbase[0]?.fileMB?.toFixed(1) ?? '?'} MB), medians of ${report.runs} fresh-profile runs, load average ${load}`,
  );
  const plus = `+${report.size.toLocaleString('en')}`;
  const columns: [string, TermbaseRuns][] = [
    ...(report.before ? [['baseline build, ', report.before] as [string, TermbaseRuns]] : []),
    [report.before ? 'this build, ' : '', report],
  ];
  const heads = columns.flatMap(([name]) => [`${name}bundled only`, `${name}${plus}`]);
  const width = Math.max(14, ...heads.map((h) => h.length));
  const floorHead = 'browser floor';
  console.log(
    `${'scenario (ms unless said)'.padEnd(40)} ${heads.map((h) => h.padStart(width)).join(' ')} ${floorHead}   goal`,
  );
  const floorKeys: readonly string[] = [
    'popupFirstMs',
    'popupLaterMs',
    'popupAfterStopMs',
    'highlightMs',
    'highlightAfterStopMs',
  ] satisfies FloorKey[];
  for (const [label, key, goal] of rows) {
    const cells = columns.flatMap(([, runs]) =>
      [runs.baseline, runs.termbase].map((of) =>
        fmt(median(of.map((r) => r[key] as number | null)), key).padStart(width),
      ),
    );
    const floor = floorKeys.includes(key)
      ? fmt(median(report.floor.map((r) => r[key as FloorKey])), key)
      : '';
    console.log(
      `${label.padEnd(40)} ${cells.join(' ')} ${floor.padStart(floorHead.length)}   ${goal}`,
    );
  }
  console.log(
    "browser floor: bench/floor-extension.ts, an extension that does nothing but answer, in the same runs (the browser's own share of each scenario on this machine)",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runTermbaseBench().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
