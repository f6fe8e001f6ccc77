/**
 * The scan CLI as a user runs it: real files in, one JSON array out; every
 * kind of bad input gets a clear message, exit code 2 and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FoundTerm } from '../../../cli/scan';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir: string;
/** Where these runs keep their compiled indexes (cli/index-cache.ts), apart from the project's. */
let cacheDir: string;

function scan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['cli/scan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ATAZAN_CACHE_DIR: cacheDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atazan-cli-'));
  cacheDir = join(dir, 'cache');
});

describe('scan', () => {
  test('prints every match with file, UTF-16 offsets, id, text and approximate', () => {
    const glossary = file(
      'g.json',
      JSON.stringify([{ id: 'justice', kk: 'сот төрелігі', ru: 'правосудие' }]),
    );
    const text = '😀 Сот төрелігін және\nправосудия, азаматтык.';
    const input = file('a.txt', text);
    const r = scan('--glossary', glossary, input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FoundTerm[];
    expect(out).toEqual([
      { file: input, start: 3, end: 16, id: 'justice', text: 'Сот төрелігін', approximate: false },
      { file: input, start: 22, end: 32, id: 'justice', text: 'правосудия', approximate: false },
    ]);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test('accepts the full entry format and reports approximate matches', () => {
    const glossary = file(
      'full.json',
      JSON.stringify([
        {
          id: 'civil-procedure',
          kk: { term: 'азаматтық іс жүргізу', variants: [], definition: 'x' },
          ru: { term: 'гражданское судопроизводство', variants: ['ГПК'], definition: 'x' },
          citations: [],
          tags: [],
        },
      ]),
    );
    const r = scan('--glossary', glossary, file('b.txt', 'азаматтык іс жүргізудің'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        id: 'civil-procedure',
        text: 'азаматтык іс жүргізудің',
        approximate: true,
      }),
    ]);
  });

  test('a glossary file’s own context rules apply, and a bad rule is named', () => {
    const glossary = file(
      'rules.json',
      JSON.stringify([
        {
          id: 'oblys',
          kk: 'облыс',
          ru: 'область',
          quiet: [{ lang: 'ru', when: [{ legalContext: true }] }],
        },
        { id: 'sot', kk: 'сот', ru: 'суд' },
      ]),
    );
    const r = scan('--glossary', glossary, file('q.txt', 'Эта область науки. Суд области.'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as FoundTerm[]).map((m) => m.text)).toEqual(['Суд', 'области']);
    const bad = file('bad-rule.json', '[{"id": "a", "kk": "сот", "quiet": [{"lang": "xx"}]}]');
    const e = scan('--glossary', bad, file('q2.txt', 'x'));
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/bad-rule\.json: entry #1 \(id "a"\): quiet/);
  });

  test('--stats writes one JSON line to stderr', () => {
    const glossary = file('s.json', JSON.stringify([{ id: 'court', kk: 'сот', ru: 'суд' }]));
    const r = scan('--glossary', glossary, '--stats', file('c.txt', 'сотқа суду'));
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stderr.trim()) as Record<string, number>;
    expect(Object.keys(stats)).toEqual(['entries', 'index', 'buildMs', 'chars', 'scanMs']);
    expect(stats.entries).toBe(1);
    expect(stats.chars).toBe(10);
  });

  test('a later run over the same glossary loads its kept index and finds the same; --no-cache and a damaged index compile', () => {
    const glossary = file(
      'kept.json',
      // A glossary no other test runs, so its first run here compiles.
      JSON.stringify([{ id: 'kept-justice', kk: 'сот төрелігі', ru: 'правосудие' }]),
    );
    const input = file('kept.txt', 'Сот төрелігін жүзеге асырады; правосудия нет.');
    const index = (r: { stderr: string }) =>
      (JSON.parse(r.stderr.trim()) as { index: string }).index;
    const first = scan('--glossary', glossary, '--stats', input);
    const again = scan('--glossary', glossary, '--stats', input);
    expect([index(first), index(again)]).toEqual(['compiled', 'loaded']);
    expect((JSON.parse(again.stdout) as FoundTerm[]).length).toBe(2);
    expect(again.stdout).toBe(first.stdout);
    expect(index(scan('--glossary', glossary, '--stats', '--no-cache', input))).toBe('compiled');
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'damaged');
    const mended = scan('--glossary', glossary, '--stats', input);
    expect(index(mended)).toBe('compiled');
    expect(mended.stdout).toBe(first.stdout);
    expect(index(scan('--glossary', glossary, '--stats', input))).toBe('loaded');
  }, 30_000);

  test('without --glossary it uses the bundled glossary', () => {
    const r = scan(file('d.txt', 'Конституциялық Соттың қаулысы'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FoundTerm[];
    expect(out.map((m) => m.text)).toContain('Конституциялық Соттың');
    // Compiling the whole bundled glossary in a fresh process takes seconds on a busy machine.
  }, 20_000);

  test('reports what a page shows: the sense the context calls for, with the others; quiet words dropped', () => {
    const r = scan(
      file(
        'senses.txt',
        'Азаматтық, әкімшілік істер. Бұл жерде. В Акмолинской области начался сбор урожая.',
      ),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FoundTerm[];
    expect(out.map((m) => [m.text, m.id, m.senses])).toEqual([
      ['Азаматтық', 'civil', ['citizenship']],
      ['әкімшілік істер', 'proc-administrative-case', undefined],
    ]);
  }, 20_000);
});

describe('bad input', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['no input files', () => [], /no input files/],
    ['a missing input file', () => [join(dir, 'nope.txt')], /nope\.txt: no such file/],
    ['a directory as input', () => [dir], /is a directory/],
    [
      'an input file that is not UTF-8',
      () => [file('bin.txt', Buffer.from([0xff, 0xfe, 0x00, 0xc3]))],
      /bin\.txt: not valid UTF-8/,
    ],
    [
      'a missing glossary file',
      () => ['--glossary', join(dir, 'none.json'), file('e.txt', 'x')],
      /none\.json: no such file/,
    ],
    ['--glossary without a file name', () => ['--glossary'], /--glossary needs a file name/],
    ['an unknown option', () => ['--frobnicate', 'x'], /unknown option --frobnicate/],
    [
      'invalid JSON',
      () => ['--glossary', file('bad.json', '{"id": '), file('f.txt', 'x')],
      /bad\.json: not valid JSON/,
    ],
    [
      'a glossary that is not an array',
      () => ['--glossary', file('obj.json', '{"a": 1}'), file('g.txt', 'x')],
      /obj\.json: expected a JSON array/,
    ],
    [
      'an entry without id',
      () => ['--glossary', file('noid.json', '[{"kk": "сот"}]'), file('h.txt', 'x')],
      /noid\.json: entry #1: missing "id"/,
    ],
    [
      'an entry without terms',
      () => [
        '--glossary',
        file('noterm.json', '[{"id": "a", "kk": "сот"}, {"id": "b"}]'),
        file('i.txt', 'x'),
      ],
      /noterm\.json: entry #2 \(id "b"\): no term/,
    ],
    [
      'an entry with a wrong term type',
      () => ['--glossary', file('type.json', '[{"id": "a", "kk": 5}]'), file('j.txt', 'x')],
      /type\.json: entry #1 \(id "a"\): "kk" must be/,
    ],
    [
      'a duplicate id',
      () => [
        '--glossary',
        file('dup.json', '[{"id": "a", "kk": "сот"}, {"id": "a", "ru": "суд"}]'),
        file('k.txt', 'x'),
      ],
      /dup\.json: entry #2 \(id "a"\): duplicate id/,
    ],
  ];
  test.each(cases)('%s', (_name, args, message) => {
    mkdirSync(dir, { recursive: true });
    const r = scan(...args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
  });
});

test('`npm run scan` prints nothing but the JSON array on stdout', () => {
  const r = spawnSync(
    'npm',
    ['run', 'scan', '--', join(ROOT, 'tests/fixtures/eval-glossary.json')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(0);
  expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  expect(JSON.parse(r.stdout)).toBeInstanceOf(Array);
});
