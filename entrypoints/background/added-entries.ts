/**
 * What a newer glossary snapshot adds to an older one, when it only adds
 * entries: what the background compiles alone beside the glossary it has
 * (matcher-cache.ts), instead of compiling every entry again.
 */
import type { GlossarySnapshot, StoredEntry } from '../../lib/protocol';
import type { EntryStamp } from './stored-index';

/**
 * The entries `snap` adds to those stamped in `from`, when it only adds
 * some; null when it deletes or changes one, or adds none.
 */
export function addedTo(
  from: ReadonlyMap<string, EntryStamp>,
  snap: GlossarySnapshot,
): StoredEntry[] | null {
  const added: StoredEntry[] = [];
  let kept = 0;
  for (const e of snap.entries) {
    const before = from.get(e.id);
    if (!before) added.push(e);
    else if (before.updatedAt !== e.updatedAt || before.source !== e.source) return null;
    else kept++;
  }
  // Something was deleted: only a full compile forgets an entry.
  return kept === from.size && added.length > 0 ? added : null;
}

/**
 * addedTo for two snapshots: a snapshot made from another after a save
 * (requests.ts) holds the very same entries, so the two are walked side by
 * side; one read from the database again is compared by id.
 */
export function addedAfter(before: GlossarySnapshot, now: GlossarySnapshot): StoredEntry[] | null {
  const added: StoredEntry[] = [];
  let kept = 0;
  for (const e of now.entries) {
    if (e === before.entries[kept]) kept++;
    else added.push(e);
  }
  if (kept === before.entries.length) return added.length > 0 ? added : null;
  return addedTo(new Map(before.entries.map((e) => [e.id, e])), now);
}
