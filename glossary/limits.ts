/**
 * The longest text and the longest lists a personal entry may hold (see
 * glossary/io/README.md). The add/edit form, every import and the background
 * enforce the same numbers (glossary/entry-model.ts), so a termbase file cannot put a
 * 200,000-character "term" into the table, and the form says so at the field.
 */
export const LIMITS = {
  /** A term, in either language (the English one too). */
  term: 300,
  /** One variant or abbreviation. */
  variant: 300,
  /** Variants per language side. */
  variants: 50,
  /** A definition, in either language. */
  definition: 5000,
  /** A citation's quote, in either language. */
  quote: 5000,
  /** Citations per entry. */
  citations: 50,
  /** One tag. */
  tag: 100,
  /** Tags per entry. */
  tags: 50,
  /** An id, an article or a clause number. */
  id: 200,
  article: 20,
  clause: 20,
} as const;
