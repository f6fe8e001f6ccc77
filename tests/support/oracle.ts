/**
 * A slow, simple matcher that the real one is held to (tests/unit/matcher/
 * oracle.test.ts). It shares nothing with the matcher below the morphology:
 * it reads the text through `normalize()` (the folded text and its map back
 * to the original offsets), finds word starts there, and tries every surface
 * pattern whose stem begins like the word, by plain string comparison. What
 * it must agree on is the matching contract (../shared/GUIDE.md §2):
 *
 * - a match starts at a word start and ends at a word end: the stem, then the
 *   rest of its last word, which must be one of the stem's suffixes ('' only
 *   where the bare stem is a form);
 * - whitespace runs between words are one space; a hyphen at a line end
 *   before a lowercase letter joins a split word (normalize drops it); a
 *   term's own hyphen may stand at a line end (Алаш-\nОрда, іс-\nқимыл);
 * - a Russian substitute letter where the term has a Kazakh one (or in a
 *   suffix either way) makes the match approximate, as does a Kazakh form
 *   that is also a common derived word (isAmbiguousKazakhForm);
 * - leftmost, then longest; at equal ends an exact match beats an
 *   approximate one, then the earlier entry, then the shorter stem, then the
 *   pattern made first.
 */
import { kazakhPatterns, isAmbiguousKazakhForm } from '../../glossary/morphology/kazakh';
import { russianForms } from '../../glossary/morphology/russian';
import type { SurfacePattern } from '../../glossary/morphology/types';
import { degrade, normalize } from '../../glossary/normalize';
import type { Lang, Match, MatchableEntry } from '../../glossary/types';

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const HYPHENS = /[-\u2010\u2011]/;

interface Candidate {
  stem: string;
  /** The forms of its suffixes and their degraded forms; null: the word ends with the stem. */
  suffixes: { forms: ReadonlySet<string>; degraded: ReadonlySet<string> } | null;
  entry: number;
  id: string;
  lang: Lang;
  term: string;
  order: number;
}

export function morphologyPatterns(lang: Lang, term: string): SurfacePattern[] {
  return lang === 'kk'
    ? kazakhPatterns(term)
    : russianForms(term).map((stem) => ({ stem, suffixes: null }));
}

/** The candidates by the degraded first two letters of their stem (or the one letter of a one-letter stem). */
function indexPatterns(
  entries: readonly MatchableEntry[],
  patternsOf: (lang: Lang, term: string) => SurfacePattern[],
): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  const degradedSets = new Map<ReadonlySet<string>, ReadonlySet<string>>();
  let order = 0;
  entries.forEach((e, entry) => {
    for (const lang of ['kk', 'ru'] as const) {
      for (const term of e[lang]) {
        for (const p of patternsOf(lang, term)) {
          if (p.stem === '') continue;
          let suffixes: Candidate['suffixes'] = null;
          if (p.suffixes) {
            const forms = p.suffixes.forms;
            let degraded = degradedSets.get(forms);
            if (!degraded) {
              degraded = new Set([...forms].map(degrade));
              degradedSets.set(forms, degraded);
            }
            suffixes = { forms, degraded };
          }
          const key = degrade(p.stem.slice(0, 2));
          const list = index.get(key) ?? [];
          list.push({ stem: p.stem, suffixes, entry, id: e.id, lang, term, order: order++ });
          index.set(key, list);
        }
      }
    }
  });
  return index;
}

export function oracleScan(
  entries: readonly MatchableEntry[],
  text: string,
  patternsOf: (lang: Lang, term: string) => SurfacePattern[] = morphologyPatterns,
): Match[] {
  const index = indexPatterns(entries, patternsOf);
  const { text: f, map } = normalize(text);
  const n = f.length;
  const isLetter = (q: number) => q < n && LETTER.test(f[q]!);
  /** normalize dropped a split word's line-end hyphen just before f[q]. */
  const joinedAt = (q: number) =>
    q > 0 && q < n && HYPHENS.test(text.slice(map[q - 1]! + 1, map[q]!));
  /** f[q] is a hyphen at a line end (normalize kept it: a capital follows). */
  const lineEndHyphenAt = (q: number) =>
    f[q] === '-' &&
    f[q + 1] === ' ' &&
    /[\n\r\u2028]/.test(text.slice(map[q]!, map[q + 2] ?? text.length));
  /** Where the word that goes on at q ends (in f). */
  const wordEnd = (q: number) => {
    while (isLetter(q) || (f[q] === '-' && isLetter(q + 1))) q++;
    return q;
  };
  /** Compare the stem with f from p: where it ends and whether it needed a substitute; null when it differs. */
  const matchStem = (stem: string, p: number): { q: number; approx: boolean } | null => {
    let q = p;
    let approx = false;
    for (let j = 0; j < stem.length; j++) {
      const e = stem[j]!;
      if (e === '-') {
        if (f[q] === '-') {
          q++;
          if (lineEndHyphenAt(q - 1)) q++;
        } else if (!joinedAt(q)) return null;
        continue;
      }
      if (q >= n) return null;
      const c = f[q]!;
      if (c !== e) {
        const d = degrade(e);
        if (d === e || degrade(c) !== d) return null;
        approx = true;
      }
      q++;
    }
    return { q, approx };
  };

  const out: Match[] = [];
  let p = 0;
  while (p < n) {
    const wordStart =
      isLetter(p) && !(p > 0 && (isLetter(p - 1) || (f[p - 1] === '-' && isLetter(p - 2))));
    if (!wordStart) {
      p++;
      continue;
    }
    let best: { end: number; approx: boolean; c: Candidate; stemEnd: number } | null = null;
    const keys = new Set([degrade(f.slice(p, p + 2)), degrade(f[p]!)]);
    for (const key of keys) {
      for (const c of index.get(key) ?? []) {
        const m = matchStem(c.stem, p);
        if (!m) continue;
        const end = wordEnd(m.q);
        const rest = f.slice(m.q, end);
        let approx = m.approx;
        if (!c.suffixes) {
          if (rest !== '') continue;
        } else if (!c.suffixes.forms.has(rest)) {
          if (!c.suffixes.degraded.has(degrade(rest))) continue;
          approx = true;
        }
        if (!approx && c.lang === 'kk' && c.suffixes && rest !== '') {
          const lastWord = f.slice(f.lastIndexOf(' ', m.q - 1) + 1, end);
          approx = isAmbiguousKazakhForm(lastWord);
        }
        const better =
          !best ||
          end > best.end ||
          (end === best.end &&
            (best.approx !== approx
              ? !approx
              : c.entry !== best.c.entry
                ? c.entry < best.c.entry
                : m.q !== best.stemEnd
                  ? m.q < best.stemEnd
                  : c.order < best.c.order));
        if (better) best = { end, approx, c, stemEnd: m.q };
      }
    }
    if (!best) {
      p++;
      continue;
    }
    out.push({
      start: map[p]!,
      end: map[best.end - 1]! + 1,
      id: best.c.id,
      lang: best.c.lang,
      term: best.c.term,
      approximate: best.approx,
    });
    p = best.end;
  }
  return out;
}
