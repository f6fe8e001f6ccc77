/**
 * Who may import whom (README, "Layout"): the folders by where their code
 * runs. Read from the sources' import statements, so a change that crosses a
 * line fails here rather than in a bundle that suddenly holds the database in
 * a page or the browser in the core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** (folder, the folders it must never import from) */
const FORBIDDEN: [string, string[]][] = [
  ['glossary', ['lib', 'db', 'entrypoints', 'components', 'cli', 'bench', 'tests']],
  ['lib', ['db', 'entrypoints', 'components']],
  ['db', ['entrypoints', 'components']],
  ['components', ['db', 'entrypoints']],
  [
    'entrypoints/content',
    ['db', 'entrypoints/background', 'entrypoints/options', 'entrypoints/popup'],
  ],
  [
    'entrypoints/background',
    ['components', 'entrypoints/content', 'entrypoints/options', 'entrypoints/popup'],
  ],
  ['entrypoints/popup', ['db', 'entrypoints/background']],
  ['entrypoints/options', ['db', 'entrypoints/background']],
  ['entrypoints/pdf-viewer', ['db', 'entrypoints/background']],
];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)));
}

/** The project folders a file imports from, as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:from\s+|import\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm,
  )) {
    out.push(relative(ROOT, resolve(ROOT, dirname(file), m[1]!)));
  }
  return out;
}

/**
 * (script, modules it must never load): modules that do work as they load,
 * which that script runs on every page and frame without needing it.
 * char-tables.ts builds the character tables (over a megabyte of lookup
 * tables); the content script folds text only when a card shows, and reads
 * them then through charTables().
 */
const NEVER_LOADED: [string, string[]][] = [
  ['entrypoints/content/index.ts', ['glossary/matcher/char-tables.ts']],
];

/** The source file an import path names (a file, with its extension, or a folder's index). */
function resolveSource(path: string): string {
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) {
    try {
      readFileSync(join(ROOT, candidate));
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`no source for ${path}`);
}

/** Every project module a script loads at run time (type-only imports load nothing). */
function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(
      /^(?:import|export)\s+(?!type\b)[^;]*?['"](\.{1,2}\/[^'"]+)['"]/gm,
    )) {
      const target = resolveSource(relative(ROOT, resolve(ROOT, dirname(file), m[1]!)));
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

describe('what a script loads', () => {
  test.each(NEVER_LOADED)('%s never loads %j', (entry, never) => {
    const loaded = loadedBy(entry);
    expect(loaded.size).toBeGreaterThan(10);
    expect(never.filter((m) => loaded.has(m))).toEqual([]);
  });

  test('the walk follows imports through the modules (the background loads the tables)', () => {
    expect(loadedBy('entrypoints/background/index.ts')).toContain(
      'glossary/matcher/char-tables.ts',
    );
  });
});

describe('folders by runtime: no forbidden import', () => {
  test.each(FORBIDDEN)('%s imports none of %j', (folder, forbidden) => {
    const files = sources(folder);
    expect(files.length).toBeGreaterThan(0);
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  test('the rule reads imports as they are written (a known crossing would be seen)', () => {
    expect(importsOf('entrypoints/background/requests.ts')).toContain('db/database');
  });
});
