/**
 * The scan: reads a text once, word by word, and reports the terms it finds
 * (leftmost, then longest; see Scanner.verify for ties).
 *
 * At each word start it reads the word whole (readWord): hashed as it goes
 * into the two lanes of the word table's key, looked up at its end and at the
 * places where the rest of it is a suffix; then, while a phrase goes on, the
 * next word the same way. Every candidate is verified letter by letter
 * (verify.ts). What a plain word yields is remembered (word-memo.ts): a first
 * word under its own text, a later word of a phrase under its own text and
 * the memo slot of the word before it, so a repeated word or phrase costs a
 * lookup per word.
 *
 * Words are read by the word-reading rule (words.ts); the one case the
 * glossary decides — a hyphen at a line end that is a term's own — is decided
 * here, by the word table.
 */
import { isAmbiguousKazakhForm } from '../morphology/kazakh';
import { SPAN_FIELDS, packSpan, withRoomFor, type ScanSpans } from '../spans';
import { CHAR, CHAR_CLASS_SHIFT, CHAR_KEY, CLASS, CharClass, HYPHEN, KEY } from './char-tables';
import type { ReversedSuffixes } from './suffix-sets';
import type { Terminals } from './terminals';
import { NO_MATCH, APPROXIMATE, comparePlain, type CompiledSuffixes } from './verify';
import { MEMO_SEED, WordMemo, memoStep } from './word-memo';
import { WordTable, seedA, seedB, stepA, stepB } from './word-table';
import { ALWAYS_ENDS, foldWord, lineEndHyphenEnd, wordEnd, wordGoesOn } from './words';

/** What the scan reads its index from: the compiled glossary. */
export interface ScanIndex {
  readonly table: WordTable;
  readonly terminals: Terminals;
  readonly suffixSets: readonly CompiledSuffixes[];
  readonly reversed: ReversedSuffixes;
  /** A longer word cannot hold a match: no stem and suffix come near it. */
  readonly maxWordKeys: number;
  /** The word memo's size (2^memoBits slots). */
  readonly memoBits: number | undefined;
}

export class Scanner {
  private readonly table: WordTable;
  private readonly terminals: Terminals;
  private readonly suffixSets: readonly CompiledSuffixes[];
  private readonly reversed: ReversedSuffixes;
  private readonly maxWordKeys: number;
  readonly memo: WordMemo;

  /**
   * The lanes before each key of the word being read and, in a word with
   * invisible characters or a line-end hyphen, where each key is in the text
   * (~position for a term's own hyphen at a line end, where no stem ends).
   */
  private readonly laneA: Int32Array;
  private readonly laneB: Int32Array;
  private readonly keyAt: Int32Array;
  /** Stem lengths (in keys) where a suffix may start, longest first. */
  private readonly splits: Int32Array;

  // The best match from the current match start: its end, its terminal (-1
  // none), whether it is approximate, and what it reports (terminals.termOf).
  private bestEnd = -1;
  private bestT = -1;
  private bestApprox = false;
  private bestTerm = -1;

  /** Where the next word of a phrase may start after the word readWord read (past trailing invisible characters). */
  private wordStop = 0;

  // What hashWord found of the word it read last, and where (reset by each scan).
  private wordHash = 0;
  private wordPlain = true;
  private hashedAt = -1;
  private hashedEnd = -1;

  /** The packed output, grown as needed and copied out at the end of a scan. */
  private out = new Int32Array(4096);

  constructor(index: ScanIndex) {
    this.table = index.table;
    this.terminals = index.terminals;
    this.suffixSets = index.suffixSets;
    this.reversed = index.reversed;
    this.maxWordKeys = index.maxWordKeys;
    this.memo = new WordMemo(index.memoBits);
    this.laneA = new Int32Array(index.maxWordKeys + 1);
    this.laneB = new Int32Array(index.maxWordKeys + 1);
    this.keyAt = new Int32Array(index.maxWordKeys + 1);
    this.splits = new Int32Array(index.maxWordKeys);
  }

