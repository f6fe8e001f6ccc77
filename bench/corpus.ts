/**
 * Material for the benchmarks: texts of a given size built from the shared
 * legal corpus and the Constitution texts, and glossaries of a given size made
 * of real terms plus synthetic ones drawn from the same vocabulary.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MatchableEntry } from '../glossary/types';

export const SHARED_DIR = resolve(import.meta.dirname, '../../shared');

function sharedFile(...parts: string[]): string {
  const path = join(SHARED_DIR, ...parts);
  if (!existsSync(path)) {
    throw new Error(`Benchmark material missing: ${path} (the shared folder must sit beside the repository)`);
  }
  return path;
}

interface ClauseRecord {
  text: string;
}

/** The source texts, each a language-tagged document. */
export function sourceTexts(): { lang: 'kk' | 'ru' | 'mixed'; text: string }[] {
  const out: { lang: 'kk' | 'ru' | 'mixed'; text: string }[] = [];
  for (const f of readdirSync(sharedFile('corpus'))) {
    if (!f.endsWith('.txt')) continue;
    out.push({ lang: f.startsWith('kk-ru') ? 'mixed' : 'kk', text: readFileSync(sharedFile('corpus', f), 'utf8') });
  }
  for (const ed of ['2026', '1995']) {
    for (const lang of ['kk', 'ru'] as const) {
      const records = JSON.parse(readFileSync(sharedFile('constitution', `${ed}.${lang}.json`), 'utf8')) as ClauseRecord[];
      out.push({ lang, text: records.map((r) => r.text).join('\n\n') });
    }
  }
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

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const WORD = /[\p{L}]{3,}/gu;

/** Word n-grams (1–3 words) that occur in the texts of one language, the raw material of synthetic terms. */
function ngrams(lang: 'kk' | 'ru'): string[] {
  const seen = new Set<string>();
  for (const s of sourceTexts()) {
    if (s.lang === 'mixed') continue;
    if (s.lang !== lang) continue;
    for (const sentence of s.text.split(/[.;:!?\n()«»"“”,–—]+/)) {
      const words = sentence.match(WORD) ?? [];
      for (let i = 0; i < words.length; i++) {
        for (let len = 1; len <= 3 && i + len <= words.length; len++) {
          const gram = words.slice(i, i + len).join(' ');
          if (gram.length >= 5) seen.add(gram);
        }
      }
    }
  }
  return [...seen].filter((g) => (lang === 'kk' ? true : !KAZAKH_LETTERS.test(g)));
}

/**
 * A glossary of `size` entries: the real ones first, then synthetic entries
 * whose Kazakh and Russian terms are n-grams of the corpus (so they occur in
 * the benchmark texts at realistic rates), drawn deterministically.
 */
export function glossaryOfSize(size: number, real: readonly MatchableEntry[]): MatchableEntry[] {
  const out = real.slice(0, size);
  if (out.length >= size) return out;
  const random = rng(size);
  const kk = ngrams('kk');
  const ru = ngrams('ru');
  const used = new Set(out.flatMap((e) => [...e.kk, ...e.ru].map((t) => t.toLowerCase())));
  let n = 0;
  while (out.length < size) {
    const k = kk[Math.floor(random() * kk.length)]!;
    const r = ru[Math.floor(random() * ru.length)]!;
    if (used.has(k.toLowerCase()) || used.has(r.toLowerCase())) {
      if (++n > size * 50) throw new Error('not enough vocabulary for synthetic terms');
      continue;
    }
    used.add(k.toLowerCase());
    used.add(r.toLowerCase());
    out.push({ id: `synthetic-${out.length}`, kk: [k], ru: [r] });
  }
  return out;
}
