/**
 * The character tables (chars.ts) as constants, for the matcher's hot loops:
 * importing this module builds them. Code that may never fold text (what the
 * content script loads) reads them through `charTables()` instead.
 */
import { charTables } from './chars';

export { CHAR_CLASS_SHIFT, CHAR_KEY, CharClass, HYPHEN, SPACE } from './chars';

const tables = charTables();

/** Code unit → folded code unit (lowercase; ё → е). Latin look-alikes are folded separately: see LOOKALIKE. */
export const FOLD: Uint16Array = tables.fold;
/** Code unit → CharClass. */
export const CLASS: Uint8Array = tables.cls;
/** Folded code unit → the Russian letter that substitutes for it (Kazakh letters only; identity otherwise). */
export const DEGRADE: Uint16Array = tables.degrade;
/** 1 for Cyrillic code units. */
export const IS_CYRILLIC: Uint8Array = tables.cyr;
/** Folded Latin code unit → the Cyrillic letter it looks like (0 when none). */
export const LOOKALIKE: Uint16Array = tables.lookalike;
/** Code unit → folded code unit with Latin look-alikes read as the Cyrillic letters they stand for. */
export const FL: Uint16Array = tables.fl;
/** Code unit → the matcher's key: FL, then degraded (Kazakh letters → their Russian substitutes). */
export const KEY: Uint16Array = tables.key;
/** A code unit read through a Latin look-alike (so its word must hold Cyrillic to count). */
export const VIA_LOOKALIKE: Uint8Array = tables.viaLookalike;
/** Code unit → what the scan needs of it in one load: its key and its CharClass (CHAR_KEY, CHAR_CLASS_SHIFT). */
export const CHAR: Int32Array = tables.char;
