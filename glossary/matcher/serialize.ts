/**
 * The compiled index as a plain object of typed arrays and strings, and back:
 * what the background stores (IndexedDB, through structured cloning) so that a
 * woken service worker loads its matcher in one read instead of inflecting
 * and compiling the whole glossary again.
 *
 * Loading runs no morphology and hashes nothing: it checks the arrays (a
 * stored object may be stale, truncated or corrupted, and a bad offset would
 * send the scan outside its arrays) and wraps them. Anything wrong throws a
 * MatcherLoadError, and the caller compiles afresh.
 */
import * as kazakhRules from '../morphology/kazakh-rules';
import * as russianRules from '../morphology/russian-rules';
import type { MatchedTerm } from '../spans';
import type { Lang } from '../types';
import { assembleMatcher, type Matcher } from './assemble';
import { ReversedSuffixes, checkReversedData, type ReversedSuffixesData } from './suffix-sets';
import { Terminals, checkTerminalsData, type TerminalsData } from './terminals';
import {
  CompiledSuffixes,
  checkSuffixTrieData,
  type CompiledSuffixesData,
  type SuffixTrieData,
} from './verify';
import { WordTable, checkWordTableData, type WordTableData } from './word-table';

/** Bump when the stored layout changes: the arrays, their fields, the word hashes. */
const LAYOUT_VERSION = 4;
/** Bump when the morphologies' code changes what a term yields (their rule tables are fingerprinted below). */
const MORPHOLOGY_VERSION = 1;

/**
 * FNV-1a over the JSON of the rule tables (sets and maps as arrays), by
 * export name: a bundler may order a module's exports otherwise than Node,
 * and an index built with the extension must load in it.
 */
