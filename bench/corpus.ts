/**
 * Material for the benchmarks: texts of a given size built from the shared
 * legal corpus and the Constitution texts, and glossaries of a given size made
 * of real terms plus synthetic ones drawn from the same vocabulary.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMatchableGlossary } from '../glossary/matchable-file';
import type { MatchableEntry } from '../glossary/types';
import { rng } from '../tests/support/random';

export { rng };

/**
 * The shared folder beside the repository (../shared), or beside the folder
 * that holds it (a git worktree in a subfolder); ATAZAN_SHARED overrides both.
 */
export const SHARED_DIR =
  process.env.ATAZAN_SHARED ??
  [
    resolve(import.meta.dirname, '../../shared'),
    resolve(import.meta.dirname, '../../../shared'),
  ].find((dir) => existsSync(dir)) ??
  resolve(import.meta.dirname, '../../shared');

function sharedFile(...parts: string[]): string {
  const path = join(SHARED_DIR, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `Benchmark material missing: ${path} (the shared folder must sit beside the repository)`,
    );
  }
  return path;
}

interface ClauseRecord {
  text: string;
}

let sources: { lang: 'kk' | 'ru' | 'mixed'; text: string }[] | null = null;

/** The source texts, each a language-tagged document (read once). */
export function sourceTexts(): { lang: 'kk' | 'ru' | 'mixed'; text: string }[] {
  if (sources) return sources;
  const out: { lang: 'kk' | 'ru' | 'mixed'; text: string }[] = [];
  for (const f of readdirSync(sharedFile('corpus'))) {
    if (!f.endsWith('.txt')) continue;
    out.push({
      lang: f.startsWith('kk-ru') ? 'mixed' : 'kk',
      text: readFileSync(sharedFile('corpus', f), 'utf8'),
    });
  }
  for (const ed of ['2026', '1995']) {
    for (const lang of ['kk', 'ru'] as const) {
      const records = JSON.parse(
        readFileSync(sharedFile('constitution', `${ed}.${lang}.json`), 'utf8'),
      ) as ClauseRecord[];
      out.push({ lang, text: records.map((r) => r.text).join('\n\n') });
    }
  }
  sources = out;
  return out;
}

/** A text of about `bytes` UTF-8 bytes: the sources, interleaved, repeated. */
export function textOfSize(bytes: number): string {
  const pool = sourceTexts()
    .map((s) => s.text)
    .join('\n\n');
  const poolBytes = Buffer.byteLength(pool);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(pool);
    size += poolBytes + 2;
  }
  let text = parts.join('\n\n');
  // Trim to the size at a paragraph boundary near it.
  const ratio = text.length / Buffer.byteLength(text);
  const cut = text.indexOf('\n', Math.floor(bytes * ratio));
  if (cut > 0) text = text.slice(0, cut);
  return text;
}

interface CodeFile {
  articles?: { kk?: string | null; ru?: string | null }[];
  articles_unverified_2020_toc?: { kk?: string | null; ru?: string | null }[];
  concepts?: { kk?: string | null; ru?: string | null }[];
}

let distinct: { name: string; text: string }[] | null = null;

/**
 * All the distinct Kazakh and Russian legal text there is, as named documents:
 * the corpus files, the clauses of both Constitutions in both languages and
 * the codes' article titles and concept clauses. A paragraph (clause, title)
 * already met in an earlier document is left out, so no text repeats and no
 * word memo turns a second copy into lookups.
 */
export function distinctTexts(): { name: string; text: string }[] {
  if (distinct) return distinct;
  const seen = new Set<string>();
  const out: { name: string; text: string }[] = [];
  const add = (name: string, paragraphs: readonly (string | null | undefined)[]) => {
    const kept: string[] = [];
    for (const p of paragraphs) {
      const t = p?.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      kept.push(t);
    }
    if (kept.length > 0) out.push({ name, text: kept.join('\n\n') });
  };
  for (const f of readdirSync(sharedFile('corpus')).sort()) {
    if (f.endsWith('.txt'))
      add(
        `corpus-${f.slice(0, -4)}`,
        readFileSync(sharedFile('corpus', f), 'utf8').split(/\n\s*\n/),
      );
  }
  for (const ed of ['2026', '1995']) {
    for (const lang of ['kk', 'ru'] as const) {
      const records = JSON.parse(
        readFileSync(sharedFile('constitution', `${ed}.${lang}.json`), 'utf8'),
      ) as ClauseRecord[];
      add(
        `constitution-${ed}-${lang}`,
        records.map((r) => r.text),
      );
    }
  }
  for (const f of readdirSync(sharedFile('codes')).sort()) {
    if (!f.endsWith('.json')) continue;
    const code = JSON.parse(readFileSync(sharedFile('codes', f), 'utf8')) as CodeFile;
    const records = [
      ...(code.articles ?? []),
      ...(code.articles_unverified_2020_toc ?? []),
      ...(code.concepts ?? []),
    ];
    for (const lang of ['kk', 'ru'] as const)
      add(
        `code-${f.slice(0, -5)}-${lang}`,
        records.map((r) => r[lang]),
      );
  }
  distinct = out;
  return out;
}

/**
 * The entries the benchmark glossaries start with: the bundled glossary, then
 * the evaluation glossary's entries it lacks.
 */
