/**
 * Databases for unit tests, in fake IndexedDB. `freshDatabases(prefix)` gives
 * a function that opens a new database under a name of its own at each call;
 * every database it opened is closed and deleted after each test;
 * `databaseAtVersion` declares one as an earlier schema left it, for the
 * upgrade tests.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect } from 'vitest';
import {
  AtaZanDatabase,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_VERSION,
} from '../../db/database';

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

/** The schemas the releases before the current one declared, version 1 first. */
const EARLIER_SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4];

/**
 * The database `name` declared as a release with schema `version` declared
 * it (versions 1 to `version`, each with its stores), not yet opened: fill it,
 * then reopenUpgraded.
 */
export function databaseAtVersion(name: string, version: number): Dexie {
  if (version < 1 || version > EARLIER_SCHEMAS.length)
    throw new RangeError(`no earlier schema ${version}`);
  const db = new Dexie(name);
  EARLIER_SCHEMAS.slice(0, version).forEach((stores, k) => db.version(k + 1).stores(stores));
  return db;
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
