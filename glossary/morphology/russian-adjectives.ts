/**
 * Russian adjectives and participles: which declension table a word in the
 * nominative follows (adjectiveInfo), and its forms in every slot.
 */
import {
  ADJECTIVE_ENDINGS,
  ADJECTIVE_PARADIGMS,
  NOUN_ENDINGS_LIKE_ADJECTIVES,
  NOUNS_IN_OI,
  NOUNS_LIKE_ADJECTIVES,
  POSSESSIVE_ADJECTIVES,
  REFLEXIVE_PARTICIPLE_STEM_ENDS,
  REFLEXIVE_POSTFIX,
  SHORT_ADJECTIVES_IN_OI,
  SIBILANTS,
  STRESSED_SIBILANT_ADJECTIVE_STEMS,
  VELARS,
  type AdjectiveParadigmId,
  type CaseEndings,
} from './russian-rules';
import {
  ACC_ANIMATE,
  ACC_INANIMATE,
  CASE_OF_COLUMN,
  GEN,
  NOM,
  addForm,
  emptySlots,
  isConsonant,
  vowelCount,
  type Form,
  type Slots,
} from './russian-slots';

// The word-keyed tables as maps: a look-up by a word made at run time is
// cheaper in a Map than among an object's properties.
const POSSESSIVE = new Map(Object.entries(POSSESSIVE_ADJECTIVES));
const ENDING_FORM = new Map(Object.entries(ADJECTIVE_ENDINGS));

export interface AdjectiveInfo {
  readonly paradigms: readonly AdjectiveParadigmId[];
  readonly stem: string;
  readonly form: Form;
  /** Written after every ending: -ся of a reflexive participle (открывшихся), or ''. */
  readonly postfix: string;
}

/** Is the word an adjective or participle in the nominative, and which table does it follow? */
export function adjectiveInfo(w: string): AdjectiveInfo | null {
  // A reflexive participle: the participle without -ся, and -ся after every ending.
  if (w.endsWith(REFLEXIVE_POSTFIX) && w.length > REFLEXIVE_POSTFIX.length + 4) {
    const base = plainAdjectiveInfo(w.slice(0, -REFLEXIVE_POSTFIX.length));
    const stemEnd = base?.stem.charAt(base.stem.length - 1);
    if (base && stemEnd && REFLEXIVE_PARTICIPLE_STEM_ENDS.has(stemEnd)) {
      return { ...base, postfix: REFLEXIVE_POSTFIX };
    }
    return null;
  }
  return plainAdjectiveInfo(w);
}

function plainAdjectiveInfo(w: string): AdjectiveInfo | null {
  const poss = POSSESSIVE.get(w);
  if (poss) return { paradigms: ['possessive'], stem: poss.stem, form: poss.form, postfix: '' };
  if (w.length < 4 || NOUNS_LIKE_ADJECTIVES.has(w)) return null;
  for (const e of NOUN_ENDINGS_LIKE_ADJECTIVES) if (w.endsWith(e)) return null;
  const ending = w.slice(-2);
  const form = ENDING_FORM.get(ending);
  if (form === undefined) return null;
  const stem = w.slice(0, -2);
  const c = stem.charAt(stem.length - 1);
  if (!isConsonant(c)) return null;
  const velar = VELARS.has(c);
  const sibilant = SIBILANTS.has(c);
  // -ий/-ие after a soft н preceded by a consonant (внутренний, последние);
  // after a vowel it is a noun (гений, решение, правосудие).
  const softN = c === 'н' && isConsonant(stem.charAt(stem.length - 2));
  let paradigms: readonly AdjectiveParadigmId[];
  switch (ending) {
    case 'ий':
    case 'ие':
      if (velar) paradigms = ['velar'];
      else if (sibilant) paradigms = ['sibilant'];
      else if (softN) paradigms = ['soft'];
      else return null;
      break;
    case 'ой':
      if (NOUNS_IN_OI.has(w)) return null;
      if (vowelCount(w) === 1 && !SHORT_ADJECTIVES_IN_OI.has(w)) return null;
      paradigms = velar ? ['velar'] : sibilant ? ['sibilantStressed'] : ['hard'];
      break;
    case 'ая':
      paradigms = velar
        ? ['velar']
        : sibilant
          ? STRESSED_SIBILANT_ADJECTIVE_STEMS.has(stem)
            ? ['sibilantStressed']
            : ['sibilant']
          : ['hard'];
      break;
    case 'ое':
      paradigms = velar ? ['velar'] : sibilant ? ['sibilantStressed'] : ['hard'];
      break;
    case 'ее':
      paradigms = sibilant ? ['sibilant'] : ['soft'];
      break;
    case 'яя':
      paradigms = ['soft'];
      break;
    default:
      // ый, ые
      paradigms = ['hard'];
  }
  return { paradigms, stem, form, postfix: '' };
}

export function adjectiveSlots(info: AdjectiveInfo, word: string): Slots {
  const slots = emptySlots();
  for (const id of info.paradigms) {
    const p = ADJECTIVE_PARADIGMS[id];
    if (info.form !== 'pl') fillAdjective(slots, 0, p[info.form], info, info.form === 'm');
    fillAdjective(slots, 7, p.pl, info, true);
  }
  // The dictionary form is its own nominative (the table also lists -ой for -ый).
  const base = info.form === 'pl' ? 7 : 0;
  slots[base + NOM] = [word];
  if (info.form !== 'f') slots[base + ACC_INANIMATE] = [word];
  return slots;
}

function fillAdjective(
  slots: Slots,
  base: number,
  table: CaseEndings,
  info: AdjectiveInfo,
  animateIsGenitive: boolean,
): void {
  for (let col = 0; col < 7; col++) {
    const cas = col === ACC_ANIMATE && animateIsGenitive ? GEN : CASE_OF_COLUMN[col]!;
    for (const e of table[cas]) addForm(slots, base + col, info.stem + e + info.postfix);
  }
}
