/**
 * The term matcher: compiles glossary entries once into a trie of every way
 * their terms may appear, then finds them in a text in one pass, whatever the
 * glossary size (never one pass per term).
 *
 * How it works:
 * - Each term becomes surface patterns (glossary/morphology): Russian terms all
 *   their declined forms; Kazakh terms the stems of their last word, each with
 *   the set of suffix chains it may take.
 * - Patterns are inserted into a character trie keyed in a lossy alphabet:
 *   folded (lowercase, ё → е, Latin look-alikes → Cyrillic) and "degraded"
 *   (Kazakh letters → their Russian substitutes, қ → к). One walk therefore
 *   finds exact matches and matches typed with substitute letters.
 * - A candidate is verified against the exact folded form; one that needed a
 *   substitute letter is reported `approximate`.
 * - The scan visits each word start once and walks the trie only as far as the
 *   text agrees with some term, so most words cost a lookup or two.
 */
import {
  CLASS,
  CharClass,
  DEGRADE,
  FOLD,
  HYPHEN,
  LOOKALIKE,
  SPACE,
  degrade,
  foldTerm,
  lineBreakHyphenEnd,
  normalize,
} from './normalize';
import { isAmbiguousKazakhForm, kazakhPatterns } from './morphology/kazakh';
import { russianForms } from './morphology/russian';
import type { SurfacePattern, SuffixSet } from './morphology/types';
import type { Entry, Lang, Match, MatchableEntry } from './types';

export interface Matcher {
  /** Non-overlapping matches, leftmost-longest, in text order. */
  scan(text: string): Match[];
  /** Number of entries compiled. */
  readonly entries: number;
  /** Trie nodes and stored patterns, for the benchmark's memory figures. */
  readonly stats: { nodes: number; patterns: number; suffixSets: number };
}

export interface MatcherOptions {
  /** Where the surface patterns of a term come from; the morphologies by default. */
  patterns?: (lang: Lang, term: string) => SurfacePattern[];
}

/** The terms of an entry the matcher looks for: the term and its variants, per language. */
export function matchableOf(entry: Entry): MatchableEntry {
  return {
    id: entry.id,
    kk: [entry.kk.term, ...entry.kk.variants].filter((t) => t.trim() !== ''),
    ru: [entry.ru.term, ...entry.ru.variants].filter((t) => t.trim() !== ''),
  };
}

export function defaultPatterns(lang: Lang, term: string): SurfacePattern[] {
  if (lang === 'kk') return kazakhPatterns(term);
  return russianForms(term).map((stem) => ({ stem, suffixes: null }));
}

/** Code unit → trie key: folded, look-alike folded, degraded. */
const KEY = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c]!;
    const l = LOOKALIKE[f]! || f;
    t[c] = DEGRADE[l]!;
  }
  return t;
})();

/** A compiled suffix set: degraded suffix → the exact suffixes it stands for. */
interface CompiledSuffixes {
  byKey: Map<string, string[]>;
  /** The bare stem is a form. */
  bare: boolean;
}

class BuildNode {
  children: Map<number, BuildNode> | null = null;
  /** Indexes into the terminal tables. */
  terminals: number[] | null = null;
}

/** Where a word that starts at `i` ends (after its last letter), hyphenated and line-broken parts included. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let end = i;
  while (i < n) {
    const k = CLASS[text.charCodeAt(i)];
    if (k === CharClass.Word) {
      end = ++i;
    } else if (k === CharClass.Ignorable) {
      i++;
    } else if (k === CharClass.Hyphen) {
      const after = lineBreakHyphenEnd(text, i);
      if (after > 0) i = after;
      else if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) i++;
      else break;
    } else break;
  }
  return end;
}

/**
 * Compare a normalised text span with the expected form: 0 = no match,
 * 1 = exact, 2 = approximate (a Russian substitute stands for a Kazakh letter).
 */
function compareForms(text: string, expected: string): 0 | 1 | 2 {
  if (text.length !== expected.length) return 0;
  let result: 1 | 2 = 1;
  for (let j = 0; j < text.length; j++) {
    const t = text.charCodeAt(j);
    const e = expected.charCodeAt(j);
    if (t === e) continue;
    const d = DEGRADE[e]!;
    if (d !== e && (t === d || DEGRADE[t] === d)) {
      // A substitute letter where the term has a Kazakh one (or Latin i read as і where the term has и).
      result = 2;
      continue;
    }
    return 0;
  }
  return result;
}

