/**
 * The character tables: what every code unit is to the matcher and to
 * normalisation. Lookup tables over all 2^16 UTF-16 code units, decoded once
 * from the runs kept in char-data.ts on first use (`charTables`), so that text
 * is folded and classified on the fly without allocating.
 *
 * - CLASS: a letter (part of a word), whitespace, an invisible character (soft
 *   hyphen, zero-width, stress mark: skipped inside words), a hyphen, or other
 *   (punctuation: a word boundary).
 * - FOLD: lowercase, ё → е. Latin look-alikes stay Latin here (LOOKALIKE maps
 *   them): they count as Cyrillic only inside a word that has Cyrillic.
 * - DEGRADE: a Kazakh letter → the Russian letter that substitutes for it
 *   (қ → к); a match that needs one is approximate.
 * - FL and KEY, the matcher's alphabets: FL folds look-alikes too; KEY is FL
 *   degraded, the lossy alphabet in which a Kazakh letter and its substitute
 *   meet, so one lookup finds exact and approximate candidates alike.
 */

import { CLASS_RUNS, FOLD_RUNS } from './char-data';
import { CharClass, HYPHEN, SPACE } from './char-rules';

export { CharClass, HYPHEN, SPACE } from './char-rules';

/**
 * Latin letters that official and older sites type inside Kazakh and Russian
 * words in place of the Cyrillic letter they look like (Latin i for і, ə for ә,
 * c for с). Folded only inside words that also hold a Cyrillic letter.
 */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  k: 'к',
  h: 'һ',
  ə: 'ә',
  ɵ: 'ө',
  A: 'а',
  B: 'в',
  C: 'с',
  E: 'е',
  H: 'н',
  K: 'к',
  M: 'м',
  O: 'о',
  P: 'р',
  T: 'т',
  X: 'х',
  Y: 'у',
  I: 'і',
  Ə: 'ә',
  Ɵ: 'ө',
};

/**
 * Russian letters that stand in for Kazakh ones where a keyboard or font lacked
 * them (азаматтык for азаматтық). A match that needs one is approximate.
 */
export const KAZAKH_SUBSTITUTES: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
};

/** Code unit → itself: tables start from copies of it (a copy costs less than a loop in a worker just started). */
function identity(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  return table;
}

/**
 * Code unit → CharClass and code unit → lowercase fold, as the Unicode data
 * says (char-unicode.ts), decoded from the runs kept in char-data.ts. The fold
 * starts as a copy of `identityTable`, which a caller that has one passes in.
 */
export function unicodeTables(identityTable: Uint16Array = identity()): {
  cls: Uint8Array;
  fold: Uint16Array;
} {
  const cls = new Uint8Array(0x10000);
  const fold = identityTable.slice();
  for (let i = 0, c = 0; i < CLASS_RUNS.length; i += 2) {
    const end = c + CLASS_RUNS[i]!;
    const k = CLASS_RUNS[i + 1]!;
    cls.fill(k, c, end);
    if (k === CharClass.Space) fold.fill(SPACE, c, end);
    else if (k === CharClass.Hyphen) fold.fill(HYPHEN, c, end);
    else if (k === CharClass.Ignorable) fold.fill(0, c, end);
    c = end;
  }
  for (let i = 0; i < FOLD_RUNS.length; i += 4) {
    const delta = FOLD_RUNS[i + 3]!;
    for (let x = FOLD_RUNS[i]!; x <= FOLD_RUNS[i + 1]!; x += FOLD_RUNS[i + 2]!) fold[x] = x + delta;
  }
  return { cls, fold };
}

/** CHAR's layout: a code unit's key in bits 0–15, its CharClass in bits 16–18. */
export const CHAR_KEY = 0xffff;
export const CHAR_CLASS_SHIFT = 16;

