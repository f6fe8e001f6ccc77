/**
 * The contract between the morphologies and the matcher: a term is turned into
 * the patterns its inflected forms follow, and the matcher compiles those
 * patterns into its index once.
 */

/** A set of folded suffixes that may follow a stem ('' = the bare stem). Shared between stems of the same class. */
export interface SuffixSet {
  /** Identifies the class (e.g. "back|voiceless|plain"); equal ids mean equal forms. */
  readonly id: string;
  readonly forms: ReadonlySet<string>;
}

/** One way a term may appear in text. */
export interface SurfacePattern {
  /**
   * Folded text (see normalize.foldTerm) from the first letter of the term up to
   * the end of the last word's stem; words separated by single spaces.
   */
  readonly stem: string;
  /**
   * The suffixes the last word may carry after `stem`; the word must end
   * exactly where stem + suffix ends. null: the word ends right after `stem`.
   */
  readonly suffixes: SuffixSet | null;
}
