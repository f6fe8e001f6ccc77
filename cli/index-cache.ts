/**
 * The scan CLI's compiled indexes, kept between runs: a run over a glossary
 * it has compiled before loads the packed index (lib/packed-data.ts) instead
 * of inflecting and compiling every entry again, as the extension's woken
 * service worker does. Keyed by the glossary's text and the matcher's format
 * (code or rules that change what a term yields make a new key); a file that
 * cannot be loaded is compiled afresh and replaced.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ContextResolver,
  compileScanner,
  hasContextRules,
  type RuledEntry,
} from '../glossary/context';
import {
  MATCHER_FORMAT,
  loadMatcher,
  serializeMatcher,
  type SerializedMatcher,
} from '../glossary/matcher';
import { packData, unpackData } from '../lib/packed-data';

/** Where the indexes are kept: the project's own cache folder, or ATAZAN_CACHE_DIR. */
export const DEFAULT_CACHE_DIR =
  process.env.ATAZAN_CACHE_DIR ?? resolve(import.meta.dirname, '../node_modules/.cache/ata-zan');

export type IndexSource = 'compiled' | 'loaded';

/** What a kept index holds: the matcher, and which entries the context step needs whole. */
interface KeptIndex {
  matcher: SerializedMatcher;
  ruled: Uint8Array;
}

export function cachedScanner(
  glossaryKey: string,
  entries: readonly RuledEntry[],
  dir: string | null,
): { scanner: ContextResolver; index: IndexSource } {
  if (dir === null) return { scanner: compileScanner(entries), index: 'compiled' };
  const key = createHash('sha256').update(MATCHER_FORMAT).update('\0').update(glossaryKey);
  const file = join(dir, `${key.digest('hex').slice(0, 32)}.bin`);
  try {
    const bytes = readFileSync(file);
    const kept = unpackData(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    ) as Partial<KeptIndex>;
    const { ruled } = kept;
    if (ruled instanceof Uint8Array && ruled.length === entries.length) {
      const matcher = loadMatcher(kept.matcher);
      const scanner = new ContextResolver(
        matcher,
        // The context step needs only the entries that carry rules.
        entries.filter((_, k) => ruled[k] === 1),
      );
      return { scanner, index: 'loaded' };
    }
  } catch {
    // None yet, or stale or damaged: compiled below, and written anew.
  }
  const scanner = compileScanner(entries);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const kept: KeptIndex = {
      matcher: serializeMatcher(scanner.matcher),
      ruled: Uint8Array.from(entries, (e) => (hasContextRules(e) ? 1 : 0)),
    };
    writeFileSync(tmp, packData(kept));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written costs the next run a compile, nothing more.
  }
  return { scanner, index: 'compiled' };
}
