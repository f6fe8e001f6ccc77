/**
 * The bundled glossary's files (lib/bundled-glossary-file.ts) by name, each
 * made only when asked for: the build writes them into the extension
 * (wxt.config.ts) and the unit tests serve them to the background's `fetch`
 * (tests/unit/support/bundled-glossary-file.ts), so both have the same bytes.
 */
import { compileGlossary } from '../entrypoints/background/stored-index';
import { BUNDLED_ENTRIES, BUNDLED_VERSION } from '../glossary/data';
import {
  BUNDLED_GLOSSARY_FILE,
  BUNDLED_INDEX_FILE,
  BUNDLED_SEARCH_FILE,
  bundledRowsOf,
  bundledSearchFile,
  type BundledGlossaryFile,
} from '../lib/bundled-glossary-file';
import { packData } from '../lib/packed-data';

/** The entries and their version, as JSON. */
export function bundledGlossaryJson(): string {
  const file: BundledGlossaryFile = { version: BUNDLED_VERSION, entries: BUNDLED_ENTRIES };
  return JSON.stringify(file);
}

/** The compiled index and the search index, binary. */
export const BUNDLED_BINARY_FILES: Readonly<Record<string, () => Uint8Array<ArrayBuffer>>> = {
  [BUNDLED_INDEX_FILE]: () => {
    const { stored } = compileGlossary({ revision: 0, entries: bundledRowsOf(BUNDLED_ENTRIES) });
    const [index, ...more] = stored();
    if (!index || more.length > 0) throw new Error('the bundled glossary compiles as one part');
    return packData(index);
  },
  [BUNDLED_SEARCH_FILE]: () => new Uint8Array(bundledSearchFile(BUNDLED_ENTRIES)),
};

/** Every bundled file, the JSON one and the binary ones. */
export const BUNDLED_FILES: Readonly<Record<string, () => string | Uint8Array<ArrayBuffer>>> = {
  [BUNDLED_GLOSSARY_FILE]: bundledGlossaryJson,
  ...BUNDLED_BINARY_FILES,
};
