/**
 * `npm run scan -- [--glossary FILE.json] [--stats] [--no-cache] FILE...`
 *
 * Prints one JSON array of the glossary terms found in the files:
 * [{"file","start","end","id","text","approximate"}], start/end being UTF-16
 * offsets into each file's UTF-8 text, plus `"senses": [ids]` where the word
 * has other senses than the one reported. These are exactly the spans a page
 * highlights: the matcher's, through the context step (glossary/context.ts:
 * the sense the context calls for, quiet words only in legal context,
 * abbreviations only in capitals). The compiled index of each glossary is
 * kept (cli/index-cache.ts): a later run over the same glossary loads it;
 * `--no-cache` compiles and keeps nothing. `--stats` writes
 * {"entries","index","buildMs","chars","scanMs"} as one JSON line to stderr,
 * `index` saying whether the index was "compiled" or "loaded".
 * Bad input: a clear message on stderr, exit code 2, no stack trace.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ruledOf, type RuledEntry } from '../glossary/context';
import { GlossaryInputError, parseMatchableGlossary } from '../glossary/matchable-file';
import { DEFAULT_CACHE_DIR, cachedScanner } from './index-cache';

const USAGE = 'usage: npm run scan -- [--glossary FILE.json] [--stats] [--no-cache] FILE...';

class UsageError extends Error {}

/** One term found, as printed: UTF-16 offsets into the file's text, and the word's other senses if it has any. */
export interface FoundTerm {
  file: string;
  start: number;
  end: number;
  id: string;
  text: string;
  approximate: boolean;
  senses?: string[];
}

function readText(file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    if (err.code === 'EISDIR') throw new UsageError(`${file}: is a directory`);
    if (err.code === 'EACCES') throw new UsageError(`${file}: permission denied`);
    if (e instanceof TypeError) throw new UsageError(`${file}: not valid UTF-8 text`);
    throw new UsageError(`${file}: cannot read (${err.message})`);
  }
}

async function bundledGlossary(): Promise<{ key: string; entries: RuledEntry[] }> {
  const { BUNDLED_ENTRIES, BUNDLED_VERSION } = await import('../glossary/data/index');
  return { key: `bundled ${BUNDLED_VERSION}`, entries: BUNDLED_ENTRIES.map(ruledOf) };
}

async function main(argv: string[]): Promise<void> {
  let glossaryFile: string | null = null;
  let stats = false;
  let cache = true;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--glossary') {
      const next = argv[++i];
      if (next === undefined) throw new UsageError('--glossary needs a file name');
      glossaryFile = next;
    } else if (arg.startsWith('--glossary=')) {
      glossaryFile = arg.slice('--glossary='.length);
    } else if (arg === '--stats') {
      stats = true;
    } else if (arg === '--no-cache') {
      cache = false;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('no input files');

  const glossaryText = glossaryFile ? readText(glossaryFile) : null;
  const { key, entries } =
    glossaryText !== null && glossaryFile
      ? { key: glossaryText, entries: parseMatchableGlossary(glossaryText, glossaryFile) }
      : await bundledGlossary();
  const texts = files.map((file) => ({ file, text: readText(file) }));

  const t0 = performance.now();
  const { scanner, index } = cachedScanner(key, entries, cache ? DEFAULT_CACHE_DIR : null);
  const buildMs = performance.now() - t0;

  let chars = 0;
  let scanMs = 0;
  const out: FoundTerm[] = [];
  for (const { file, text } of texts) {
    const s0 = performance.now();
    const matches = scanner.scan(text);
    scanMs += performance.now() - s0;
    chars += text.length;
    for (const m of matches) {
      out.push({
        file,
        start: m.start,
        end: m.end,
        id: m.id,
        text: text.slice(m.start, m.end),
        approximate: m.approximate,
        ...(m.senses ? { senses: m.senses } : {}),
      });
    }
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
  if (stats) {
    const round = (x: number) => Math.round(x * 100) / 100;
    process.stderr.write(
      JSON.stringify({
        entries: entries.length,
        index,
        buildMs: round(buildMs),
        chars,
        scanMs: round(scanMs),
      }) + '\n',
    );
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof GlossaryInputError) {
    process.stderr.write(`atazan scan: ${e.message}\n`);
    if (e instanceof UsageError && !e.message.includes(':')) process.stderr.write(USAGE + '\n');
    process.exit(2);
  }
  process.stderr.write(
    `atazan scan: internal error: ${e instanceof Error ? e.message : String(e)}\n`,
  );
  process.exit(1);
});
