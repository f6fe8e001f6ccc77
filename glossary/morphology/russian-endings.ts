/**
 * Russian declension as data, part one: the ending tables of nouns and
 * adjectives (re-exported by russian-rules.ts with the word lists and the
 * exceptions lexicon).
 *
 * All strings are folded (lowercase, ё written as е): the generator works on
 * folded words and its output must equal `foldTerm` of the text form.
 *
 * Case order everywhere: nominative, genitive, dative, accusative (inanimate),
 * instrumental, prepositional. The animate accusative is not stored: it equals
 * the genitive for masculine singular and for every plural, and the accusative
 * column otherwise (see `russian-slots.ts`).
 */

export type Gender = 'm' | 'f' | 'n';

/** Six cases; each cell lists the endings that are all correct (instrumental -ой/-ою). */
export type CaseEndings = readonly [
  nom: readonly string[],
  gen: readonly string[],
  dat: readonly string[],
  acc: readonly string[],
  ins: readonly string[],
  prep: readonly string[],
];

export interface NounParadigm {
  readonly id: string;
  /** The gender whose accusative rules apply (судья is masculine but follows the feminine table: 'f'). */
  readonly gender: Gender;
  /** Ending of the nominative singular, removed from the dictionary form to get the stem. */
  readonly nomSg: string;
  /** Ending of the nominative plural, removed when the term is given in the plural. */
  readonly nomPl: string;
  readonly sg: CaseEndings;
  readonly pl: CaseEndings;
  /**
   * Genitive plural with a zero ending (сделок, окон): a fleeting vowel may be
   * inserted into the last consonant cluster (see `insertFleetingVowel`).
   */
  readonly zeroGenPl?: boolean;
}

const HARD_PL: CaseEndings = [['ы'], ['ов'], ['ам'], ['ы'], ['ами'], ['ах']];
const SOFT_PL: CaseEndings = [['и'], ['ей'], ['ям'], ['и'], ['ями'], ['ях']];

