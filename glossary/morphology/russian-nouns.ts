/**
 * Russian nouns: the readings of a noun in its dictionary form (which
 * paradigm, which stems: fleeting vowels, plural-only nouns, the lexicon's
 * exceptions) and its forms in every slot, given what an agreeing adjective
 * shows of its number and gender.
 */
import {
  GEN_PL_INSERTION,
  MASCULINE_FLEETING_ENDINGS,
  MASCULINE_PLURAL_A,
  NO_FLEETING,
  NOUN_LEXICON,
  NOUN_PARADIGMS,
  SIBILANTS,
  SOFT_SIGN_GENDER,
  VELARS,
  type CaseEndings,
  type Gender,
  type NounException,
  type NounParadigm,
  type NounParadigmId,
} from './russian-rules';
import {
  ACC_ANIMATE,
  ACC_INANIMATE,
  CASE_OF_COLUMN,
  GEN,
  addForm,
  emptySlots,
  isConsonant,
  isVowel,
  vowelCount,
  type Slots,
} from './russian-slots';

const LEXICON = new Map(Object.entries(NOUN_LEXICON));
const PLURAL_A = new Map(Object.entries(MASCULINE_PLURAL_A));
const INSERTION = new Map(Object.entries(GEN_PL_INSERTION));

interface Reading {
  readonly p: NounParadigm;
  /** Stem of the nominative singular (and the inanimate accusative when it equals it). */
  readonly nomStem: string;
  /** Stems of every other form: the regular one and, for fleeting vowels, the shortened one. */
  readonly stems: readonly string[];
  readonly sg: boolean;
  readonly pl: boolean;
  readonly lex: NounException | undefined;
}

function singular(id: NounParadigmId, w: string, extraStems: readonly string[] = []): Reading {
  const p = NOUN_PARADIGMS[id];
  const stem = w.slice(0, w.length - p.nomSg.length);
  return { p, nomStem: stem, stems: [stem, ...extraStems], sg: true, pl: true, lex: undefined };
}

function pluralOnly(id: NounParadigmId, w: string): Reading {
  const p = NOUN_PARADIGMS[id];
  const stem = w.slice(0, w.length - p.nomPl.length);
  return { p, nomStem: stem, stems: [stem], sg: false, pl: true, lex: undefined };
}

/** The reading with other stems, or the lexicon's exception (every reading has one shape). */
function withStems(r: Reading, stems: readonly string[], lex = r.lex): Reading {
  return { p: r.p, nomStem: r.nomStem, stems, sg: r.sg, pl: r.pl, lex };
}

/** The stem with a fleeting vowel dropped (порядок → порядк, отец → отц, боец → бойц, палец → пальц), or null. */
function fleetingStem(w: string): { stem: string; sure: boolean } | null {
  if (NO_FLEETING.has(w) || vowelCount(w) < 2) return null;
  for (const { ending, sure } of MASCULINE_FLEETING_ENDINGS) {
    if (!w.endsWith(ending)) continue;
    const at = w.length - ending.length;
    const before = w.charAt(at - 1);
    const rest = ending.slice(1);
    const stem = rest.endsWith('ь') ? rest.slice(0, -1) : rest;
    // A vowel before the dropped one becomes й (боец → бойца); л softens (палец → пальца).
    const glue = isVowel(before) ? 'й' : before === 'л' && ending.charAt(0) === 'е' ? 'ь' : '';
    return { stem: w.slice(0, at) + glue + stem, sure };
  }
  return null;
}

function softSignGender(w: string): Gender | null {
  for (const [ending, g] of SOFT_SIGN_GENDER) if (w.endsWith(ending)) return g;
  return null;
}

export interface Hint {
  /** Number shown by the agreeing adjectives. */
  readonly number: 'sg' | 'pl' | null;
  /** Gender shown by a singular agreeing adjective. */
  readonly gender: Gender | null;
}

