/**
 * Seeding and updating the bundled glossary. Runs on install, on update and
 * on every start of the service worker (cheap when the version is current):
 * bundled rows are replaced in one transaction keyed by the bundled version;
 * personal rows and overrides are never read or written here.
 */
import type { Entry } from '../glossary/types';
import type { StoredEntry } from '../lib/protocol';
import { toRow, type AtaZanDatabase } from './database';
import { BUNDLED, bumpRevision, getBundledVersion, type Change } from './glossary-store';

/**
 * Rows put in one go. A put clones its row in the calling task, so one put of
 * the whole bundled glossary held the worker for hundreds of milliseconds while
 * the first page's scan waited; between batches its requests are answered.
 */
export const SEED_BATCH = 100;

/** Returns whether the bundled rows changed (then with the new revision). */
export async function seedBundled(
  db: AtaZanDatabase,
  version: string,
  entries: readonly Entry[],
): Promise<Change<boolean>> {
  return db.transaction('rw', db.entries, db.meta, async () => {
    if ((await getBundledVersion(db)) === version) return { result: false, revision: null };
    const bundled = db.entries.where('source').equals(BUNDLED);
    // Keep the first-seen time of entries that stay, so "new in this version" stays answerable.
    const created = new Map<string, number>();
    await bundled.each((row) => created.set(row.id, row.createdAt));
    await bundled.delete();
    const now = Date.now();
    // One transaction still: a batch awaited keeps it open, and a failure rolls all back.
    for (let start = 0; start < entries.length; start += SEED_BATCH) {
      await db.entries.bulkPut(
        entries.slice(start, start + SEED_BATCH).map((e) => {
          const row: StoredEntry = {
            ...e,
            source: BUNDLED,
            createdAt: created.get(e.id) ?? now,
            updatedAt: now,
          };
          return toRow(row);
        }),
      );
    }
    await db.meta.put({ key: 'bundledVersion', value: version });
    return { result: true, revision: await bumpRevision(db) };
  });
}
