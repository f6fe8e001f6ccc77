/**
 * Where the character tables come from: the Unicode properties of each
 * UTF-16 code unit, read through the JavaScript engine's own Unicode data.
 * Reading all 2^16 code units this way costs every fresh page and worker a
 * noticeable pause, so the result is kept as runs in `char-data.ts`
 * (`npm run make:char-data` writes it) and chars.ts decodes those; this is
 * the definition the runs are made from and tested against.
 */
import { CharClass, HYPHEN, HYPHENS, IGNORABLE, SPACE } from './char-rules';

/** Code unit → CharClass and code unit → lowercase fold, as the engine's Unicode data says. */
export function charTablesFromUnicode(): { cls: Uint8Array; fold: Uint16Array } {
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const wordRe = /[\p{L}\p{N}\p{M}]/u;
  const spaceRe = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      // Surrogate halves: letters outside the BMP are rare in legal text; keep
      // them inside words so a span never splits a pair.
      fold[c] = c;
      cls[c] = CharClass.Word;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (IGNORABLE.includes(c)) {
      cls[c] = CharClass.Ignorable;
      fold[c] = 0;
    } else if (HYPHENS.includes(c)) {
      cls[c] = CharClass.Hyphen;
      fold[c] = HYPHEN;
    } else if (spaceRe.test(ch)) {
      cls[c] = CharClass.Space;
      fold[c] = SPACE;
    } else if (wordRe.test(ch)) {
      cls[c] = CharClass.Word;
      const lower = ch.toLowerCase();
      fold[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    } else {
      cls[c] = CharClass.Other;
      fold[c] = c;
    }
  }
  return { cls, fold };
}

/** The tables as runs: `classRuns` (length, class)…; `foldRuns` (first, last, step, delta)… over word code units whose fold differs. */
export function charRunsOf(tables: { cls: Uint8Array; fold: Uint16Array }): {
  classRuns: number[];
  foldRuns: number[];
} {
  const { cls, fold } = tables;
  const classRuns: number[] = [];
  for (let c = 0; c < 0x10000;) {
    let end = c + 1;
    while (end < 0x10000 && cls[end] === cls[c]) end++;
    classRuns.push(end - c, cls[c]!);
    c = end;
  }
  const foldRuns: number[] = [];
  const changed = (c: number) => cls[c] === CharClass.Word && fold[c] !== c;
  for (let c = 0; c < 0x10000;) {
    if (!changed(c)) {
      c++;
      continue;
    }
    const delta = fold[c]! - c;
    // Cased pairs are either a block (А–Я → а–я) or alternate (Ā ā Ă ă…).
    let last1 = c;
    while (last1 + 1 < 0x10000 && changed(last1 + 1) && fold[last1 + 1]! - (last1 + 1) === delta)
      last1++;
    let last2 = c;
    while (
      last2 + 2 < 0x10000 &&
      !changed(last2 + 1) &&
      changed(last2 + 2) &&
      fold[last2 + 2]! - (last2 + 2) === delta
    )
      last2 += 2;
    if (last2 > last1) {
      foldRuns.push(c, last2, 2, delta);
      c = last2 + 1;
    } else {
      foldRuns.push(c, last1, 1, delta);
      c = last1 + 1;
    }
  }
  return { classRuns, foldRuns };
}
