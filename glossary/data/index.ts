/**
 * The bundled glossary: every glossary/data/*.json file, imported statically so
 * the bundler includes it. Nothing is validated here at runtime; the tests
 * (tests/unit/glossary/data.test.ts) validate every file against the schema and
 * check that this module bundles all of them.
 */
import type { Entry, GlossaryFile } from '../types';
import administrativeProcedure from './administrative-procedure.json';
import civilGeneral from './civil-general.json';
import civilProcedure from './civil-procedure.json';
import constitution2026 from './constitution-2026.json';
import criminalProcedure from './criminal-procedure.json';
import criminal from './criminal.json';
import labour from './labour.json';
import legacy1995 from './legacy-1995.json';
import senses from './senses.json';
import { compareVersions } from '../version';

const FILES: readonly GlossaryFile[] = [
  constitution2026 as GlossaryFile,
  civilProcedure as GlossaryFile,
  criminalProcedure as GlossaryFile,
  criminal as GlossaryFile,
  administrativeProcedure as GlossaryFile,
  civilGeneral as GlossaryFile,
  labour as GlossaryFile,
  legacy1995 as GlossaryFile,
  senses as GlossaryFile,
];

/** The version of the bundled glossary: the highest of the files' versions. */
export const BUNDLED_VERSION: string = FILES.map((f) => f.version).reduce((a, b) =>
  compareVersions(a, b) >= 0 ? a : b,
);

/** Every bundled entry, file after file. */
export const BUNDLED_ENTRIES: Entry[] = FILES.flatMap((f) => f.entries);