export function compileMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  const patternsOf = options.patterns ?? defaultPatterns;
  const root = new BuildNode();
  let nodeCount = 1;

  // Terminal tables: one row per (pattern, entry).
  const tEntry: number[] = [];
  const tLang: Lang[] = [];
  const tTerm: string[] = [];
  const tStem: string[] = [];
  const tSuffix: number[] = [];

  const suffixIndex = new Map<string, number>();
  const suffixSets: CompiledSuffixes[] = [];
  const compileSuffixes = (set: SuffixSet): number => {
    let idx = suffixIndex.get(set.id);
    if (idx !== undefined) return idx;
    const byKey = new Map<string, string[]>();
    let bare = false;
    for (const s of set.forms) {
      if (s === '') {
        bare = true;
        continue;
      }
      const k = degrade(s);
      const list = byKey.get(k);
      if (list) list.push(s);
      else byKey.set(k, [s]);
    }
    idx = suffixSets.length;
    suffixSets.push({ byKey, bare });
    suffixIndex.set(set.id, idx);
    return idx;
  };

  const seen = new Set<string>();
  entries.forEach((entry, entryIdx) => {
    for (const lang of ['kk', 'ru'] as const) {
      for (const term of entry[lang]) {
        for (const p of patternsOf(lang, term)) {
          if (p.stem === '') continue;
          const suffix = p.suffixes ? compileSuffixes(p.suffixes) : -1;
          // The same pattern twice for one entry (a variant that inflects like the term) adds nothing.
          const dedupe = `${entryIdx}\u0000${lang}\u0000${p.stem}\u0000${suffix}`;
          if (seen.has(dedupe)) continue;
          seen.add(dedupe);
          let node = root;
          for (let j = 0; j < p.stem.length; j++) {
            const key = KEY[p.stem.charCodeAt(j)]!;
            node.children ??= new Map();
            let next = node.children.get(key);
            if (!next) {
              next = new BuildNode();
              node.children.set(key, next);
              nodeCount++;
            }
            node = next;
          }
          (node.terminals ??= []).push(tEntry.length);
          tEntry.push(entryIdx);
          tLang.push(lang);
          tTerm.push(term);
          tStem.push(p.stem);
          tSuffix.push(suffix);
        }
      }
    }
  });

  // Freeze the trie into flat arrays, breadth first.
  const alpha = new Uint16Array(0x10000); // trie key → alphabet index (0 = not in any term)
  let alphaSize = 1;
  const order: BuildNode[] = [root];
  for (let q = 0; q < order.length; q++) {
    const node = order[q]!;
    if (node.children) {
      for (const [key, child] of node.children) {
        if (!alpha[key]) alpha[key] = alphaSize++;
        order.push(child);
      }
    }
  }
  const N = order.length;
  const indexOf = new Map<BuildNode, number>();
  order.forEach((node, i) => indexOf.set(node, i));
  const edgeStart = new Int32Array(N + 1);
  let edges = 0;
  for (let i = 0; i < N; i++) {
    edgeStart[i] = edges;
    edges += order[i]!.children?.size ?? 0;
  }
  edgeStart[N] = edges;
  const edgeKey = new Uint16Array(edges);
  const edgeTo = new Int32Array(edges);
  // Nodes with many children get a dense row indexed by alphabet (the root and the first levels).
  const DENSE_MIN = 6;
  const denseRow = new Int32Array(N).fill(-1);
  let denseRows = 0;
  for (let i = 0; i < N; i++) if ((order[i]!.children?.size ?? 0) >= DENSE_MIN) denseRow[i] = denseRows++;
  const dense = new Int32Array(denseRows * alphaSize).fill(-1);
  const termStart = new Int32Array(N + 1);
  const termList: number[] = [];
  /** Per node: 1 = has a terminal that may end the word here, 2 = has one that takes suffixes. */
  const termKind = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const node = order[i]!;
    let e = edgeStart[i]!;
    if (node.children) {
      for (const [key, child] of node.children) {
        const a = alpha[key]!;
        const to = indexOf.get(child)!;
        edgeKey[e] = a;
        edgeTo[e++] = to;
        if (denseRow[i]! >= 0) dense[denseRow[i]! * alphaSize + a] = to;
      }
    }
    termStart[i] = termList.length;
    for (const t of node.terminals ?? []) {
      termList.push(t);
      const s = tSuffix[t]!;
      if (s < 0 || suffixSets[s]!.bare) termKind[i]! |= 1;
      if (s >= 0 && suffixSets[s]!.byKey.size > 0) termKind[i]! |= 2;
    }
  }
  termStart[N] = termList.length;
  const terms = Int32Array.from(termList);
  const ids = entries.map((e) => e.id);
  const spaceKey = alpha[SPACE]!;
  const hyphenKey = alpha[HYPHEN]!;

  const step = (node: number, a: number): number => {
    const row = denseRow[node]!;
    if (row >= 0) return dense[row * alphaSize + a]!;
    const end = edgeStart[node + 1]!;
    for (let e = edgeStart[node]!; e < end; e++) if (edgeKey[e] === a) return edgeTo[e]!;
    return -1;
  };

  /** The best verified match at a terminal set, or none. */
  interface Candidate {
    end: number;
    terminal: number;
    approximate: boolean;
  }

  const verify = (
    text: string,
    start: number,
    end: number,
    node: number,
    suffixKey: string | null,
    best: Candidate | null,
  ): Candidate | null => {
    let span: string | null = null;
    for (let k = termStart[node]!; k < termStart[node + 1]!; k++) {
      const t = terms[k]!;
      const s = tSuffix[t]!;
      let expected: readonly string[];
      if (suffixKey === null) {
        if (s >= 0 && !suffixSets[s]!.bare) continue;
        expected = [''];
      } else {
        if (s < 0) continue;
        const list = suffixSets[s]!.byKey.get(suffixKey);
        if (!list) continue;
        expected = list;
      }
      span ??= normalize(text.slice(start, end)).text;
      for (const suffix of expected) {
        const r = compareForms(span, tStem[t]! + suffix);
        if (r === 0) continue;
        let approximate = r === 2;
        if (!approximate && tLang[t] === 'kk' && suffix !== '') {
          const lastSpace = span.lastIndexOf(' ');
          approximate = isAmbiguousKazakhForm(span.slice(lastSpace + 1));
        }
        // Longer wins; at equal length an exact match beats an approximate one; then the earlier entry.
        if (
          !best ||
          end > best.end ||
          (end === best.end &&
            ((best.approximate && !approximate) ||
              (best.approximate === approximate && tEntry[t]! < tEntry[best.terminal]!)))
        ) {
          best = { end, terminal: t, approximate };
        }
      }
    }
    return best;
  };

  /** Walk the trie from a word start; the longest verified match or null. */
  const matchAt = (text: string, start: number): Candidate | null => {
    const n = text.length;
    let node = 0;
    let i = start;
    let best: Candidate | null = null;
    let wordEndCache = -1;
    while (true) {
      const c = i < n ? text.charCodeAt(i) : 0x20;
      const k = i < n ? CLASS[c]! : CharClass.Other;
      if (k === CharClass.Word) {
        if (termKind[node]! & 2 && i > start) {
          // A stem ends inside this word: the rest of the word must be one of its suffixes.
          if (wordEndCache < i) wordEndCache = wordEnd(text, i);
          const rest = degrade(normalize(text.slice(i, wordEndCache)).text);
          best = verify(text, start, wordEndCache, node, rest, best);
        }
        const a = alpha[KEY[c]!]!;
        if (a === 0) return best;
        node = step(node, a);
        if (node < 0) return best;
        i++;
        continue;
      }
      if (k === CharClass.Ignorable) {
        i++;
        continue;
      }
      if (k === CharClass.Hyphen) {
        const after = lineBreakHyphenEnd(text, i);
        if (after > 0) {
          i = after; // a word broken across lines: read on
          continue;
        }
        const inWord = i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word;
        if (inWord) {
          // "ҚР-ның": a suffix after a hyphen, or a hyphenated term (Алаш-Орда).
          if (termKind[node]! & 2) {
            if (wordEndCache < i) wordEndCache = wordEnd(text, i);
            const rest = degrade(normalize(text.slice(i, wordEndCache)).text);
            best = verify(text, start, wordEndCache, node, rest, best);
          }
          if (hyphenKey === 0) return best;
          node = step(node, hyphenKey);
          if (node < 0) return best;
          i++;
          continue;
        }
      }
      // The word ends here.
      if (termKind[node]! & 1) best = verify(text, start, i, node, null, best);
      if (k !== CharClass.Space || spaceKey === 0) return best;
      node = step(node, spaceKey);
      if (node < 0) return best;
      while (i < n && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Word) return best;
    }
  };

  const scan = (text: string): Match[] => {
    const out: Match[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (CLASS[c] !== CharClass.Word) {
        i++;
        continue;
      }
      // A word starts at i. Most words share no first letter pair with any term: reject them cheaply.
      if (alpha[KEY[c]!]) {
        const m = matchAt(text, i);
        if (m) {
          const t = m.terminal;
          out.push({
            start: i,
            end: m.end,
            id: ids[tEntry[t]!]!,
            lang: tLang[t]!,
            term: tTerm[t]!,
            approximate: m.approximate,
          });
          i = m.end;
          continue;
        }
      }
      // Skip the rest of the word.
      i++;
      while (i < n) {
        const k = CLASS[text.charCodeAt(i)];
        if (k === CharClass.Word || k === CharClass.Ignorable) i++;
        else if (k === CharClass.Hyphen) {
          const after = lineBreakHyphenEnd(text, i);
          if (after > 0) i = after;
          else if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) i++;
          else break;
        } else break;
      }
    }
    return out;
  };

  return {
    scan,
    entries: entries.length,
    stats: { nodes: nodeCount, patterns: tEntry.length, suffixSets: suffixSets.length },
  };
}

/** Fold a term the way the matcher compares it (exported for tools and tests). */
export { foldTerm };
