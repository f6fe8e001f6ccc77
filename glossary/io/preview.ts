/**
 * The import preview: how each entry of a file relates to the glossary before
 * anything is written. The duplicate rule is the background's:
 * the same id, or the same `duplicateKey` (glossary/entry-model.ts). An entry that repeats an earlier entry
 * of the same file (its id, or both its terms) is counted as `repeated`: the
 * background meets the earlier one first, so the duplicate policy decides what
 * happens to the later one (skipped, overwriting the first, or kept beside it).
 */
import { duplicateKey } from '../entry-model';
import type { Entry } from '../types';
import { canonical } from './json';

export type PreviewStatus = 'new' | 'changed' | 'duplicate' | 'repeated';
export const PREVIEW_STATUSES: readonly PreviewStatus[] = [
  'new',
  'changed',
  'duplicate',
  'repeated',
];

export interface PreviewItem {
  entry: Entry;
  status: PreviewStatus;
  /** The glossary entry it duplicates or changes. */
  existing?: Entry;
  /** For `repeated`: the index in the file of the earlier entry it repeats. */
  repeats?: number;
}

export interface ImportPreview {
  items: PreviewItem[];
  counts: Record<PreviewStatus, number>;
}

/** Entries without both terms never pass the entry model, so never reach the preview. */
const termsKey = (e: Entry) => duplicateKey(e) ?? '';

/** Same content, ignoring the id and anything outside the canonical format. */
function sameContent(a: Entry, b: Entry): boolean {
  return (
    JSON.stringify({ ...canonical(a), id: '' }) === JSON.stringify({ ...canonical(b), id: '' })
  );
}

export function previewImport(
  incoming: readonly Entry[],
  glossary: readonly Entry[],
): ImportPreview {
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const byTerms = new Map(glossary.map((e) => [termsKey(e), e]));
  const counts: Record<PreviewStatus, number> = { new: 0, changed: 0, duplicate: 0, repeated: 0 };
  const seenIds = new Map<string, number>();
  const seenTerms = new Map<string, number>();
  const items = incoming.map((entry, i): PreviewItem => {
    const key = termsKey(entry);
    const earlier = (entry.id ? seenIds.get(entry.id) : undefined) ?? seenTerms.get(key);
    if (entry.id && !seenIds.has(entry.id)) seenIds.set(entry.id, i);
    if (!seenTerms.has(key)) seenTerms.set(key, i);
    if (earlier !== undefined) {
      counts.repeated++;
      return { entry, status: 'repeated', repeats: earlier };
    }
    const existing = (entry.id ? byId.get(entry.id) : undefined) ?? byTerms.get(termsKey(entry));
    const status: PreviewStatus =
      existing === undefined ? 'new' : sameContent(entry, existing) ? 'duplicate' : 'changed';
    counts[status]++;
    return existing ? { entry, status, existing } : { entry, status };
  });
  return { items, counts };
}