function rulesFingerprint(): string {
  const tables = [kazakhRules, russianRules].map((rules: Record<string, unknown>) =>
    Object.keys(rules)
      .sort()
      .map((name) => [name, rules[name]]),
  );
  const json = JSON.stringify(tables, (_, v: unknown) =>
    v instanceof Set || v instanceof Map ? [...v] : v,
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The format of a stored index: an index stored under another format (older
 * code, other rules) is stale, and loadMatcher rejects it.
 */
export const MATCHER_FORMAT = `ata-zan-matcher/${LAYOUT_VERSION}.${MORPHOLOGY_VERSION}.${rulesFingerprint()}`;

/** A compiled matcher as plain data: survives structuredClone (and so IndexedDB). */
export interface SerializedMatcher {
  readonly format: string;
  /** Number of entries compiled. */
  readonly entries: number;
  readonly maxWordKeys: number;
  readonly table: WordTableData;
  readonly terminals: TerminalsData;
  /**
   * The ids of the entries terms belong to, each once (an entry has a term
   * in each language, and decoding each id once halves what a load decodes).
   */
  readonly entryIds: readonly string[];
  /** Per term a match may report: its entry (in `entryIds`), its language (0 kk, 1 ru), its text. */
  readonly termEntries: Int32Array;
  readonly termLangs: Uint8Array;
  readonly termTexts: readonly string[];
  readonly suffixSets: readonly CompiledSuffixesData[];
  readonly reversed: ReversedSuffixesData;
}

/** Why a stored index cannot be loaded: `stale` (another format) or `corrupt` (malformed). */
export class MatcherLoadError extends Error {
  constructor(
    readonly reason: 'stale' | 'corrupt',
    message: string,
  ) {
    super(`stored matcher index ${reason}: ${message}`);
    this.name = 'MatcherLoadError';
  }
}

const LANGS: readonly Lang[] = ['kk', 'ru'];

/** The matcher's compiled index as plain data (its arrays shared, not copied). */
export function serializeMatcher(matcher: Matcher): SerializedMatcher {
  const [index, ...more] = matcher.indexes;
  if (!index || more.length > 0)
    throw new TypeError('a combined matcher is stored as the matchers it combines');
  const terms = index.terminals.terms;
  const entryOf = new Map<string, number>();
  const termEntries = Int32Array.from(terms, (t) => {
    let e = entryOf.get(t.id);
    if (e === undefined) entryOf.set(t.id, (e = entryOf.size));
    return e;
  });
  return {
    format: MATCHER_FORMAT,
    entries: index.entries,
    maxWordKeys: index.maxWordKeys,
    table: index.table.data(),
    terminals: index.terminals.data(),
    entryIds: [...entryOf.keys()],
    termEntries,
    termLangs: Uint8Array.from(terms, (t) => LANGS.indexOf(t.lang)),
    termTexts: terms.map((t) => t.term),
    suffixSets: index.suffixSets.map((s) => s.data()),
    reversed: index.reversed.data(),
  };
}

/** Options of a loaded matcher: the word memo's size (see MatcherOptions.memoBits). */
export interface LoadOptions {
  memoBits?: number;
}

/**
 * The matcher a serialized index holds, scanning exactly as the one
 * serialized did. Throws MatcherLoadError on an index of another format or a
 * malformed one.
 */
export function loadMatcher(stored: unknown, options: LoadOptions = {}): Matcher {
  const s = record(stored, 'the index');
  if (s.format !== MATCHER_FORMAT)
    throw new MatcherLoadError('stale', `format ${String(s.format)}, expected ${MATCHER_FORMAT}`);
  const entries = count(s.entries, 'entries');
  const maxWordKeys = count(s.maxWordKeys, 'maxWordKeys');
  if (maxWordKeys < 1 || maxWordKeys > 1 << 20) corrupt('maxWordKeys out of range');

  const t = record(s.table, 'table');
  const table: WordTableData = {
    words: typed(t.words, Int32Array, 'table.words'),
    stems: typed(t.stems, Uint32Array, 'table.stems'),
    starts: typed(t.starts, Uint32Array, 'table.starts'),
    shortWords: typed(t.shortWords, Uint32Array, 'table.shortWords'),
  };
  const r = record(s.terminals, 'terminals');
  const terminals: TerminalsData = {
    records: typed(r.records, Int32Array, 'terminals.records'),
    stems: typed(r.stems, Uint16Array, 'terminals.stems'),
    termOf: typed(r.termOf, Int32Array, 'terminals.termOf'),
  };
  const ids = strings(s.entryIds, 'entryIds');
  const termEntries = typed(s.termEntries, Int32Array, 'termEntries');
  const texts = strings(s.termTexts, 'termTexts');
  const langs = typed(s.termLangs, Uint8Array, 'termLangs');
  if (texts.length !== termEntries.length || langs.length !== termEntries.length)
    corrupt('term entries, languages and texts disagree in length');
  const terms = new Array<MatchedTerm>(termEntries.length);
  for (let k = 0; k < terms.length; k++) {
    const lang = LANGS[langs[k]!];
    if (!lang) corrupt('a term has no language');
    const id = ids[termEntries[k]!];
    if (id === undefined) corrupt('a term has no entry');
    terms[k] = { id, lang, term: texts[k]! };
  }
  if (!Array.isArray(s.suffixSets)) corrupt('suffixSets is not an array');
  const sets = (s.suffixSets as unknown[]).map((x, k) => suffixSet(x, `suffixSets[${k}]`));
  const rv = record(s.reversed, 'reversed');
  const reversed: ReversedSuffixesData = {
    columns: typed(rv.columns, Uint16Array, 'reversed.columns'),
    rows: typed(rv.rows, Int32Array, 'reversed.rows'),
    final: typed(rv.final, Uint8Array, 'reversed.final'),
  };

  const problem =
    checkTerminalsData(terminals, terms.length, sets.length, entries) ??
    checkWordTableData(table, terminals.termOf.length) ??
    checkReversedData(reversed) ??
    sets.reduce<string | null>(
      (p, set) => p ?? checkSuffixTrieData(set.exact) ?? checkSuffixTrieData(set.degraded),
      null,
    );
  if (problem) corrupt(problem);

  return assembleMatcher(
    [
      {
        entries,
        table: WordTable.of(table),
        terminals: new Terminals(terminals.records, terminals.stems, terminals.termOf, terms),
        suffixSets: sets.map((set) => new CompiledSuffixes(set)),
        reversed: new ReversedSuffixes(reversed),
        maxWordKeys,
      },
    ],
    options.memoBits,
  );
}

function corrupt(message: string): never {
  throw new MatcherLoadError('corrupt', message);
}

function record(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) corrupt(`${what} is not an object`);
  return x as Record<string, unknown>;
}

function count(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) corrupt(`${what} is not a count`);
  return x;
}

function typed<T>(x: unknown, type: new (length: number) => T, what: string): T {
  if (!(x instanceof type)) corrupt(`${what} is not a ${type.name}`);
  return x;
}

function strings(x: unknown, what: string): readonly string[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'string'))
    corrupt(`${what} is not a list of strings`);
  return x as string[];
}

function suffixSet(x: unknown, what: string): CompiledSuffixesData {
  const s = record(x, what);
  if (typeof s.bare !== 'boolean' || typeof s.any !== 'boolean') corrupt(`${what}: flags missing`);
  return {
    exact: trie(s.exact, `${what}.exact`),
    degraded: trie(s.degraded, `${what}.degraded`),
    bare: s.bare,
    any: s.any,
  };
}

function trie(x: unknown, what: string): SuffixTrieData {
  const t = record(x, what);
  return {
    start: typed(t.start, Int32Array, `${what}.start`),
    keys: typed(t.keys, Uint16Array, `${what}.keys`),
    kids: typed(t.kids, Int32Array, `${what}.kids`),
    final: typed(t.final, Uint8Array, `${what}.final`),
  };
}
