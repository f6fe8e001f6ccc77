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
    await db.entries.bulkPut(
      entries.map((e) => {
        const row: StoredEntry = {
          ...e,
          source: BUNDLED,
          createdAt: created.get(e.id) ?? now,
          updatedAt: now,
        };
        return toRow(row);
      }),
    );
    await db.meta.put({ key: 'bundledVersion', value: version });
    return { result: true, revision: await bumpRevision(db) };
  });
}
