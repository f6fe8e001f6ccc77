/**
 * The slots of a Russian declension (number × case) and a word's declension
 * over them: the frame the noun and adjective tables fill and the phrases
 * combine (russian.ts).
 */
import { RUSSIAN_LETTERS, VOWELS, type Gender } from './russian-rules';

export type Form = Gender | 'pl';

/**
 * Seven columns per number: nominative, genitive, dative, accusative
 * inanimate, accusative animate, instrumental, prepositional. Singular slots
 * 0–6, plural 7–13. null: the word has no form in that slot (a plural-only
 * noun has no singular), so the phrase has none either.
 */
export const SLOTS = 14;
export const NOM = 0;
export const GEN = 1;
export const ACC_INANIMATE = 3;
export const ACC_ANIMATE = 4;
/** Slot column → case index of the ending tables (CaseEndings). */
export const CASE_OF_COLUMN = [0, 1, 2, 3, 3, 4, 5] as const;

export type Slots = (string[] | null)[];

export function emptySlots(): Slots {
  return new Array<string[] | null>(SLOTS).fill(null);
}

export function addForm(slots: Slots, slot: number, form: string): void {
  const cell = slots[slot];
  if (cell === undefined) return;
  if (cell === null) slots[slot] = [form];
  else if (!cell.includes(form)) cell.push(form);
}

export const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);
export const isConsonant = (c: string | undefined): boolean =>
  c !== undefined &&
  RUSSIAN_LETTERS.has(c) &&
  !VOWELS.has(c) &&
  c !== 'ь' &&
  c !== 'ъ' &&
  c !== 'й';

export function vowelCount(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (VOWELS.has(w.charAt(i))) n++;
  return n;
}

/**
 * A word's declension: its distinct forms, in the order the slots first give
 * them, and per slot the forms it takes there: ids[starts[slot]] up to
 * ids[starts[slot + 1]], indexes into `forms` (none where the word has no
 * form, so the phrase has none either).
 */
export interface Declension {
  readonly forms: readonly string[];
  readonly starts: readonly number[];
  readonly ids: readonly number[];
  /** Index of the word's dictionary form (its core) in `forms`, or -1. */
  readonly own: number;
  /** Each form followed by a space (the usual text before the next declined word), once asked for. */
  spaced: readonly string[] | undefined;
}

export function declension(slots: Slots, core: string): Declension {
  const forms: string[] = [];
  const starts: number[] = [];
  const ids: number[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    starts.push(ids.length);
    for (const f of slots[slot] ?? []) {
      let id = forms.indexOf(f);
      if (id < 0) id = forms.push(f) - 1;
      ids.push(id);
    }
  }
  starts.push(ids.length);
  return { forms, starts, ids, own: forms.indexOf(core), spaced: undefined };
}

export function sameDeclension(a: Declension, b: Declension): boolean {
  const same = (x: readonly (string | number)[], y: readonly (string | number)[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.forms, b.forms) && same(a.starts, b.starts) && same(a.ids, b.ids);
}

/** Index of a hint among the twelve (number × gender), for the per-word remembered declensions. */
export function hintIndex(number: 'sg' | 'pl' | null, gender: Gender | null): number {
  const n = number === null ? 0 : number === 'sg' ? 1 : 2;
  const g = gender === null ? 0 : gender === 'm' ? 1 : gender === 'f' ? 2 : 3;
  return n * 4 + g;
}