  /** Every match in the text, packed (see ScanSpans). */
  scanSpans(text: string): ScanSpans {
    let count = 0;
    this.hashedAt = -1;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (CLASS[text.charCodeAt(i)] !== CharClass.Word) {
        i++;
        continue;
      }
      const firstEnd = this.matchWords(text, i);
      if (this.bestT < 0) {
        i = firstEnd;
        continue;
      }
      this.out = withRoomFor(this.out, count);
      packSpan(this.out, count++, i, this.bestEnd, this.bestTerm, this.bestApprox);
      i = this.bestEnd;
    }
    return { count, data: this.out.slice(0, SPAN_FIELDS * count) };
  }

  /**
   * Start reading a text word by word with matchAt (what scanSpans does for
   * itself): the scan of several indexes at once (combine.ts).
   */
  begin(): void {
    this.hashedAt = -1;
  }

  /**
   * The best match from the word start `start` (none: foundEnd is -1);
   * returns where the first word ends. Word starts come in text order.
   */
  matchAt(text: string, start: number): number {
    return this.matchWords(text, start);
  }

  /** Where the match matchAt found ends, or -1 when it found none. */
  get foundEnd(): number {
    return this.bestT < 0 ? -1 : this.bestEnd;
  }

  /** The term (in this index's terms) the match matchAt found reports. */
  get foundTerm(): number {
    return this.bestTerm;
  }

  get foundApproximate(): boolean {
    return this.bestApprox;
  }

  /** Take a match remembered in the memo's slot `at` (its values: terminal, reported, state) as the best, ending at `end`. */
  private takeRemembered(at: number, end: number): void {
    const memo = this.memo;
    this.bestT = memo.value0(at);
    this.bestTerm = memo.value1(at) >> 1;
    this.bestApprox = (memo.value1(at) & 1) === 1;
    this.bestEnd = end;
  }

  /** What the memo keeps of the best match besides its terminal: its term << 1 | approximate. */
  private reported(): number {
    return (this.bestTerm << 1) | (this.bestApprox ? 1 : 0);
  }

  /**
   * Match from a word start word by word, leaving the longest verified match
   * in best*; returns where the first word ends. A later word's memo slot
   * stands for the exact text of every earlier word of the phrase, so what it
   * yields is its verified best match: the whole phrase is compared letter by
   * letter once, not at each of its occurrences.
   */
  private matchWords(text: string, start: number): number {
    const memo = this.memo;
    this.bestT = -1;
    const n = text.length;
    let i = this.hashWord(text, start);
    let firstEnd = i;
    let state: number;
    /** The memo slot of the word read last, while every word so far has one (else -1). */
    let chain = -1;
    if (!this.wordPlain) {
      state = this.readWord(text, start, start, 0);
      i = this.wordStop;
      firstEnd = wordEnd(text, start);
    } else {
      const at = memo.find(text, start, firstEnd, this.wordHash, 0);
      if (at >= 0) {
        this.takeRemembered(at, firstEnd);
        state = memo.value2(at);
        chain = at;
      } else {
        state = this.readWord(text, start, start, 0);
        chain = memo.store(
          text,
          start,
          firstEnd,
          this.wordHash,
          0,
          this.bestT,
          this.reported(),
          state,
        );
      }
    }
    while (state >= 0) {
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Space) break;
      while (i < n && CLASS[text.charCodeAt(i)] === CharClass.Space) i++;
      if (i >= n || CLASS[text.charCodeAt(i)] !== CharClass.Word) break;
      const wordStart = i;
      // Most words after a phrase's first word do not go on with it, and
      // their first two letters tell (WordTable.starts), before anything
      // else is read.
      if (i + 1 < n && CLASS[text.charCodeAt(i + 1)] === CharClass.Word) {
        const k0 = KEY[text.charCodeAt(i)]!;
        const k1 = KEY[text.charCodeAt(i + 1)]!;
        const a1 = stepA(seedA(state), k0);
        const b1 = stepB(seedB(state), k0);
        if (!this.table.mayStart(stepA(a1, k1), stepB(b1, k1)) && !this.table.mayBeShort(a1, b1))
          break;
      }
      // The word that came after the last word the last time: compared in
      // place, it needs neither a hash nor a probe.
      if (chain >= 0) {
        const next = memo.nextAt(chain, text, wordStart);
        if (next >= 0) {
          const end = wordStart + memo.length(next);
          if (memo.value0(next) >= 0) this.takeRemembered(next, end);
          state = memo.value2(next);
          chain = next;
          i = end;
          continue;
        }
      }
      const end = this.hashWord(text, wordStart);
      if (!this.wordPlain || chain < 0) {
        state = this.readWord(text, start, wordStart, state);
        i = this.wordStop;
        chain = -1;
        continue;
      }
      // Memo keys: 0 for a first word, the previous word's slot + 1 here.
      const at = memo.find(text, wordStart, end, this.wordHash, chain + 1);
      if (at >= 0) {
        if (memo.value0(at) >= 0) this.takeRemembered(at, end);
        state = memo.value2(at);
        memo.follows(at, chain);
        chain = at;
        i = end;
        continue;
      }
      const hadT = this.bestT;
      const hadEnd = this.bestEnd;
      state = this.readWord(text, start, wordStart, state);
      // What this word added: every match it verifies ends at its end.
      const found = this.bestT >= 0 && (hadT < 0 || this.bestEnd > hadEnd);
      // A full memo forgets every slot, this phrase's too: then stop remembering.
      const previous = chain;
      chain = memo.full
        ? -1
        : memo.store(
            text,
            wordStart,
            end,
            this.wordHash,
            chain + 1,
            found ? this.bestT : -1,
            found ? this.reported() : 0,
            state,
          );
      if (chain >= 0) memo.follows(chain, previous);
      i = end;
    }
    return firstEnd;
  }

  /**
   * Where the word at i ends, with its hash (wordHash); a word with invisible
   * characters or a line-end hyphen is not plain (wordPlain), and is not
   * remembered.
   */
  private hashWord(text: string, i: number): number {
    // A word a failed phrase read is read again as a first word: once is enough.
    if (i === this.hashedAt) return this.hashedEnd;
    this.hashedAt = i;
    const n = text.length;
    let hash = MEMO_SEED;
    let plain = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const k = CLASS[c]!;
      if (k !== CharClass.Word) {
        if (ALWAYS_ENDS[k]) break;
        const j = wordGoesOn(text, i);
        if (j !== i) {
          if (j > i || lineEndHyphenEnd(text, i) > 0) plain = false;
          break;
        }
      }
      hash = memoStep(hash, c);
    }
    this.wordPlain = plain;
    this.wordHash = hash;
    this.hashedEnd = i;
    return i;
  }

  /**
   * Read the word at wordStart from word state `state` (0 = a first word)
   * through the word table, verifying the terminals it meets for a match
   * from `start`. Returns the state the next word of a phrase goes on from,
   * or -1 when none does; sets wordStop.
   */
  private readWord(text: string, start: number, wordStart: number, state: number): number {
    const { table, laneA, laneB, keyAt } = this;
    const n = text.length;
    let a = seedA(state);
    let b = seedB(state);
    let length = 0;
    /** Keys are not one per code unit from wordStart: keyAt holds their places. */
    let irregular = false;
    let lineBreak = false;
    let lastLetterEnd = wordStart;
    let i = wordStart;
    while (i < n) {
      const info = CHAR[text.charCodeAt(i)]!;
      let key = info & CHAR_KEY;
      const k = (info >>> CHAR_CLASS_SHIFT) & 7;
      let at = i;
      let after = i + 1;
      if (k === CharClass.Word) {
        lastLetterEnd = after;
      } else if (
        k === CharClass.Hyphen &&
        (after >= n || CLASS[text.charCodeAt(after)] !== CharClass.Word)
      ) {
        // A hyphen at a line end: a term's own (Алаш-\nОрда, іс-\nқимыл)
        // where some term has one after these keys, else the word-reading rule's.
        const broken = lineEndHyphenEnd(text, i);
        if (broken < 0) break;
        if (!irregular) {
          for (let p = 0; p < length; p++) keyAt[p] = wordStart + p;
          irregular = true;
        }
        lineBreak = true;
        const found = table.find(stepA(a, HYPHEN), stepB(b, HYPHEN));
        if (found >= 0 && table.ownHyphen(found)) {
          key = HYPHEN;
          at = ~i;
          after = broken;
        } else {
          const j = wordGoesOn(text, i);
          if (j < 0) break;
          i = j;
          continue;
        }
      } else if (k !== CharClass.Hyphen) {
        // Not a letter nor a hyphen inside the word: skipped, or the word's end.
        if (ALWAYS_ENDS[k]) break;
        const j = wordGoesOn(text, i);
        if (j < 0) break;
        if (!irregular) {
          for (let p = 0; p < length; p++) keyAt[p] = wordStart + p;
          irregular = true;
        }
        i = j;
        continue;
      }
      if (length === this.maxWordKeys) return -1;
      laneA[length] = a;
      laneB[length] = b;
      if (irregular) keyAt[length] = at;
      length++;
      a = stepA(a, key);
      b = stepB(b, key);
      i = after;
      // A later word of a phrase: do its first two keys begin any, or its first one make one?
      if (
        length === 2 &&
        state !== 0 &&
        !table.mayStart(a, b) &&
        !table.mayBeShort(laneA[1]!, laneB[1]!)
      )
        return -1;
    }
    const end = lastLetterEnd;
    this.verifySplits(text, start, wordStart, length, irregular, lineBreak, end);
    const found = table.find(a, b);
    if (found < 0) return -1;
    if (table.endsWord(found)) this.verify(text, start, end, end, wordStart, table.first(found));
    // Trailing invisible characters belong to no word, but the next word is read past them.
    this.wordStop = i;
    return table.goesOn(found);
  }

  /**
   * Verify the stems that end inside the word just read (`length` keys from
   * wordStart; its lanes in laneA/laneB, its places in keyAt when irregular):
   * where the rest of the word may be a suffix, shortest stems first.
   */
  private verifySplits(
    text: string,
    start: number,
    wordStart: number,
    length: number,
    irregular: boolean,
    lineBreak: boolean,
    end: number,
  ): void {
    const { table, laneA, laneB, keyAt, splits, reversed } = this;
    let splitCount = 0;
    for (let v = 0, p = length - 1; p > 0; p--) {
      const place = irregular ? keyAt[p]! : wordStart + p;
      if (place < 0) {
        // A term's own hyphen at a line end. For a stem before it, the
        // suffix's word is read as a split word's when a lowercase letter
        // follows, else it ends there: read the suffix afresh.
        if (wordGoesOn(text, ~place) < 0) v = 0;
        continue;
      }
      if (v < 0) continue;
      v = reversed.step(v, CHAR[text.charCodeAt(place)]! & CHAR_KEY);
      if (v < 0) {
        if (lineBreak) continue; // an own hyphen further back may start a suffix afresh
        break;
      }
      if (reversed.isSuffix(v) && table.mayTakeSuffix(laneA[p]!, laneB[p]!))
        splits[splitCount++] = p;
    }
    while (splitCount > 0) {
      const p = splits[--splitCount]!;
      const found = table.find(laneA[p]!, laneB[p]!);
      if (found >= 0 && table.takesSuffix(found)) {
        const stemEnd = irregular ? keyAt[p]! : wordStart + p;
        // Past a term's own hyphen at a line end the suffix's word is measured afresh.
        const suffixEnd = lineBreak ? wordEnd(text, stemEnd) : end;
        this.verify(text, start, stemEnd, suffixEnd, wordStart, table.first(found));
      }
    }
  }

  /**
   * Check the terminals chained from `first` for a match of text[start,
   * end): the stem ends at `stemEnd`; a suffix runs from there to `end` (none
   * when equal). Longer wins; at equal length an exact match beats an
   * approximate one; then the earlier entry; then the terminal verified
   * first.
   */
  private verify(
    text: string,
    start: number,
    stemEnd: number,
    end: number,
    lastWordStart: number,
    first: number,
  ): void {
    const terminals = this.terminals;
    const withSuffix = end > stemEnd;
    let cachedSet = -1;
    let cachedResult = NO_MATCH as number;
    for (let t = first; t >= 0; t = terminals.next(t)) {
      const s = terminals.suffixSet(t);
      let suffixResult = 1;
      if (withSuffix) {
        if (s < 0) continue;
        if (s !== cachedSet) {
          cachedSet = s;
          cachedResult = this.suffixSets[s]!.compare(text, stemEnd, end);
        }
        suffixResult = cachedResult;
        if (suffixResult === NO_MATCH) continue;
      } else if (s >= 0 && !this.suffixSets[s]!.bare) continue;
      const stemResult = comparePlain(
        text,
        start,
        stemEnd,
        terminals.stems,
        terminals.stemStart(t),
        terminals.stemLength(t),
      );
      if (stemResult === NO_MATCH) continue;
      let approximate = stemResult === APPROXIMATE || suffixResult === APPROXIMATE;
      if (!approximate && withSuffix && terminals.mayBeAmbiguous(t)) {
        approximate = isAmbiguousKazakhForm(foldWord(text, lastWordStart, end));
      }
      const bestT = this.bestT;
      if (
        bestT < 0 ||
        end > this.bestEnd ||
        (end === this.bestEnd &&
          ((this.bestApprox && !approximate) ||
            (this.bestApprox === approximate && terminals.entry(t) < terminals.entry(bestT))))
      ) {
        this.bestEnd = end;
        this.bestT = t;
        this.bestApprox = approximate;
        this.bestTerm = terminals.termOf[t]!;
      }
    }
  }
}
