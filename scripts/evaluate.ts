/**
 * `npx tsx scripts/evaluate.ts [--glossary FILE.json] [--shared DIR] [--forms]`
 *
 * Per-entry match counts of the evaluation glossary on the sample corpus and
 * the Constitution texts, for the evaluation in docs/evaluation.md:
 * - corpus: every ../shared/corpus/*.txt file;
 * - the 2026 and 1995 Constitutions, Kazakh and Russian: the `text` of each
 *   record of ../shared/constitution/{2026,1995}.{kk,ru}.json, one clause per
 *   paragraph (as the evaluation scanned them).
 * A cell is "matches" or "matches~approximate". `--forms` also lists, per
 * entry, the distinct matched texts (folded whitespace) with their counts:
 * the quickest way to read every match after a morphology change.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMatcher } from '../glossary/matcher';
import { parseMatchableGlossary } from '../glossary/matchable-file';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let glossaryFile = join(repo, 'tests/fixtures/eval-glossary.json');
let shared = resolve(repo, '../shared');
let showForms = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--glossary') glossaryFile = argv[++i] ?? glossaryFile;
  else if (a === '--shared') shared = argv[++i] ?? shared;
  else if (a === '--forms') showForms = true;
  else {
    process.stderr.write(`unknown argument ${a}\n`);
    process.exit(2);
  }
}

interface Source {
  name: string;
  text: string;
}

const sources: Source[] = [];
const corpusDir = join(shared, 'corpus');
for (const f of readdirSync(corpusDir).sort()) {
  if (f.endsWith('.txt')) {
    sources.push({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(corpusDir, f), 'utf8') });
  }
}
for (const edition of ['2026', '1995']) {
  for (const lang of ['kk', 'ru']) {
    const file = join(shared, 'constitution', `${edition}.${lang}.json`);
    const records = JSON.parse(readFileSync(file, 'utf8')) as { text: string }[];
    sources.push({ name: `${edition}.${lang}`, text: records.map((r) => r.text).join('\n\n') });
  }
}

const entries = parseMatchableGlossary(readFileSync(glossaryFile, 'utf8'), glossaryFile);
const matcher = compileMatcher(entries);

/** counts[entry][source] = [matches, approximate] */
const counts = new Map<string, number[][]>();
const forms = new Map<string, Map<string, number>>();
for (const e of entries) {
  counts.set(
    e.id,
    sources.map(() => [0, 0]),
  );
  forms.set(e.id, new Map());
}
sources.forEach((src, si) => {
  for (const m of matcher.scan(src.text)) {
    const cell = counts.get(m.id)![si]!;
    cell[0]!++;
    if (m.approximate) cell[1]!++;
    const text = src.text.slice(m.start, m.end).replace(/\s+/g, ' ') + (m.approximate ? '~' : '');
    const f = forms.get(m.id)!;
    f.set(text, (f.get(text) ?? 0) + 1);
  }
});

const short = (name: string) => (name.length > 12 ? name.slice(0, 12) : name);
const cellText = ([n, a]: number[]) => (a ? `${n}~${a}` : `${n}`);
const idWidth = Math.max(...entries.map((e) => e.id.length), 5);
console.log(
  [
    'entry'.padEnd(idWidth),
    ...sources.map((s) => short(s.name).padStart(12)),
    'total'.padStart(7),
  ].join(' '),
);
const totals = sources.map(() => [0, 0]);
for (const e of entries) {
  const row = counts.get(e.id)!;
  let total = 0;
  row.forEach((c, i) => {
    total += c[0]!;
    totals[i]![0]! += c[0]!;
    totals[i]![1]! += c[1]!;
  });
  console.log(
    [
      e.id.padEnd(idWidth),
      ...row.map((c) => cellText(c).padStart(12)),
      String(total).padStart(7),
    ].join(' '),
  );
  if (showForms) {
    const list = [...forms.get(e.id)!].sort((a, b) => b[1] - a[1]);
    console.log('    ' + list.map(([t, n]) => `${t}:${n}`).join(' | '));
  }
}
const grand = totals.reduce((s, c) => s + c[0]!, 0);
console.log(
  [
    'TOTAL'.padEnd(idWidth),
    ...totals.map((c) => cellText(c).padStart(12)),
    String(grand).padStart(7),
  ].join(' '),
);
console.log(`${entries.length} entries, ${sources.length} sources (cell: matches~approximate)`);
