/**
 * Store readiness (`npm run lint:ext`, and the last step of `npm test`): runs
 * `web-ext lint` (Mozilla's addons-linter, offline) on the packages made by
 * `npm run zip` and `npm run zip:firefox`, exactly as they would be uploaded,
 * and checks the sources archive that addons.mozilla.org asks for with the
 * Firefox package. Fails on any linter error and on a sources archive that
 * lacks what the build needs or holds what it must not (dependencies, build
 * output, tests). Warnings are printed, not fatal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, '.output');
const packages = [
  {
    label: 'Chrome package',
    file: join(out, `${name}-${version}-chrome.zip`),
    make: 'npm run zip',
  },
  {
    label: 'Firefox package',
    file: join(out, `${name}-${version}-firefox.zip`),
    make: 'npm run zip:firefox',
  },
];
const sources = join(out, `${name}-${version}-sources.zip`);

let failed = false;
const fail = (msg) => {
  console.error(`✗ ${msg}`);
  failed = true;
};

for (const p of [
  ...packages,
  { label: 'sources archive', file: sources, make: 'npm run zip:firefox' },
]) {
  if (!existsSync(p.file)) {
    console.error(`✗ No ${p.label} at ${p.file}: run \`${p.make}\` first.`);
    process.exit(1);
  }
}

const artifactsDir = mkdtempSync(join(tmpdir(), 'atazan-web-ext-'));
try {
  for (const p of packages) {
    const result = await webExt.cmd.lint(
      { sourceDir: p.file, artifactsDir, output: 'none', noInput: true, boring: true },
      { shouldExitProgram: false },
    );
    const { errors, warnings, notices } = result.summary;
    console.log(
      `web-ext lint, ${p.label} (${p.file.slice(root.length + 1)}): ${errors} errors, ${warnings} warnings, ${notices} notices`,
    );
    for (const kind of ['errors', 'warnings', 'notices']) {
      for (const m of result[kind]) {
        const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
        console.log(`  ${kind.slice(0, -1)} ${m.code}${where}: ${m.message}`);
      }
    }
    if (errors > 0) fail(`${p.label}: web-ext lint reports ${errors} error(s)`);
  }
} finally {
  rmSync(artifactsDir, { recursive: true, force: true });
}

// The sources archive: what a reviewer needs to rebuild the Firefox package, nothing more.
const names = zipEntryNames(readFileSync(sources));
const needed = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'README.md',
  'entrypoints/background/index.ts',
  'public/_locales/en/messages.json',
];
for (const n of needed) if (!names.includes(n)) fail(`sources archive lacks ${n}`);
const forbidden = /^(node_modules|\.output|\.wxt|\.git|tests|bench|coverage)\/|^\.\.?\//;
const bad = names.filter((n) => forbidden.test(n));
if (bad.length > 0)
  fail(`sources archive holds ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? '…' : ''}`);
console.log(`sources archive (${sources.slice(root.length + 1)}): ${names.length} entries`);

if (failed) process.exit(1);

/** The names in a zip file's central directory (no extraction, no dependency). */
function zipEntryNames(buf) {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const result = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    result.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return result;
}