/** The tables, each over all 2^16 code units. */
export interface CharTables {
  /** Code unit → folded code unit (lowercase; ё → е). Latin look-alikes are folded separately: see lookalike. */
  readonly fold: Uint16Array;
  /** Code unit → CharClass. */
  readonly cls: Uint8Array;
  /** Folded code unit → the Russian letter that substitutes for it (Kazakh letters only; identity otherwise). */
  readonly degrade: Uint16Array;
  /** 1 for Cyrillic code units. */
  readonly cyr: Uint8Array;
  /** Folded Latin code unit → the Cyrillic letter it looks like (0 when none). */
  readonly lookalike: Uint16Array;
  /** Code unit → folded code unit with Latin look-alikes read as the Cyrillic letters they stand for. */
  readonly fl: Uint16Array;
  /** Code unit → the matcher's key: fl, then degraded (Kazakh letters → their Russian substitutes). */
  readonly key: Uint16Array;
  /** A code unit read through a Latin look-alike (so its word must hold Cyrillic to count). */
  readonly viaLookalike: Uint8Array;
  /** Code unit → what the scan needs of it in one load: its key and its CharClass (CHAR_KEY, CHAR_CLASS_SHIFT). */
  readonly char: Int32Array;
}

/** Every table, in as few passes over the code units as they allow. */
function buildTables(): CharTables {
  // The identity table is copied into the fold, then becomes the degrade table itself.
  const degrade = identity();
  const { cls, fold } = unicodeTables(degrade);
  fold['ё'.charCodeAt(0)] = 'е'.charCodeAt(0);
  fold['Ё'.charCodeAt(0)] = 'е'.charCodeAt(0);
  const cyr = new Uint8Array(0x10000);
  const lookalike = new Uint16Array(0x10000);
  for (const [k, v] of Object.entries(LATIN_LOOKALIKES))
    lookalike[k.charCodeAt(0)] = v.charCodeAt(0);
  for (const [k, v] of Object.entries(KAZAKH_SUBSTITUTES))
    degrade[k.charCodeAt(0)] = v.charCodeAt(0);
  for (let c = 0x0400; c <= 0x04ff; c++) if (cls[c] === CharClass.Word) cyr[c] = 1;
  const fl = fold.slice();
  const key = fold.slice();
  const viaLookalike = new Uint8Array(0x10000);
  const char = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) char[c] = fold[c]! | (cls[c]! << CHAR_CLASS_SHIFT);
  // Only a code unit folded below this can read as a look-alike or a Kazakh letter's substitute.
  const below =
    1 +
    Math.max(
      ...[...Object.keys(LATIN_LOOKALIKES), ...Object.keys(KAZAKH_SUBSTITUTES)].map((k) =>
        k.charCodeAt(0),
      ),
    );
  const mayChange = (c: number) => {
    const f = fold[c]!;
    const look = lookalike[f]!;
    const l = look || f;
    const k = degrade[l]!;
    fl[c] = l;
    key[c] = k;
    if (look !== 0 && cyr[c] === 0) viaLookalike[c] = 1;
    char[c] = k | (cls[c]! << CHAR_CLASS_SHIFT);
  };
  for (let c = 0; c < below; c++) mayChange(c);
  // Above it, only a case pair folds down (the Kelvin sign to k).
  for (let i = 0; i < FOLD_RUNS.length; i += 4) {
    if (FOLD_RUNS[i]! + FOLD_RUNS[i + 3]! >= below) continue;
    for (let c = Math.max(FOLD_RUNS[i]!, below); c <= FOLD_RUNS[i + 1]!; c += FOLD_RUNS[i + 2]!)
      mayChange(c);
  }
  return { fold, cls, degrade, cyr, lookalike, fl, key, viaLookalike, char };
}

let built: CharTables | undefined;

/**
 * The tables, built on first use. The matcher binds them as it loads
 * (char-tables.ts); a page that folds nothing (the content script, until a
 * card shows) never builds them.
 */
export function charTables(): CharTables {
  return (built ??= buildTables());
}
