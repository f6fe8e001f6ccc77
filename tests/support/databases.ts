/**
 * Databases for unit tests, in fake IndexedDB. `freshDatabases(prefix)` gives
 * a function that opens a new database under a name of its own at each call;
 * every database it opened is closed and deleted after each test.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { AtaZanDatabase } from '../../db/database';

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