/** Noun ending tables, keyed by id. */
export const NOUN_PARADIGMS = {
  /** суд, закон, Парламент, Сенат, аким, маслихат, кодекс. */
  mHard: {
    id: 'mHard',
    gender: 'm',
    nomSg: '',
    nomPl: 'ы',
    sg: [[''], ['а'], ['у'], [''], ['ом'], ['е']],
    pl: HARD_PL,
  },
  /** Stems in г к х take -и, never -ы, after them (spelling rule): налог → налоги, участник → участники. */
  mVelar: {
    id: 'mVelar',
    gender: 'm',
    nomSg: '',
    nomPl: 'и',
    sg: [[''], ['а'], ['у'], [''], ['ом'], ['е']],
    pl: [['и'], ['ов'], ['ам'], ['и'], ['ами'], ['ах']],
  },
  /**
   * Stems in ж ш щ ч: -и for -ы; genitive plural -ей (врачей, ножей);
   * instrumental -ом when stressed (врачом), -ем when not (товарищем): both.
   */
  mSibilant: {
    id: 'mSibilant',
    gender: 'm',
    nomSg: '',
    nomPl: 'и',
    sg: [[''], ['а'], ['у'], [''], ['ом', 'ем'], ['е']],
    pl: [['и'], ['ей'], ['ам'], ['и'], ['ами'], ['ах']],
  },
  /** Stems in ц: -ы stays (отцы); -ом/-ем and -ов/-ев by stress (отцом, месяцем): both. */
  mTs: {
    id: 'mTs',
    gender: 'm',
    nomSg: '',
    nomPl: 'ы',
    sg: [[''], ['а'], ['у'], [''], ['ом', 'ем'], ['е']],
    pl: [['ы'], ['ов', 'ев'], ['ам'], ['ы'], ['ами'], ['ах']],
  },
  /** Masculine with the nominative plural in -а (округ → округа, директор → директора): only listed words. */
  mPlA: {
    id: 'mPlA',
    gender: 'm',
    nomSg: '',
    nomPl: 'а',
    sg: [[''], ['а'], ['у'], [''], ['ом'], ['е']],
    pl: [['а'], ['ов'], ['ам'], ['а'], ['ами'], ['ах']],
  },
  /** -анин/-янин: the suffix -ин drops in the plural (гражданин → граждане, граждан). */
  mAnin: {
    id: 'mAnin',
    gender: 'm',
    nomSg: 'ин',
    nomPl: 'е',
    sg: [['ин'], ['ина'], ['ину'], ['ин'], ['ином'], ['ине']],
    pl: [['е'], [''], ['ам'], ['е'], ['ами'], ['ах']],
  },
  /** председатель, бюллетень. */
  mSoft: {
    id: 'mSoft',
    gender: 'm',
    nomSg: 'ь',
    nomPl: 'и',
    sg: [['ь'], ['я'], ['ю'], ['ь'], ['ем'], ['е']],
    pl: SOFT_PL,
  },
  /** Vowel + й: Курултай, музей, строй. */
  mJ: {
    id: 'mJ',
    gender: 'm',
    nomSg: 'й',
    nomPl: 'и',
    sg: [['й'], ['я'], ['ю'], ['й'], ['ем'], ['е']],
    pl: [['и'], ['ев'], ['ям'], ['и'], ['ями'], ['ях']],
  },
  /** -ий: prepositional -ии, not -ие (о критерии). */
  mIj: {
    id: 'mIj',
    gender: 'm',
    nomSg: 'й',
    nomPl: 'и',
    sg: [['й'], ['я'], ['ю'], ['й'], ['ем'], ['и']],
    pl: [['и'], ['ев'], ['ям'], ['и'], ['ями'], ['ях']],
  },
  /** прокуратура, палата, норма; also masculine судья-type words in -а (глава, староста). */
  fA: {
    id: 'fA',
    gender: 'f',
    nomSg: 'а',
    nomPl: 'ы',
    sg: [['а'], ['ы'], ['е'], ['у'], ['ой', 'ою'], ['е']],
    pl: [['ы'], [''], ['ам'], ['ы'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** Stems in г к х: -и (Республики, сделки). */
  fAVelar: {
    id: 'fAVelar',
    gender: 'f',
    nomSg: 'а',
    nomPl: 'и',
    sg: [['а'], ['и'], ['е'], ['у'], ['ой', 'ою'], ['е']],
    pl: [['и'], [''], ['ам'], ['и'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** Stems in ж ш щ ч: -и; instrumental -ей unstressed (задачей), -ой stressed (межой): both. */
  fASibilant: {
    id: 'fASibilant',
    gender: 'f',
    nomSg: 'а',
    nomPl: 'и',
    sg: [['а'], ['и'], ['е'], ['у'], ['ей', 'ею', 'ой', 'ою'], ['е']],
    pl: [['и'], [''], ['ам'], ['и'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** Stems in ц: -ы stays (границы), instrumental -ей/-ой by stress. */
  fATs: {
    id: 'fATs',
    gender: 'f',
    nomSg: 'а',
    nomPl: 'ы',
    sg: [['а'], ['ы'], ['е'], ['у'], ['ей', 'ею', 'ой', 'ою'], ['е']],
    pl: [['ы'], [''], ['ам'], ['ы'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** Consonant + я: неделя → недель. */
  fJa: {
    id: 'fJa',
    gender: 'f',
    nomSg: 'я',
    nomPl: 'и',
    sg: [['я'], ['и'], ['е'], ['ю'], ['ей', 'ею'], ['е']],
    pl: [['и'], ['ь'], ['ям'], ['и'], ['ями'], ['ях']],
  },
  /** Vowel (not и) + я: идея → идей. */
  fVJa: {
    id: 'fVJa',
    gender: 'f',
    nomSg: 'я',
    nomPl: 'и',
    sg: [['я'], ['и'], ['е'], ['ю'], ['ей', 'ею'], ['е']],
    pl: [['и'], ['й'], ['ям'], ['и'], ['ями'], ['ях']],
  },
  /** -ья: статья, судья, семья — genitive plural -ей (статей, судей). */
  fJJa: {
    id: 'fJJa',
    gender: 'f',
    nomSg: 'ья',
    nomPl: 'ьи',
    sg: [['ья'], ['ьи'], ['ье'], ['ью'], ['ьей', 'ьею'], ['ье']],
    pl: [['ьи'], ['ей'], ['ьям'], ['ьи'], ['ьями'], ['ьях']],
  },
  /** -ия: Конституция, комиссия — dative and prepositional -ии. */
  fIja: {
    id: 'fIja',
    gender: 'f',
    nomSg: 'я',
    nomPl: 'и',
    sg: [['я'], ['и'], ['и'], ['ю'], ['ей', 'ею'], ['и']],
    pl: [['и'], ['й'], ['ям'], ['и'], ['ями'], ['ях']],
  },
  /** власть, собственность. */
  fSoft: {
    id: 'fSoft',
    gender: 'f',
    nomSg: 'ь',
    nomPl: 'и',
    sg: [['ь'], ['и'], ['и'], ['ь'], ['ью'], ['и']],
    pl: SOFT_PL,
  },
  /** ж ш щ ч + ь (помощь, вещь): plural -ам/-ами/-ах, never -ям. */
  fSoftSibilant: {
    id: 'fSoftSibilant',
    gender: 'f',
    nomSg: 'ь',
    nomPl: 'и',
    sg: [['ь'], ['и'], ['и'], ['ь'], ['ью'], ['и']],
    pl: [['и'], ['ей'], ['ам'], ['и'], ['ами'], ['ах']],
  },
  /** право, Правительство, лицо. */
  nO: {
    id: 'nO',
    gender: 'n',
    nomSg: 'о',
    nomPl: 'а',
    sg: [['о'], ['а'], ['у'], ['о'], ['ом'], ['е']],
    pl: [['а'], [''], ['ам'], ['а'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** ж ш щ ч ц + е: жилище, сердце (hard declension written with е). */
  nEHard: {
    id: 'nEHard',
    gender: 'n',
    nomSg: 'е',
    nomPl: 'а',
    sg: [['е'], ['а'], ['у'], ['е'], ['ем'], ['е']],
    pl: [['а'], [''], ['ам'], ['а'], ['ами'], ['ах']],
    zeroGenPl: true,
  },
  /** Other consonant + е: поле, море. */
  nESoft: {
    id: 'nESoft',
    gender: 'n',
    nomSg: 'е',
    nomPl: 'я',
    sg: [['е'], ['я'], ['ю'], ['е'], ['ем'], ['е']],
    pl: [['я'], ['ей'], ['ям'], ['я'], ['ями'], ['ях']],
  },
  /** -ие: правосудие, постановление — prepositional -ии, genitive plural -ий. */
  nIe: {
    id: 'nIe',
    gender: 'n',
    nomSg: 'е',
    nomPl: 'я',
    sg: [['е'], ['я'], ['ю'], ['е'], ['ем'], ['и']],
    pl: [['я'], ['й'], ['ям'], ['я'], ['ями'], ['ях']],
  },
  /** -ье: воскресенье, ущелье — genitive plural -ий or -ьев (платьев). */
  nJe: {
    id: 'nJe',
    gender: 'n',
    nomSg: 'ье',
    nomPl: 'ья',
    sg: [['ье'], ['ья'], ['ью'], ['ье'], ['ьем'], ['ье']],
    pl: [['ья'], ['ий', 'ьев'], ['ьям'], ['ья'], ['ьями'], ['ьях']],
  },
  /** -мя: время, имя, бремя (бремя доказывания) — stem grows -ен-. */
  nMja: {
    id: 'nMja',
    gender: 'n',
    nomSg: 'мя',
    nomPl: 'мена',
    sg: [['мя'], ['мени'], ['мени'], ['мя'], ['менем'], ['мени']],
    pl: [['мена'], ['мен'], ['менам'], ['мена'], ['менами'], ['менах']],
  },
} as const satisfies Record<string, NounParadigm>;

export type NounParadigmId = keyof typeof NOUN_PARADIGMS;

/** Adjective endings by gender/number: masculine, feminine, neuter, plural. */
export interface AdjectiveParadigm {
  readonly id: string;
  readonly m: CaseEndings;
  readonly f: CaseEndings;
  readonly n: CaseEndings;
  readonly pl: CaseEndings;
}

const HARD_ADJ_F: CaseEndings = [['ая'], ['ой'], ['ой'], ['ую'], ['ой', 'ою'], ['ой']];
const HARD_ADJ_PL: CaseEndings = [['ые'], ['ых'], ['ым'], ['ые'], ['ыми'], ['ых']];
const I_ADJ_PL: CaseEndings = [['ие'], ['их'], ['им'], ['ие'], ['ими'], ['их']];

export const ADJECTIVE_PARADIGMS = {
  /** Конституционный, Верховный, нормативное; stressed -ой (правовой) shares all but the masculine nominative. */
  hard: {
    id: 'hard',
    m: [['ый', 'ой'], ['ого'], ['ому'], ['ый', 'ой'], ['ым'], ['ом']],
    f: HARD_ADJ_F,
    n: [['ое'], ['ого'], ['ому'], ['ое'], ['ым'], ['ом']],
    pl: HARD_ADJ_PL,
  },
  /** г к х stems: -и- for -ы- (судейский → судейским, судейские; другой). */
  velar: {
    id: 'velar',
    m: [['ий', 'ой'], ['ого'], ['ому'], ['ий', 'ой'], ['им'], ['ом']],
    f: HARD_ADJ_F,
    n: [['ое'], ['ого'], ['ому'], ['ое'], ['им'], ['ом']],
    pl: I_ADJ_PL,
  },
  /** ж ш щ ч stems, unstressed ending: Высший → Высшего, общая → общей. */
  sibilant: {
    id: 'sibilant',
    m: [['ий'], ['его'], ['ему'], ['ий'], ['им'], ['ем']],
    f: [['ая'], ['ей'], ['ей'], ['ую'], ['ей', 'ею'], ['ей']],
    n: [['ее'], ['его'], ['ему'], ['ее'], ['им'], ['ем']],
    pl: I_ADJ_PL,
  },
  /** ж ш щ ч stems, stressed ending: большой → большого, большая → большой. */
  sibilantStressed: {
    id: 'sibilantStressed',
    m: [['ой'], ['ого'], ['ому'], ['ой'], ['им'], ['ом']],
    f: HARD_ADJ_F,
    n: [['ое'], ['ого'], ['ому'], ['ое'], ['им'], ['ом']],
    pl: I_ADJ_PL,
  },
  /** Soft stems in -н-: внутренний, последний → внутреннего, внутренняя. */
  soft: {
    id: 'soft',
    m: [['ий'], ['его'], ['ему'], ['ий'], ['им'], ['ем']],
    f: [['яя'], ['ей'], ['ей'], ['юю'], ['ей', 'ею'], ['ей']],
    n: [['ее'], ['его'], ['ему'], ['ее'], ['им'], ['ем']],
    pl: I_ADJ_PL,
  },
  /** Possessive-type -ий with ь (третий → третьего, третье лицо → третьих лиц). Stem without -ий/-ья/-ье/-ьи. */
  possessive: {
    id: 'possessive',
    m: [['ий'], ['ьего'], ['ьему'], ['ий'], ['ьим'], ['ьем']],
    f: [['ья'], ['ьей'], ['ьей'], ['ью'], ['ьей', 'ьею'], ['ьей']],
    n: [['ье'], ['ьего'], ['ьему'], ['ье'], ['ьим'], ['ьем']],
    pl: [['ьи'], ['ьих'], ['ьим'], ['ьи'], ['ьими'], ['ьих']],
  },
} as const satisfies Record<string, AdjectiveParadigm>;

export type AdjectiveParadigmId = keyof typeof ADJECTIVE_PARADIGMS;

/** Adjective nominative endings → the gender/number they mark. Two letters each. */
export const ADJECTIVE_ENDINGS: Readonly<Record<string, Gender | 'pl'>> = {
  ый: 'm',
  ий: 'm',
  ой: 'm',
  ая: 'f',
  яя: 'f',
  ое: 'n',
  ее: 'n',
  ые: 'pl',
  ие: 'pl',
};

/**
 * Reflexive participles: the postfix -ся follows every ending of the
 * participle (вновь открывшиеся обстоятельства → вновь открывшихся
 * обстоятельств, открывшимися; находящийся → находящегося). A word is one
 * when it ends in -ся and, without it, is an adjective whose stem ends in one
 * of these letters (-щий-ся, -ший-ся: every active participle).
 */
export const REFLEXIVE_POSTFIX = 'ся';
export const REFLEXIVE_PARTICIPLE_STEM_ENDS = new Set(['щ', 'ш']);

/** Possessive-type adjectives (stem + ending → paradigm `possessive`), listed because -ье/-ья/-ьи are noun endings too. */
export const POSSESSIVE_ADJECTIVES: Readonly<
  Record<string, { stem: string; form: Gender | 'pl' }>
> = {
  третий: { stem: 'трет', form: 'm' },
  третья: { stem: 'трет', form: 'f' },
  третье: { stem: 'трет', form: 'n' },
  третьи: { stem: 'трет', form: 'pl' },
};

/**
 * Sibilant stems whose adjective ending is stressed (большая → большой палаты).
 * The others are unstressed (общая → общей, действующая → действующей): the
 * feminine -ая alone does not tell, and большей/общой would be wrong forms.
 */
export const STRESSED_SIBILANT_ADJECTIVE_STEMS = new Set(['больш', 'чуж', 'меньш']);
