/**
 * A translator's termbase for the benchmarks and tests: `size` distinct
 * entries whose terms are noun phrases drawn from the corpus vocabulary
 * (bench/corpus.ts glossaryOfSize, past the real entries, so none duplicates
 * the bundled glossary), every other one with a one-sentence definition per
 * language made of corpus words, and a tag: what a termbase exported from a
 * CAT tool holds.
 */
import type { Entry } from '../glossary/types';
import { glossaryOfSize, realEntries, rng, sourceTexts } from './corpus';

const WORD = /[\p{L}]{4,}/gu;

function wordsOf(lang: 'kk' | 'ru'): string[] {
  const out = new Set<string>();
  for (const s of sourceTexts()) {
    if (s.lang !== lang) continue;
    for (const w of s.text.match(WORD) ?? []) out.add(w.toLowerCase());
  }
  return [...out];
}

export async function termbaseEntries(size: number): Promise<Entry[]> {
  const real = await realEntries();
  const terms = glossaryOfSize(real.length + size, real).slice(real.length);
  const random = rng(size + 1);
  const words = { kk: wordsOf('kk'), ru: wordsOf('ru') };
  const sentence = (lang: 'kk' | 'ru') => {
    const n = 8 + Math.floor(random() * 10);
    const list = words[lang];
    const out = Array.from({ length: n }, () => list[Math.floor(random() * list.length)]!);
    const first = out[0]!;
    out[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return out.join(' ') + '.';
  };
  return terms.map((t, i): Entry => ({
    id: `tb-${i}`,
    kk: { term: t.kk[0]!, variants: [], definition: i % 2 === 0 ? sentence('kk') : '' },
    ru: { term: t.ru[0]!, variants: [], definition: i % 2 === 0 ? sentence('ru') : '' },
    citations: [],
    tags: ['termbase'],
  }));
}