function nounReadings(w: string, hint: Hint): Reading[] {
  const lex = LEXICON.get(w);
  if (lex) {
    return lex.paradigms.map((id) => {
      const r = lex.plural ? pluralOnly(id, w) : singular(id, w);
      return withStems(r, lex.stem ? [lex.stem] : r.stems, lex);
    });
  }
  const n = w.length;
  const last = w.charAt(n - 1);
  const prev = w.charAt(n - 2);
  const readings: Reading[] = [];
  if (isConsonant(last)) {
    if (w.endsWith('анин') || w.endsWith('янин')) return [singular('mAnin', w)];
    const id: NounParadigmId = VELARS.has(last)
      ? 'mVelar'
      : SIBILANTS.has(last)
        ? 'mSibilant'
        : last === 'ц'
          ? 'mTs'
          : 'mHard';
    const fleeting = fleetingStem(w);
    const plA = PLURAL_A.get(w);
    for (const pid of plA === 'only' ? ['mPlA' as const] : plA ? [id, 'mPlA' as const] : [id]) {
      const r = singular(pid, w, fleeting ? [fleeting.stem] : []);
      // A sure fleeting vowel replaces the full stem outside the nominative.
      readings.push(fleeting?.sure ? withStems(r, [fleeting.stem]) : r);
    }
    return readings;
  }
  switch (last) {
    case 'й':
      if (prev === 'и') return [singular('mIj', w)];
      return isVowel(prev) ? [singular('mJ', w)] : [];
    case 'ь': {
      if (SIBILANTS.has(prev)) return [singular('fSoftSibilant', w)];
      const g = softSignGender(w);
      const fleeting = w.endsWith('ень') ? fleetingStem(w) : null;
      const m = singular('mSoft', w, fleeting ? [fleeting.stem] : []);
      const f = singular('fSoft', w);
      if (g === 'm') return [m];
      if (g === 'f') return [f];
      // Gender unknown: an agreeing adjective decides; otherwise both paradigms
      // (the wrong one yields non-words such as *властя, *властем, never another word).
      if (hint.gender === 'm') return [m];
      if (hint.gender === 'f') return [f];
      return [m, f];
    }
    case 'а': {
      const id: NounParadigmId = VELARS.has(prev)
        ? 'fAVelar'
        : SIBILANTS.has(prev)
          ? 'fASibilant'
          : prev === 'ц'
            ? 'fATs'
            : 'fA';
      // Neuter plurals (средства, обстоятельства: never masculine).
      if (w.endsWith('ства')) return [pluralOnly('nO', w)];
      // A plural shown by the adjective (должностные лица).
      if (hint.number === 'pl') {
        return [pluralOnly('nO', w), pluralOnly('mPlA', w)];
      }
      return [singular(id, w)];
    }
    case 'я':
      if (prev === 'м') return [singular('nMja', w)];
      // -ия is a feminine singular (Конституция) or a neuter plural (полномочия):
      // both; their plurals coincide.
      if (prev === 'и') return [singular('fIja', w), pluralOnly('nIe', w)];
      if (prev === 'ь') return [singular('fJJa', w)];
      return [singular(isVowel(prev) ? 'fVJa' : 'fJa', w)];
    case 'о':
      return [singular('nO', w)];
    case 'е':
      if (prev === 'и') return [singular('nIe', w)];
      if (prev === 'ь') return [singular('nJe', w)];
      if (SIBILANTS.has(prev) || prev === 'ц') return [singular('nEHard', w)];
      if (isConsonant(prev)) return [singular('nESoft', w)];
      return [];
    case 'ы':
      // Given in the plural, gender unknown: masculine (-ов) and feminine (zero genitive).
      return [pluralOnly('mHard', w), pluralOnly('fA', w)];
    case 'и':
      if (prev === 'и') return [pluralOnly('fIja', w), pluralOnly('mIj', w)];
      if (prev === 'ь') return [pluralOnly('fJJa', w)];
      if (isVowel(prev)) return [pluralOnly('mJ', w), pluralOnly('fVJa', w)];
      if (VELARS.has(prev)) return [pluralOnly('mVelar', w), pluralOnly('fAVelar', w)];
      if (SIBILANTS.has(prev)) {
        return [
          pluralOnly('mSibilant', w),
          pluralOnly('fASibilant', w),
          pluralOnly('fSoftSibilant', w),
        ];
      }
      if (w.endsWith('сти')) return [pluralOnly('fSoft', w)];
      return [pluralOnly('fSoft', w), pluralOnly('fJa', w)];
    default:
      // -у -ю -э and anything else: indeclinable by shape.
      return [];
  }
}

