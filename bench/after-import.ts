/**
 * A page opened a while after a termbase was imported, in the built extension
 * (`npm run build` first), in Debian's Chromium with a fresh profile per run:
 * `npx tsx bench/after-import.ts` (SIZE=n entries, default 50,000; RUNS=n,
 * default 2; WAITS=ms,ms… the pauses between the import and the page,
 * default 0,3000,9000; BASELINE_EXT=<another build's chrome-mv3 directory>
 * runs that build too, alternating with this one).
 *
 * Each run imports the generated termbase (bench/termbase-data.ts) from an
 * extension page through the background's own import messages (import/begin,
 * chunks of 2,000, import/commit), leaves the extension alone for the pause,
 * then opens a legal page with bundled terms and one of the termbase's on it:
 * navigation → the first range in CSS.highlights, and → the first range of the
 * termbase's term. What it shows is whether the worker has made the new
 * glossary ready by itself, or compiles it only once the page asks (and
 * answers the page meanwhile from the glossary before the import);
 * bench/termbase.ts measures the page after its popup and options steps,
 * whose requests come meanwhile.
 */
import { resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, servePages } from '../tests/browser/harness';
import { termbaseEntries } from './termbase-data';
import { firstHighlights } from './termbase';

const SIZE = Number(process.env.SIZE ?? 50_000);
const RUNS = Number(process.env.RUNS ?? 2);
const WAITS = (process.env.WAITS ?? '0,3000,9000').split(',').map(Number);
const BASELINE_EXT = process.env.BASELINE_EXT ? resolve(process.env.BASELINE_EXT) : null;
const CHUNK = 2000;

/** Navigation → first highlight, and → the termbase's term highlighted, in ms after the page's navigation. */
async function oneRun(extension: string, entries: string, url: string, waitMs: number) {
  const browser = await launchWithExtension(extension);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#add`);
    // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
    await page.evaluate(`(async () => {
      const entries = ${entries};
      const send = (m) => chrome.runtime.sendMessage(m);
      const { importId } = await send({ type: 'import/begin', policy: 'skip' });
      for (let at = 0; at < entries.length; at += ${CHUNK})
        await send({ type: 'import/chunk', importId, entries: entries.slice(at, at + ${CHUNK}), offset: at });
      const summary = await send({ type: 'import/commit', importId });
      if (!summary || summary.added !== entries.length) throw new Error('import: ' + JSON.stringify(summary));
    })()`);
    await page.close();
    await new Promise((r) => setTimeout(r, waitMs));
    const seen = await firstHighlights(browser, url, true);
    return [Math.round(seen.first), Math.round(seen.mine ?? NaN)] as const;
  } finally {
    await browser.context.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

const termbase = await termbaseEntries(SIZE);
const probe = termbase[Math.floor(SIZE * 0.77)]!;
const server = await servePages({
  '/law': `<!doctype html><html lang="ru"><head><meta charset="utf-8"></head><body>${Array.from(
    { length: 20 },
    () => `<p>Правосудие осуществляется только судом. ${probe.ru.term}. ${probe.kk.term}.</p>`,
  ).join('')}</body></html>`,
});
const builds: [string, string][] = [
  ...(BASELINE_EXT ? ([['baseline', BASELINE_EXT]] as [string, string][]) : []),
  ['this build', EXTENSION_DIR],
];
const json = JSON.stringify(termbase);
const results = new Map<string, (readonly [number, number])[]>();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const wait of WAITS) {
      for (const [name, dir] of builds) {
        const ms = await oneRun(dir, json, `${server.url}/law`, wait);
        console.error(
          `run ${run + 1}/${RUNS}, ${name}, ${wait} ms after the import: ${ms[0]} ms, the termbase's term ${ms[1]} ms`,
        );
        const key = `${name}\t${wait}`;
        results.set(key, [...(results.get(key) ?? []), ms]);
      }
    }
  }
} finally {
  await server.close();
}
console.log(
  `\nA page opened a while after importing ${SIZE.toLocaleString('en-US')} entries: navigation → first highlight / → the termbase's term highlighted, medians of ${RUNS} fresh-profile runs\n`,
);
console.log(['pause after the import', ...builds.map(([n]) => n)].join('\t'));
for (const wait of WAITS)
  console.log(
    [
      `${wait} ms`,
      ...builds.map(([n]) => {
        const runs = results.get(`${n}\t${wait}`)!;
        return `${median(runs.map((r) => r[0]))} / ${median(runs.map((r) => r[1]))} ms`;
      }),
    ].join('\t'),
  );
