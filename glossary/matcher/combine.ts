/**
 * Several compiled indexes scanned as one: a large glossary compiled (or
 * loaded) once and a small index of the entries added since, so that adding
 * an entry compiles that entry alone.
 *
 * At each word start every index offers its best match and the scan takes
 * the longest; at equal length an exact match beats an approximate one, then
 * the earlier index's wins, as an entry compiled earlier wins a tie. That is
 * the choice of one index compiled from all the entries, the earlier
 * indexes' first, with one exception: a hyphen at a line end that one index
 * holds as a term's own (Алаш-\nОрда) is read so by that index alone, while
 * the others read it by the word-reading rule (words.ts).
 */
import { CLASS, CharClass } from './char-tables';
import { SPAN_FIELDS, packSpan, withRoomFor, type ScanSpans } from '../spans';
import type { Scanner } from './scan';

/** Every match in the text, packed, the terms of index k numbered from termOffsets[k]. */
export function scanAll(
  scanners: readonly Scanner[],
  termOffsets: readonly number[],
  text: string,
): ScanSpans {
  for (const s of scanners) s.begin();
  let out = new Int32Array(4096);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (CLASS[text.charCodeAt(i)] !== CharClass.Word) {
      i++;
      continue;
    }
    let firstEnd = -1;
    let best = -1;
    for (let k = 0; k < scanners.length; k++) {
      const s = scanners[k]!;
      // The word-reading rule, not the glossary, says where the first word ends: the same for every index.
      firstEnd = s.matchAt(text, i);
      const end = s.foundEnd;
      if (end < 0) continue;
      const b = best < 0 ? null : scanners[best]!;
      if (
        !b ||
        end > b.foundEnd ||
        (end === b.foundEnd && b.foundApproximate && !s.foundApproximate)
      )
        best = k;
    }
    if (best < 0) {
      i = firstEnd;
      continue;
    }
    out = withRoomFor(out, count);
    const s = scanners[best]!;
    packSpan(out, count++, i, s.foundEnd, termOffsets[best]! + s.foundTerm, s.foundApproximate);
    i = s.foundEnd;
  }
  return { count, data: out.slice(0, SPAN_FIELDS * count) };
}
