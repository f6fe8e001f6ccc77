/**
 * A TBX export validates against the TBX-Core RELAX NG schema it names in its
 * `xml-model` (a copy in tests/fixtures/tbx), with Debian's xmllint
 * (libxml2-utils; `npm test` installs it when missing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EXPORTERS } from '../../../glossary/io';
import { TBX_BASIC_SCH, TBX_CORE_RNG } from '../../../glossary/io/tbx';
import { BUNDLED_ENTRIES } from '../../../glossary/data';
import type { Entry } from '../../../glossary/types';

const RNG = new URL('../../fixtures/tbx/TBXcoreStructV03.rng', import.meta.url).pathname;

function xmllint(file: string): { ok: boolean; output: string } {
  const which = spawnSync('xmllint', ['--version']);
  if (which.error) {
    throw new Error('xmllint is missing: apt-get install -y libxml2-utils (npm test does it)');
  }
  const run = spawnSync('xmllint', ['--noout', '--relaxng', RNG, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const HOSTILE: Entry = {
  id: 'p-x1',
  kk: { term: 'a <b> & "c"', variants: ["d'e"], definition: ']]> <!-- x -->' },
  ru: { term: 'суд', variants: [], definition: '' },
  en: { term: 'court' },
  citations: [{ edition: '2026', article: '1', clause: null, quote: { kk: '<', ru: '&' } }],
  tags: ['t & t'],
};

test('the export names the current TBX-Core RNG and TBX-Basic Schematron', () => {
  const tbx = EXPORTERS.tbx.write([HOSTILE]);
  expect(tbx).toContain(`<?xml-model href="${TBX_CORE_RNG}"`);
  expect(tbx).toContain(`<?xml-model href="${TBX_BASIC_SCH}"`);
  expect(tbx).not.toContain('TBXcoreStructV03_TBX-Basic_integrated.rng');
});

test('an export of the bundled glossary and of awkward text validates with xmllint --relaxng', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atazan-tbx-'));
  const file = join(dir, 'export.tbx');
  writeFileSync(file, EXPORTERS.tbx.write([...BUNDLED_ENTRIES, HOSTILE]));
  const result = xmllint(file);
  expect(result.output).toContain('validates');
  expect(result.ok).toBe(true);
  // The schema does reject what is not TBX: the check is not vacuous.
  const bad = join(dir, 'bad.tbx');
  writeFileSync(bad, EXPORTERS.tbx.write([HOSTILE]).replace('<termSec>', '<termSec><oops/>'));
  expect(xmllint(bad).ok).toBe(false);
});