/**
 * The zero-ending genitive plural with a fleeting vowel inserted into the
 * final cluster (ссылк → ссылок, копейк → копеек, числ → чисел), or null.
 */
function insertFleetingVowel(stem: string, feminine: boolean): string | null {
  const last = stem.charAt(stem.length - 1);
  const rule = INSERTION.get(last);
  if (!rule || (feminine && !rule.feminine)) return null;
  const before = stem.charAt(stem.length - 2);
  const head = stem.slice(0, -1);
  if (before === 'й' || before === 'ь') return stem.slice(0, -2) + 'е' + last;
  if (!isConsonant(before)) return null;
  const vowel = SIBILANTS.has(before) || before === 'ц' ? 'е' : rule.vowel;
  return head + vowel + last;
}

function fillNoun(slots: Slots, r: Reading, hint: Hint): void {
  const p = r.p;
  const numbers: (readonly [base: number, table: CaseEndings])[] = [];
  if (r.sg && hint.number !== 'pl') numbers.push([0, p.sg]);
  if (r.pl && !(r.lex?.replacePl ?? false)) numbers.push([7, p.pl]);
  for (const [base, table] of numbers) {
    for (let col = 0; col < 7; col++) {
      // A feminine-type noun with a masculine adjective names a person
      // (федеральный судья): its accusative is animate only (федерального судью).
      if (base === 0 && col === ACC_INANIMATE && p.gender === 'f' && hint.gender === 'm') continue;
      const animateGen = col === ACC_ANIMATE && (base === 7 || p.gender === 'm');
      const cas = animateGen ? GEN : CASE_OF_COLUMN[col]!;
      // The nominative singular keeps the dictionary stem (порядок, not *порядк);
      // so does the accusative where it equals the nominative (masculine, neuter).
      const nominativeLike =
        base === 0 && (cas === 0 || (cas === 3 && table[3][0] === table[0][0]));
      const stems = nominativeLike || !r.sg ? [r.nomStem] : r.stems;
      for (const stem of stems) {
        for (const e of table[cas]) {
          if (e === '' && base === 7 && cas === GEN && p.zeroGenPl) {
            const inserted = insertFleetingVowel(stem, p.gender === 'f');
            if (inserted !== null) {
              addForm(slots, base + col, inserted);
              if (p.gender === 'f') continue;
            }
          }
          addForm(slots, base + col, stem + e);
        }
      }
    }
  }
  const lex = r.lex;
  if (lex) {
    const extras: (readonly [base: number, forms: CaseEndings | undefined])[] = [
      [0, hint.number === 'pl' ? undefined : lex.extraSg],
      [7, lex.extraPl],
    ];
    for (const [base, forms] of extras) {
      if (!forms) continue;
      for (let col = 0; col < 7; col++) {
        const animateGen = col === ACC_ANIMATE && (base === 7 || p.gender === 'm');
        for (const f of forms[animateGen ? GEN : CASE_OF_COLUMN[col]!])
          addForm(slots, base + col, f);
      }
    }
  }
}

export function nounSlots(w: string, hint: Hint): Slots | null {
  let readings = nounReadings(w, hint);
  if (readings.length === 0) return null;
  // A singular adjective rules out readings of the word as a plural, when a singular one exists.
  if (hint.number === 'sg' && readings.some((r) => r.sg)) readings = readings.filter((r) => r.sg);
  const slots = emptySlots();
  for (const r of readings) fillNoun(slots, r, hint);
  return slots;
}
