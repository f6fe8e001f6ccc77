/**
 * Russian declension of glossary terms (phrases): every folded surface form of
 * a term in the six cases and both numbers, adjectives agreeing with their noun.
 *
 * A term is read as: leading adjectives (with coordinated adjectives:
 * "административное и уголовное"), the head noun (or, when no noun follows,
 * the last adjective as a substantivized head: "Уполномоченный по правам
 * человека"), optionally a coordinated noun group right after the head
 * ("права и свободы"), and then words that stay as written (genitive
 * dependents, prepositional phrases, acronyms).
 *
 * The endings, word lists and exceptions are data in `russian-rules.ts`. The
 * words of a term are classified in russian-words.ts and declined slot by
 * slot (russian-slots.ts) by russian-adjectives.ts and russian-nouns.ts; this
 * file reads the phrase and combines its words' forms. A form is built per
 * (number, case) slot, so the words of one form always agree: a
 * wrong-agreement phrase such as "Конституционного Суд" is never produced.
 */

import { foldTerm } from '../normalize';
import { adjectiveSlots } from './russian-adjectives';
import { nounSlots } from './russian-nouns';
import {
  ADVERBS,
  COORDINATORS,
  KAZAKH_LETTERS,
  NOUN_ADJECTIVE_HOMONYMS,
  VOWELS,
  type Gender,
} from './russian-rules';
import {
  SLOTS,
  declension,
  hintIndex,
  isConsonant,
  sameDeclension,
  type Declension,
  type Form,
} from './russian-slots';
import { foldPlain, plainWords, wordInfo, type WordInfo } from './russian-words';

export { forgetRussianWords } from './russian-words';

// The letter set as a pattern: testing a whole word at once spares a
// one-letter string per Cyrillic letter (charAt allocates beyond Latin-1).
const KAZAKH_LETTER = new RegExp(`[${[...KAZAKH_LETTERS].join('')}]`);
const HOMONYMS = new Map(Object.entries(NOUN_ADJECTIVE_HOMONYMS));

/** Can an adjective in this form agree with a noun of this nominative shape? */
function agrees(form: Form, noun: WordInfo): boolean {
  if (noun.invariable) return true;
  const w = noun.core;
  const last = w.charAt(w.length - 1);
  switch (form) {
    case 'pl':
      return last === 'ы' || last === 'и' || last === 'а' || last === 'я' || last === 'е';
    case 'm':
      return isConsonant(last) || last === 'й' || last === 'ь' || last === 'а' || last === 'я';
    case 'f':
      return last === 'а' || last === 'я' || last === 'ь';
    case 'n':
      return last === 'о' || last === 'е' || w.endsWith('мя');
  }
}

interface Group {
  /** Word indexes of the agreeing adjectives. */
  readonly adjectives: number[];
  /** Index of the head noun, or -1 when the last adjective is the head. */
  readonly noun: number;
  /** Index after the group. */
  readonly end: number;
}

/** Adjectives (possibly coordinated: "административное и уголовное") and the noun they agree with, from `start`. */
function readGroup(words: readonly WordInfo[], start: number): Group | null {
  const adjectives: number[] = [];
  let i = start;
  while (i < words.length) {
    const w = words[i]!;
    if (w.adjective) {
      adjectives.push(i++);
      continue;
    }
    const next = words[i + 1];
    if (adjectives.length > 0 && COORDINATORS.has(w.folded) && next?.adjective) {
      i++;
      continue;
    }
    // An adverb stays as it is (особо тяжкое, вновь открывшиеся); a word in -но
    // is read as one before an adjective (безвестно отсутствующий).
    if (
      (ADVERBS.has(w.folded) && next !== undefined) ||
      (next?.adjective && w.folded.endsWith('но') && w.folded.length > 4)
    ) {
      i++;
      continue;
    }
    break;
  }
  const candidate = words[i];
  const firstAdj = adjectives.length > 0 ? words[adjectives[0]!]!.adjective : null;
  if (candidate && !candidate.functional && (!firstAdj || agrees(firstAdj.form, candidate))) {
    return { adjectives, noun: i, end: i + 1 };
  }
  if (adjectives.length === 0) return null;
  // No noun, and the last adjective is also a noun (простой "downtime"): it is the head.
  const last = adjectives[adjectives.length - 1]!;
  if (HOMONYMS.has(words[last]!.folded)) {
    return { adjectives: adjectives.slice(0, -1), noun: last, end: last + 1 };
  }
  // No noun: the adjectives are substantivized (Уполномоченный, обвиняемый).
  return { adjectives, noun: -1, end: adjectives[adjectives.length - 1]! + 1 };
}

