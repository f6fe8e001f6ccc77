/**
 * `npm run bench:material -- [DIR]`: writes the benchmark's material as files
 * for the CLI (`npm run scan`), by default to $TMPDIR/atazan-bench:
 * - glossary-100.json, glossary-1000.json, glossary-10000.json: the benchmark
 *   glossaries (bench/corpus.ts glossaryOfSize) in the minimal {id, kk, ru}
 *   format;
 * - distinct/*.txt: the distinct text (bench/corpus.ts distinctTexts), one
 *   file per document.
 * Then, e.g.:
 *   npm run scan -- --stats --glossary DIR/glossary-10000.json DIR/distinct/*.txt > /dev/null
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distinctTexts, glossaryOfSize, realEntries } from './corpus';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join(tmpdir(), 'atazan-bench');
  mkdirSync(join(dir, 'distinct'), { recursive: true });
  const real = await realEntries();
  for (const size of [100, 1_000, 10_000]) {
    writeFileSync(join(dir, `glossary-${size}.json`), JSON.stringify(glossaryOfSize(size, real)));
  }
  let bytes = 0;
  for (const { name, text } of distinctTexts()) {
    writeFileSync(join(dir, 'distinct', `${name}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  console.log(
    `${dir}: glossary-{100,1000,10000}.json; distinct/*.txt: ${distinctTexts().length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB of distinct text`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
