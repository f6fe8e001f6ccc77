/**
 * One runner for the morphologies' form tables. A row names a term as in the
 * glossary, a form as written in a text and whether the form belongs to the
 * term; a positive row may also say how the form is made, as the suffix that
 * follows a stem. A term's forms are generated once and shared by its rows.
 */
import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../glossary/normalize';

/**
 * [term, form as written in a text, is it a form of the term, suffix]. The
 * suffix (folded), given on positive rows only and only where the morphology
 * tells how its forms are made, is what follows the stem in the folded form.
 */
export type FormRow = readonly [term: string, textForm: string, expected: boolean, suffix?: string];

/** Where a written form is split into stem and suffix: 'құқығ+ы' is құқығы = құқығ + ы. */
const SPLIT = '+';

/**
 * Rows for one term: the forms that must match and the ones that must not. A
 * form that must match may be written split at its stem ('сот+тың'), which
 * gives the row its suffix.
 */
export function term(t: string, yes: readonly string[], no: readonly string[] = []): FormRow[] {
  return [...yes.map((f) => positiveRow(t, f)), ...no.map((f): FormRow => [t, f, false])];
}

function positiveRow(t: string, written: string): FormRow {
  const at = written.indexOf(SPLIT);
  if (at < 0) return [t, written, true];
  const suffix = written.slice(at + SPLIT.length);
  return [t, written.slice(0, at) + suffix, true, suffix.toLowerCase()];
}

/** One way a folded form is made: a stem and a suffix that the stem's suffix chain holds. */
export interface Split {
  readonly stem: string;
  readonly suffix: string;
  /** The suffix chain the suffix comes from (a SuffixSet id, or 'bare' for a stem that takes none). */
  readonly chain: string;
}

export interface Morphology {
  /** Every folded form of a term. */
  readonly forms: (term: string) => Iterable<string>;
  /** Every way a folded form of a term is made; absent where the morphology does not tell. */
  readonly splits?: (term: string, folded: string) => readonly Split[];
}

export class FormTable {
  readonly #forms = new Map<string, ReadonlySet<string>>();

  constructor(private readonly morphology: Morphology) {}

  /** The folded forms of a term, generated once. */
  formsOf(term: string): ReadonlySet<string> {
    let forms = this.#forms.get(term);
    if (!forms) {
      forms = new Set(this.morphology.forms(term));
      this.#forms.set(term, forms);
    }
    return forms;
  }

  /** The ways a folded form of a term is made, as 'stem+suffix'. */
  splitsOf(term: string, folded: string): string[] {
    return this.#splits(term, folded).map((s) => s.stem + SPLIT + s.suffix);
  }

  #splits(term: string, folded: string): readonly Split[] {
    const splits = this.morphology.splits;
    if (!splits) throw new Error('this morphology does not tell how a form is made');
    return splits(term, folded);
  }

  /** A test per row, in a describe block of this title. */
  run(title: string, rows: readonly FormRow[]): void {
    describe(title, () => {
      it.each(rows.map((row) => [label(row), row] as const))('%s', (_, row) => {
        const [t, textForm, expected, suffix] = row;
        const folded = foldTerm(textForm);
        expect(this.formsOf(t).has(folded)).toBe(expected);
        if (suffix === undefined) return;
        expect(folded.endsWith(suffix), `${folded} ends in ${suffix}`).toBe(true);
        const stem = folded.slice(0, folded.length - suffix.length);
        const splits = this.#splits(t, folded);
        const chains = splits.map((s) => `${s.stem}${SPLIT}${s.suffix} (${s.chain})`);
        expect(
          splits.map((s) => s.stem + SPLIT + s.suffix),
          `made as: ${chains.join(', ') || 'nothing'}`,
        ).toContain(stem + SPLIT + suffix);
      });
    });
  }
}

function label([t, textForm, expected, suffix]: FormRow): string {
  const form =
    suffix === undefined
      ? textForm
      : `${textForm.slice(0, textForm.length - suffix.length)} + ${suffix}`;
  return `${t} → ${form}: ${expected}`;
}
