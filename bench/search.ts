/**
 * Keystroke latency of the popup search at 10,000 and 50,000 entries.
 *
 * Builds the index once over the bundled glossary padded with synthetic
 * entries, then replays 200 keystrokes (people typing terms letter by letter,
 * on a Russian keyboard, in Latin script, with typos) and reports the time per
 * keystroke. A baseline in the same run: plain Fuse.js set up as a fair user
 * would (terms and variants, weighted; ignoreLocation; ignoreDiacritics; the
 * same threshold), over the raw strings: it has no Kazakh–Russian keyboard
 * folding, so it also misses some of the queries ours finds.
 *
 * Run alone: `npx tsx bench/search.ts`; `npm run bench` calls `runSearchBench`.
 */
import Fuse from 'fuse.js';
import { pathToFileURL } from 'node:url';
import { createSearch } from '../glossary/search';
import type { Entry } from '../glossary/types';
import { rng } from './corpus';

const TARGET_SIZES = [10_000, 50_000];

const KK_WORDS = [
  'сот',
  'заң',
  'құқық',
  'азамат',
  'мемлекет',
  'кеңес',
  'билік',
  'төрелік',
  'шешім',
  'талап',
  'жауапкершілік',
  'бостандық',
  'міндет',
  'сайлау',
  'өкілет',
  'әкімдік',
  'мәслихат',
  'прокурор',
  'тергеу',
  'қылмыс',
  'әкімшілік',
  'құқықбұзушылық',
  'меншік',
  'жер',
  'салық',
  'бюджет',
  'шарт',
  'отбасы',
  'неке',
  'еңбек',
  'қорғау',
  'дау',
  'шағым',
  'өтініш',
  'қаулы',
  'жарлық',
  'кодекс',
];
const RU_WORDS = [
  'суд',
  'закон',
  'право',
  'гражданин',
  'государство',
  'совет',
  'власть',
  'правосудие',
  'решение',
  'требование',
  'ответственность',
  'свобода',
  'обязанность',
  'выборы',
  'полномочие',
  'акимат',
  'маслихат',
  'прокурор',
  'следствие',
  'преступление',
  'административный',
  'правонарушение',
  'собственность',
  'земля',
  'налог',
  'бюджет',
  'договор',
  'семья',
  'брак',
  'труд',
  'защита',
  'спор',
  'жалоба',
  'заявление',
  'постановление',
  'указ',
  'кодекс',
];

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)]!;
}

const SYLLABLES = [
  'ба',
  'ке',
  'лы',
  'рі',
  'ту',
  'сқа',
  'мен',
  'дар',
  'жол',
  'қор',
  'ста',
  'ни',
  'про',
  'ция',
  'зак',
  'нов',
  'ель',
  'ас',
];
const SUFFIXES = [
  '',
  '',
  '',
  'ның',
  'ға',
  'дағы',
  'лар',
  'ого',
  'ому',
  'ами',
  'ных',
  'ение',
  'ті',
  'ды',
];

/**
 * A word of a definition: usually a real root, often an invented one, with a
 * random ending, so the vocabulary grows with the glossary as it would.
 */
function word(roots: readonly string[], rand: () => number): string {
  const root =
    rand() < 0.6
      ? pick(roots, rand)
      : Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES, rand)).join('');
  return root + pick(SUFFIXES, rand);
}

function phrase(roots: readonly string[], n: number, rand: () => number): string {
  return Array.from({ length: n }, () => word(roots, rand)).join(' ');
}

export function syntheticEntries(count: number, seed = 1): Entry[] {
  const rand = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    kk: {
      term: phrase(KK_WORDS, 1 + Math.floor(rand() * 3), rand),
      variants: rand() < 0.2 ? [phrase(KK_WORDS, 1, rand)] : [],
      definition: phrase(KK_WORDS, 12 + Math.floor(rand() * 16), rand),
    },
    ru: {
      term: phrase(RU_WORDS, 1 + Math.floor(rand() * 3), rand),
      variants: [],
      definition: phrase(RU_WORDS, 12 + Math.floor(rand() * 16), rand),
    },
    citations: [],
    tags: ['civil-law'],
  }));
}

