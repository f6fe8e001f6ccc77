/**
 * The content script's side of `text/scan`: the packed answer (`ScanResult`,
 * built by lib/matcher-cache.ts) back into matches. Pure, for the unit tests.
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
  res: Pick<ScanResult, 'terms' | 'spans'>,
  share: (s: string) => string = (s) => s,
): Match[][] {
  const terms = res.terms.map((t) => ({ id: share(t.id), lang: t.lang, term: share(t.term) }));
  return res.spans.map((flat) => unpackSpans(flat, flat.length >> 2, terms));
}