function groupDeclensions(words: readonly WordInfo[], g: Group, out: (Declension | null)[]): void {
  let number: 'sg' | 'pl' | null = null;
  let gender: Gender | null = null;
  for (const a of g.adjectives) {
    const w = words[a]!;
    const info = w.adjective!;
    out[a] = w.adjectiveDeclension ??= declension(adjectiveSlots(info, w.core), w.core);
    if (info.form === 'pl') number = 'pl';
    else {
      number ??= 'sg';
      gender ??= info.form;
    }
  }
  if (g.noun >= 0) {
    const noun = words[g.noun]!;
    if (noun.invariable) out[g.noun] = null;
    else {
      const known = (noun.nounDeclensions ??= []);
      const h = hintIndex(number, gender);
      let d = known[h];
      if (d === undefined) {
        const slots = nounSlots(noun.core, { number, gender });
        // A noun that is also an adjective, with no adjective before it: leave
        // out its forms that are nearly always the adjective (NOUN_ADJECTIVE_HOMONYMS).
        const left = g.adjectives.length === 0 ? HOMONYMS.get(noun.folded) : undefined;
        if (slots && left) {
          for (let i = 0; i < SLOTS; i++) {
            const cell = slots[i]?.filter((f) => !left.includes(f));
            slots[i] = cell && cell.length > 0 ? cell : null;
          }
        }
        d = slots ? declension(slots, noun.core) : null;
        // Hints that change nothing for this noun share one declension.
        for (const other of known) if (d && other && sameDeclension(d, other)) d = other;
        known[h] = d;
      }
      out[g.noun] = d;
    }
  }
}

const WHITESPACE = /\s+/;

/**
 * All folded surface forms of a Russian glossary term (the term itself
 * included), deduplicated: the declinable group in six cases and two numbers,
 * everything else as written.
 */
export function russianForms(term: string): string[] {
  const plain = foldPlain(term);
  const self = plain ?? foldTerm(term);
  let words: WordInfo[];
  let aligned = true;
  if (plain !== null) {
    // No Kazakh letter, and each word sits where it sits in the term.
    words = plainWords(term, plain);
  } else {
    const parts = term.trim().split(WHITESPACE);
    // A term with Kazakh letters (Ата Заң) is Kazakh: it is matched as written.
    // A term with Kazakh words is matched as written (Ата Заң), except a Russian
    // title before a Kazakh name, whose name is an invariable dependent
    // (Председатель Қазақстан Халық Кеңесі → Председателя Қазақстан Халық Кеңесі).
    const kazakhAt = self.search(KAZAKH_LETTER);
    if (kazakhAt >= 0) {
      const firstSpace = self.indexOf(' ');
      const titleEnd = firstSpace < 0 ? self.length : firstSpace;
      const last = self.charAt(titleEnd - 1);
      if (kazakhAt < titleEnd || VOWELS.has(last)) return [self];
    }
    // Fold once: the words of the folded term line up with the whitespace-separated parts.
    const foldedParts = self.split(' ');
    aligned = foldedParts.length === parts.length;
    words = parts.map((p, i) => wordInfo(p, aligned ? foldedParts[i]! : foldTerm(p)));
  }
  const declined: (Declension | null)[] = new Array<Declension | null>(words.length).fill(null);

  const head = readGroup(words, 0);
  if (head) {
    groupDeclensions(words, head, declined);
    // Coordination right after the head: "права и свободы человека".
    const conj = words[head.end];
    if (conj && COORDINATORS.has(conj.folded)) {
      const second = readGroup(words, head.end + 1);
      if (second && second.noun >= 0) groupDeclensions(words, second, declined);
    }
  }

  // The phrase: constant texts (runs of words as written, the space before a
  // declined word and its prefix) around the declined words' forms.
  // texts[k] precedes the k-th declined word; texts[last] follows the last one.
  const texts: string[] = [];
  const decls: Declension[] = [];
  let constant = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const d = declined[i];
    const sep = i === 0 ? '' : ' ';
    if (d) {
      texts.push(constant + sep + w.prefix);
      decls.push(d);
      constant = '';
    } else constant += sep + w.folded;
  }
  texts.push(constant);
  if (decls.length === 0) return [self];
  return phrases(self, aligned, texts, decls);
}

