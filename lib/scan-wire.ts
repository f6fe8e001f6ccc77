/**
 * The content script's side of `text/scan`: the packed answer (`ScanResult`,
 * built by entrypoints/background/matcher-cache.ts) back into matches, with the other senses of
 * a word where the answer names them. Pure, for the unit tests.
 */
import { unpackSpans } from '../glossary/spans';
import type { Match } from '../glossary/types';
import type { ScanResult } from './protocol';

/**
 * The matches of each text, in the order sent. `share` gives the id and term
 * strings to use (the content script interns them across answers); each term
 * of the answer is passed through it once, and its matches share the result.
 */
export function decodeScanResult(
  res: Pick<ScanResult, 'terms' | 'spans' | 'senses'>,
  share: (s: string) => string = (s) => s,
): Match[][] {
  const terms = res.terms.map((t) => ({ id: share(t.id), lang: t.lang, term: share(t.term) }));
  const matches = res.spans.map((flat) => unpackSpans(flat, flat.length >> 2, terms));
  for (const s of res.senses ?? []) {
    const m = matches[s.text]?.[s.span];
    if (m) m.senses = s.ids.map(share);
  }
  return matches;
}