/** Whole queries people type, each replayed one keystroke at a time. */
const TYPED = [
  'сот төрелігі',
  'сот торелиги',
  'sot töreligi',
  'sot toreligi',
  'канституция',
  'конституционный суд',
  'азаматтык',
  'правосудие',
  'жауапкершілік',
  'административное правонарушение',
  'mäslihat',
  'konstitutsiya',
  'налог',
  'құқықбұзушылық',
  'прокурор',
  'следствие',
  'бостандык',
  'отбасы',
];

export function keystrokes(total: number): string[] {
  const out: string[] = [];
  for (let k = 0; out.length < total; k++) {
    const q = TYPED[k % TYPED.length]!;
    for (let n = 1; n <= q.length && out.length < total; n++) out.push(q.slice(0, n));
  }
  return out;
}

async function loadBundled(): Promise<Entry[]> {
  try {
    // The bundled data module may not exist yet while the glossary is written.
    const mod = (await import('../glossary/data/index' + '.ts')) as { BUNDLED_ENTRIES?: Entry[] };
    return mod.BUNDLED_ENTRIES ?? [];
  } catch {
    return [];
  }
}

function timeQueries(
  run: (q: string) => unknown,
  queries: string[],
): { median: number; p95: number; cpuMedian: number; cpuP95: number } {
  for (const q of queries.slice(0, 20)) run(q); // warm up the JIT (and the lazy definition index)
  const times: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run(q);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  };
  return {
    median: at(times, 0.5),
    p95: at(times, 0.95),
    cpuMedian: at(cpu, 0.5),
    cpuP95: at(cpu, 0.95),
  };
}

export async function runSearchBench(): Promise<void> {
  const bundled = await loadBundled();
  const queries = keystrokes(200);
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `search: ${queries.length} keystrokes; per keystroke p50 / p95 in ms (wall clock; CPU time of this process beside it, as the machine may be shared)`,
  );
  for (const size of TARGET_SIZES) {
    const entries = [...bundled, ...syntheticEntries(Math.max(0, size - bundled.length))];

    let t0 = performance.now();
    const search = createSearch(entries);
    const buildMs = performance.now() - t0;
    const ours = timeQueries((q) => search.search(q), queries);

    t0 = performance.now();
    // Plain Fuse.js as a fair user would set it up: the terms and their
    // variants (terms weighing more), not the definitions; a match anywhere in
    // a term (ignoreLocation); diacritics ignored (ё = е); the same threshold
    // as ours; 20 results.
    const plain = new Fuse(entries, {
      keys: [
        { name: 'kk.term', weight: 2 },
        { name: 'ru.term', weight: 2 },
        { name: 'kk.variants', weight: 1 },
        { name: 'ru.variants', weight: 1 },
      ],
      ignoreLocation: true,
      ignoreDiacritics: true,
      threshold: 0.34,
    });
    const baselineBuildMs = performance.now() - t0;
    const base = timeQueries((q) => plain.search(q, { limit: 20 }), queries);

    console.log(`  ${entries.length} entries (${bundled.length} bundled)`);
    console.log(
      `    folded search   build ${f(buildMs)} ms   p50 ${f(ours.median)}   p95 ${f(ours.p95)}   (CPU p50 ${f(ours.cpuMedian)}   p95 ${f(ours.cpuP95)})`,
    );
    console.log(
      `    plain Fuse.js   build ${f(baselineBuildMs)} ms   p50 ${f(base.median)}   p95 ${f(base.p95)}   (CPU p50 ${f(base.cpuMedian)}   p95 ${f(base.cpuP95)})`,
    );
    console.log(
      `    goal: p95 < 10 ms per keystroke — ${ours.p95 < 10 ? 'met' : 'NOT met'} (wall clock), ${ours.cpuP95 < 10 ? 'met' : 'NOT met'} (CPU time)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void runSearchBench();
}