export async function realEntries(): Promise<MatchableEntry[]> {
  const file = resolve(import.meta.dirname, '../tests/fixtures/eval-glossary.json');
  const evalGlossary = parseMatchableGlossary(
    readFileSync(file, 'utf8'),
    'tests/fixtures/eval-glossary.json',
  );
  try {
    const { BUNDLED_ENTRIES } = await import('../glossary/data/index');
    const { matchableOf } = await import('../glossary/matcher');
    const bundled = BUNDLED_ENTRIES.map(matchableOf);
    const have = new Set(bundled.flatMap((e) => [...e.kk, ...e.ru].map((t) => t.toLowerCase())));
    return [
      ...bundled,
      ...evalGlossary.filter((e) => !e.kk.some((t) => have.has(t.toLowerCase()))),
    ];
  } catch {
    return evalGlossary;
  }
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const WORD = /[\p{L}]{3,}/gu;

// Synthetic terms should look like glossary terms: noun phrases in their
// dictionary form, not any run of words. These filters keep n-grams free of
// function words and ending in a word that is not visibly inflected.
const KAZAKH_STOP = new Set(
  'және мен бен пен немесе да де та те не бұл осы ол оның олар үшін бойынша туралы арқылы сияқты тиіс болып болса болады табылады етеді етіп деп қана ғана тек әр кез келген барлық өз өзінің өзі сондай-ақ мүмкін емес бар жоқ сәйкес қатысты кейін дейін басқа өзге бір екі біз біздің сол егер ал яғни'.split(
    ' ',
  ),
);
const KAZAKH_INFLECTED =
  /(ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|да|де|та|те|дан|ден|тан|тен|нан|нен|мен|бен|пен|ған|ген|қан|кен|ып|іп|ады|еді|йды|йді|ейді|айды|уы|уі|са|се|мыз|міз|сыз|сіз|лар|лер|дар|дер|тар|тер)$/;
const RUSSIAN_STOP = new Set(
  'и в во на по с со к ко о об от до за из у не ни или а но что как для при это его ее её их который которая которое которые которых которым также может могут является являются быть было был была были если то так же все всех всем его ее им них этот эта эти этих этого того тех свои своих свой своего своей своим другой других иной иных каждый каждого лишь только'.split(
    ' ',
  ),
);
const RUSSIAN_NOT_NOUN =
  /(ого|его|ому|ему|ыми|ими|ых|их|ый|ий|ой|ая|яя|ое|ее|ые|ие|ют|ет|ит|ат|ят|ся|сь|ть|ти|л|ла|ли|ло|но|ски|ом|ем|ем|ам|ям|ами|ями|ах|ях)$/;

function looksLikeTerm(words: string[], lang: 'kk' | 'ru'): boolean {
  const stop = lang === 'kk' ? KAZAKH_STOP : RUSSIAN_STOP;
  if (words.some((w) => stop.has(w.toLowerCase()))) return false;
  const last = words[words.length - 1]!.toLowerCase();
  return !(lang === 'kk' ? KAZAKH_INFLECTED : RUSSIAN_NOT_NOUN).test(last);
}

/** Single words of one language fit to head a term (last word) or to modify it (earlier words). */
function vocabulary(lang: 'kk' | 'ru'): { heads: string[]; modifiers: string[] } {
  const heads = new Set<string>();
  const modifiers = new Set<string>();
  const stop = lang === 'kk' ? KAZAKH_STOP : RUSSIAN_STOP;
  for (const s of sourceTexts()) {
    if (s.lang !== lang) continue;
    for (const w of s.text.match(WORD) ?? []) {
      const lower = w.toLowerCase();
      if (stop.has(lower) || lower.length < 4) continue;
      if (lang === 'ru' && KAZAKH_LETTERS.test(lower)) continue;
      if (looksLikeTerm([w], lang)) heads.add(lower);
      else if (
        lang === 'ru'
          ? /(ый|ий|ой|ая|ое|ые)$/.test(lower)
          : /(лық|лік|дық|дік|тық|тік|лы|лі|ды|ді|ты|ті)$/.test(lower)
      ) {
        modifiers.add(lower);
      }
    }
  }
  return { heads: [...heads], modifiers: [...modifiers] };
}

/**
 * A glossary of `size` entries: the real ones first, then synthetic entries
 * whose terms are noun phrases composed from the corpus vocabulary — a head
 * word alone (40 %), or one or two modifiers and a head — drawn
 * deterministically. Their words occur in the benchmark texts, so the scan
 * meets them (and their prefixes) at realistic rates.
 */
export function glossaryOfSize(size: number, real: readonly MatchableEntry[]): MatchableEntry[] {
  const out = real.slice(0, size);
  if (out.length >= size) return out;
  const random = rng(size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const used = new Set(out.flatMap((e) => [...e.kk, ...e.ru].map((t) => t.toLowerCase())));
  const vocab = { kk: vocabulary('kk'), ru: vocabulary('ru') };
  const draw = (lang: 'kk' | 'ru'): string => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const words = random() < 0.4 ? 1 : random() < 0.7 ? 2 : 3;
      const parts: string[] = [];
      for (let w = 1; w < words; w++) parts.push(pick(vocab[lang].modifiers));
      parts.push(pick(vocab[lang].heads));
      const term = parts.join(' ');
      if (!used.has(term.toLowerCase())) {
        used.add(term.toLowerCase());
        return term;
      }
    }
    throw new Error(`not enough ${lang} vocabulary for ${size} synthetic terms`);
  };
  while (out.length < size)
    out.push({ id: `synthetic-${out.length}`, kk: [draw('kk')], ru: [draw('ru')] });
  return out;
}