/**
 * Every phrase, slot by slot, each declined word's forms combined in order
 * (the first word's varying slowest), after `self` and without repeats. A
 * phrase is told by which form each declined word takes: the forms hold no
 * space and the texts between them begin with one, so two phrases are equal
 * exactly when their choices are; choices are compared as numbers. When the
 * folded term lines up with its words (`aligned`), `self` is the choice of
 * every word's dictionary form; otherwise phrases are compared with it as text.
 */
function phrases(
  self: string,
  aligned: boolean,
  texts: readonly string[],
  decls: readonly Declension[],
): string[] {
  const result: string[] = [self];
  const k = decls.length;
  // The choice that spells self: each declined word in its dictionary form.
  let selfKey = aligned ? 0 : -1;
  let radix = 1;
  for (const d of decls) {
    radix *= d.forms.length;
    if (selfKey >= 0) selfKey = d.own < 0 ? -1 : selfKey * d.forms.length + d.own;
  }
  if (radix > 2 ** 48) return phrasesAsText(result, texts, decls);

  if (k === 1) {
    // One declined word: its forms in order, each once.
    const forms = decls[0]!.forms;
    const before = texts[0]!;
    const after = texts[1]!;
    for (let id = 0; id < forms.length; id++) {
      if (id === selfKey) continue;
      const ph = before + forms[id]! + after;
      if (aligned || ph !== self) result.push(ph);
    }
    return result;
  }

  const seen: number[] = [];
  // Per declined word, where in its ids the slot's cell is (choice) and ends.
  const choice = new Array<number>(k).fill(0);
  const ends = new Array<number>(k).fill(0);
  slots: for (let slot = 0; slot < SLOTS; slot++) {
    for (let j = 0; j < k; j++) {
      const starts = decls[j]!.starts;
      if (starts[slot] === starts[slot + 1]) continue slots;
      choice[j] = starts[slot]!;
      ends[j] = starts[slot + 1]!;
    }
    // Odometer over the cells, the last word turning fastest.
    for (;;) {
      let key = 0;
      for (let j = 0; j < k; j++) {
        const d = decls[j]!;
        key = key * d.forms.length + d.ids[choice[j]!]!;
      }
      if (key !== selfKey && !seen.includes(key)) {
        seen.push(key);
        let ph = texts[0]!;
        for (let j = 0; j < k; j++) {
          const d = decls[j]!;
          const id = d.ids[choice[j]!]!;
          const text = texts[j + 1]!;
          if (text === ' ') ph += (d.spaced ??= d.forms.map((f) => f + ' '))[id]!;
          else ph += d.forms[id]! + text;
        }
        if (aligned || ph !== self) result.push(ph);
      }
      let j = k - 1;
      while (j >= 0 && ++choice[j]! === ends[j]!) {
        choice[j] = decls[j]!.starts[slot]!;
        j--;
      }
      if (j < 0) break;
    }
  }
  return result;
}

/** The phrases compared as text (more combinations than numbers can tell apart). */
function phrasesAsText(
  result: string[],
  texts: readonly string[],
  decls: readonly Declension[],
): string[] {
  for (let slot = 0; slot < SLOTS; slot++) {
    let list: string[] = [texts[0]!];
    for (let j = 0; j < decls.length; j++) {
      const d = decls[j]!;
      const next: string[] = [];
      for (const ph of list) {
        for (let at = d.starts[slot]!; at < d.starts[slot + 1]!; at++) {
          next.push(ph + d.forms[d.ids[at]!]! + texts[j + 1]!);
        }
      }
      list = next;
    }
    for (const ph of list) if (!result.includes(ph)) result.push(ph);
  }
  return result;
}
