/**
 * Databases for unit tests, in fake IndexedDB. `freshDatabases(prefix)` gives
 * a function that opens a new database under a name of its own at each call;
 * every database it opened is closed and deleted after each test.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect } from 'vitest';
import { AtaZanDatabase, SCHEMA_VERSION } from '../../db/database';

export function freshDatabases(prefix: string): (name?: string) => AtaZanDatabase {
  let counter = 0;
  const opened: AtaZanDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return (name = `${prefix}-${++counter}`) => {
    const db = new AtaZanDatabase(name);
    opened.push(db);
    return db;
  };
}

/**
 * Close `old`, a database written with an earlier schema, and open it again
 * through `open` (a `freshDatabases` function): it has upgraded to the current version.
 */
export async function reopenUpgraded(
  old: Dexie,
  open: (name: string) => AtaZanDatabase,
): Promise<AtaZanDatabase> {
  old.close();
  const db = open(old.name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  return db;
}
