/**
 * Russian declension as data: the ending tables of nouns and adjectives, the
 * word lists that decide which words of a term decline, and an exceptions
 * lexicon. `russian.ts` only reads these tables; every linguistic decision
 * lives here, with the reason for it.
 *
 * All strings are folded (lowercase, ё written as е): the generator works on
 * folded words and its output must equal `foldTerm` of the text form.
 *
 * Case order everywhere: nominative, genitive, dative, accusative (inanimate),
 * instrumental, prepositional. The animate accusative is not stored: it equals
 * the genitive for masculine singular and for every plural, and the accusative
 * column otherwise (see `russian.ts`).
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

/** Letters of the Kazakh alphabet absent from Russian: a term with one of them is Kazakh and does not decline. */
export const KAZAKH_LETTERS = new Set('әғқңөұүһі');

/** г к х: velar consonants (spelling rule: и, not ы, after them). */
export const VELARS = new Set(['г', 'к', 'х']);
/** ж ш щ ч: sibilants (spelling rule: и, not ы; е, not о, when unstressed). */
export const SIBILANTS = new Set(['ж', 'ш', 'щ', 'ч']);
export const VOWELS = new Set(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);
/** The Russian alphabet (folded): a word with any other letter (Kazakh ә қ ү, Latin) does not decline. */
export const RUSSIAN_LETTERS = new Set('абвгдежзийклмнопрстуфхцчшщъыьэюя');

/**
 * Words that end a declinable group: prepositions (Уполномоченный по правам
 * человека), conjunctions (handled separately for coordination), pronouns and
 * particles (they would otherwise look like nouns in -о/-е/-и).
 */
export const PREPOSITIONS = new Set([
  'в',
  'во',
  'на',
  'по',
  'о',
  'об',
  'обо',
  'от',
  'ото',
  'до',
  'из',
  'изо',
  'за',
  'над',
  'под',
  'при',
  'про',
  'с',
  'со',
  'у',
  'к',
  'ко',
  'для',
  'без',
  'через',
  'между',
  'перед',
  'после',
  'против',
  'среди',
  'вне',
  'ради',
  'согласно',
  'вследствие',
  'путем',
  'кроме',
  'вместо',
  'около',
]);

/** Coordinating conjunctions: a noun group right after the head declines with it (права и свободы). */
export const CONJUNCTIONS = new Set(['и', 'или', 'либо', 'а', 'но', 'да']);

/** Conjunctions that coordinate the head with the next group. */
export const COORDINATORS = new Set(['и', 'или', 'либо']);

export const FUNCTION_WORDS = new Set([
  'не',
  'ни',
  'же',
  'ли',
  'бы',
  'его',
  'ее',
  'их',
  'это',
  'то',
  'что',
  'как',
  'также',
  'тоже',
  'так',
  'все',
  'всех',
]);

/**
 * Indeclinable loans ending in a vowel that would otherwise look like a neuter
 * noun in -о/-е (бюро would become *бюра). Words in -и -у -ю -э are
 * indeclinable by shape and need no listing.
 */
export const INDECLINABLE = new Set([
  'бюро',
  'депо',
  'кино',
  'метро',
  'пальто',
  'радио',
  'вето',
  'эмбарго',
  'кредо',
  'сальдо',
  'нетто',
  'брутто',
  'авизо',
  'лото',
  'казино',
  'портфолио',
  'трио',
  'фото',
  'видео',
  'аудио',
  'манифесто',
  'кафе',
  'резюме',
  'досье',
  'атташе',
  'коммюнике',
  'шоссе',
  'турне',
  'кашне',
  'пюре',
  'купе',
  'реноме',
  'карате',
  'кюре',
  'пенсне',
  'фойе',
  'макраме',
  'кофе',
  'статус-кво',
  'ноу-хау',
  // Vowel-final by shape, listed so that -и is not read as a plural.
  'жюри',
  'такси',
  'алиби',
  'пари',
  'хобби',
  'леди',
]);

/**
 * Masculine nouns that look like adjectives in -ой (герой would be read as an
 * adjective and leave the phrase without a head). One-syllable -ой words
 * (строй, бой, слой) are nouns by rule and need no listing.
 */
export const NOUNS_IN_OI = new Set([
  'герой',
  'конвой',
  'покой',
  'разбой',
  'устой',
  'настрой',
  'застой',
  'прибой',
  'отбой',
  'запой',
  'удой',
  'постой',
  'перегной',
  'водопой',
  'забой',
  'отстой',
]);

/** One-syllable adjectives in -ой: the one-syllable rule above would make them nouns. */
export const SHORT_ADJECTIVES_IN_OI = new Set(['злой']);

/**
 * Nouns that are also adjectives in the same letters (простой "downtime" /
 * простой "simple"). Such a word is read as an adjective when a noun follows
 * it in the term (простой вексель → простого векселя) and as a masculine noun
 * when it is the head (простой, вынужденный простой, простой по вине
 * работодателя → простоя, простою, простоем, простое, простои, простоев), never
 * as a substantivized adjective. Other forms of the adjective (простое
 * товарищество, простая письменная форма) are unaffected.
 *
 * Value: forms of the noun left out when no adjective precedes it, because
 * in text they are nearly always the adjective: the prepositional (о) простое
 * is the neuter простое of простое товарищество, простое большинство (8 times
 * in the codes, never the noun). With an adjective (в вынужденном простое) the
 * phrase tells them apart, and the form is kept.
 */
export const NOUN_ADJECTIVE_HOMONYMS: Readonly<Record<string, readonly string[]>> = {
  простой: ['простое'],
};

/** Nouns in -ая/-яя/-ие/-ий that the ending rules would take for adjectives. */
export const NOUNS_LIKE_ADJECTIVES = new Set(['стая', 'свая', 'гений', 'оружие', 'наличие']);

/** Endings of nouns in -ие after ж/ч that the ending rules would take for adjectives (различие, отличие, безоружие). */
export const NOUN_ENDINGS_LIKE_ADJECTIVES: readonly string[] = ['личие', 'ружие'];

/**
 * Masculine nouns whose nominative plural is -а/-я. 'only': the -ы plural is
 * wrong; 'both': both are in use (договоры/договора).
 */
export const MASCULINE_PLURAL_A: Readonly<Record<string, 'only' | 'both'>> = {
  округ: 'only',
  директор: 'only',
  паспорт: 'only',
  адрес: 'only',
  номер: 'only',
  город: 'only',
  профессор: 'only',
  доктор: 'only',
  дом: 'only',
  счет: 'only',
  век: 'both',
  голос: 'only',
  остров: 'only',
  берег: 'only',
  том: 'only',
  цвет: 'only',
  ордер: 'only',
  инспектор: 'both',
  договор: 'both',
  сектор: 'both',
  // Labour Code: ежегодные оплачиваемые трудовые отпуска, графики отпусков.
  отпуск: 'only',
  // пропуск "pass" → пропуска, пропуск "omission" (пропуск срока) → пропуски.
  пропуск: 'both',
  // Also in legal text: поезда, корпуса, мастера, катера, сорта.
  поезд: 'only',
  корпус: 'only',
  мастер: 'only',
  катер: 'only',
  сорт: 'only',
  // Regular in legal usage, so not listed: срок → сроки, орган → органы,
  // приговор → приговоры, прокурор → прокуроры, район → районы.
};

/**
 * Fleeting vowels of masculine nouns: the vowel of the last syllable drops
 * when an ending follows (отец → отца, порядок → порядка, перечень → перечня).
 * Only words of two or more syllables: one-syllable stems keep their vowel
 * (срок, жрец). Each entry is a folded word ending whose first letter (the
 * vowel) may drop.
 * - `sure`: the vowel drops in nearly every such word (-ец, -ок), so only the
 *   short stem is generated; `NO_FLEETING` lists the exceptions.
 * - otherwise (-ек, -ень, -ел: человек, бюллетень, отдел keep the vowel) both
 *   stems are generated: the wrong one is never a real word (*человка,
 *   *бюллетня), while missing the right one would lose matches.
 */
export const MASCULINE_FLEETING_ENDINGS: readonly {
  readonly ending: string;
  readonly sure: boolean;
}[] = [
  { ending: 'ок', sure: true },
  { ending: 'ец', sure: true },
  { ending: 'ек', sure: false },
  { ending: 'ень', sure: false },
  { ending: 'ел', sure: false },
];

/**
 * Stems that look like a fleeting-vowel pattern but keep the vowel, where the
 * dropped form would be another real word (урок → *урка).
 */
export const NO_FLEETING = new Set([
  'урок',
  'поток',
  'восток',
  'исток',
  'приток',
  'знаток',
  'игрок',
  'порок',
  'пророк',
  'челнок',
  'близнец',
  'мертвец',
  'храбрец',
  'хитрец',
]);

/**
 * Feminine and neuter genitive plurals insert a vowel into a final
 * consonant + к/н/л cluster (ссылка → ссылок, сделка → сделок, число → чисел).
 * Key: the last consonant of the stem; value: the vowel inserted before it
 * (е after ж ш ч щ ц, where й/ь become е: копейка → копеек).
 */
export const GEN_PL_INSERTION: Readonly<
  Record<string, { readonly vowel: string; readonly feminine: boolean }>
> = {
  // Feminine: only -к- is regular enough (норма → норм, карта → карт have no insertion).
  к: { vowel: 'о', feminine: true },
  // Neuter: окно → окон, число → чисел, бревно → бревен; the plain form is kept too.
  н: { vowel: 'е', feminine: false },
  л: { vowel: 'е', feminine: false },
};

/** Gender of nouns in -ь by their ending: -тель and -арь masculine; -ость, -знь, -сть and ж ш щ ч + ь feminine. */
export const SOFT_SIGN_GENDER: readonly (readonly [ending: string, gender: Gender])[] = [
  ['тель', 'm'],
  // Polysyllabic -ень: перечень, бюллетень, уровень (степень, ступень are in the lexicon).
  ['ень', 'm'],
  ['арь', 'm'],
  ['ость', 'f'],
  ['есть', 'f'],
  ['сть', 'f'],
  ['знь', 'f'],
  ['жь', 'f'],
  ['шь', 'f'],
  ['щь', 'f'],
  ['чь', 'f'],
];

/** Full word forms by case (not endings): the suppletive and irregular cells of the lexicon. */
export type CaseForms = CaseEndings;

/**
 * Exceptions lexicon: nouns whose paradigm the ending rules cannot find.
 * - `paradigms`: tables to use.
 * - `stem`: the stem of every form but the nominative singular (fleeting vowels: посол → посла).
 * - `plural`: the term is a plural (given in the plural): only plural forms.
 * - `extraSg`/`extraPl`: whole forms added to a case; `replacePl`: the plural is only `extraPl`.
 */
export interface NounException {
  readonly paradigms: readonly NounParadigmId[];
  readonly stem?: string;
  readonly plural?: boolean;
  readonly extraSg?: CaseForms;
  readonly extraPl?: CaseForms;
  readonly replacePl?: boolean;
}

export const NOUN_LEXICON: Readonly<Record<string, NounException>> = {
  // Neuter plurals in -а: read as feminine singulars they would give правой, правы:
  // other real words (the adjective правый).
  права: { paradigms: ['nO'], plural: true },
  дела: { paradigms: ['nO'], plural: true },
  лица: { paradigms: ['nO'], plural: true },
  средства: { paradigms: ['nO'], plural: true },
  обязательства: { paradigms: ['nO'], plural: true },
  // Given in the plural, masculine (-ов). A feminine reading would add the zero
  // genitive выбор, which is another word ("choice").
  выборы: { paradigms: ['mHard'], plural: true },
  органы: { paradigms: ['mHard'], plural: true },
  интересы: { paradigms: ['mHard'], plural: true },
  расходы: { paradigms: ['mHard'], plural: true },
  доходы: { paradigms: ['mHard'], plural: true },
  споры: { paradigms: ['mHard'], plural: true },
  налоги: { paradigms: ['mVelar'], plural: true },
  // Given in the plural, feminine (zero genitive plural: свобод, сил, норм).
  свободы: { paradigms: ['fA'], plural: true },
  силы: { paradigms: ['fA'], plural: true },
  нормы: { paradigms: ['fA'], plural: true },
  меры: { paradigms: ['fA'], plural: true },
  деньги: { paradigms: ['fAVelar'], plural: true, extraPl: [[], ['денег'], [], [], [], []] },
  // Suppletive plurals.
  человек: {
    paradigms: ['mVelar'],
    replacePl: true,
    extraPl: [['люди'], ['людей', 'человек'], ['людям'], ['люди'], ['людьми'], ['людях']],
  },
  ребенок: {
    paradigms: ['mVelar'],
    stem: 'ребенк',
    replacePl: true,
    extraPl: [['дети'], ['детей'], ['детям'], ['дети'], ['детьми'], ['детях']],
  },
  // Fleeting vowels the patterns miss.
  посол: { paradigms: ['mHard'], stem: 'посл' },
  заем: { paradigms: ['mHard'], stem: 'займ' },
  // путь: masculine with feminine-like endings except the instrumental путем.
  путь: { paradigms: ['fSoft'], extraSg: [[], [], [], [], ['путем'], []] },
  // Feminine -ь with a fleeting vowel.
  ложь: { paradigms: ['fSoftSibilant'], stem: 'лж' },
  любовь: { paradigms: ['fSoft'], stem: 'любв' },
  церковь: { paradigms: ['fSoft'], stem: 'церкв' },
  // Gender of -ь words the endings leave open.
  степень: { paradigms: ['fSoft'] },
  ступень: { paradigms: ['fSoft'] },
  тень: { paradigms: ['fSoft'] },
  лень: { paradigms: ['fSoft'] },
  мигрень: { paradigms: ['fSoft'] },
  дань: { paradigms: ['fSoft'] },
  сеть: { paradigms: ['fSoft'] },
  мать: { paradigms: ['fSoft'], stem: 'матер' },
  дочь: { paradigms: ['fSoft'], stem: 'дочер' },
  день: { paradigms: ['mSoft'], stem: 'дн' },
  рубль: { paradigms: ['mSoft'] },
  // Plural on another stem: судно → суда, судов, судам (the singular is regular).
  // (суда, судов, судам… are also forms of суд: the matcher tells the senses.)
  судно: {
    paradigms: ['nO'],
    replacePl: true,
    extraPl: [['суда'], ['судов'], ['судам'], ['суда'], ['судами'], ['судах']],
  },
  // Genitive plurals the insertion rule gets wrong.
  окно: { paradigms: ['nO'], extraPl: [[], ['окон'], [], [], [], []] },
  земля: { paradigms: ['fJa'], extraPl: [[], ['земель'], [], [], [], []] },
};

/**
 * Adverbs that modify an adjective or participle in a term and never change:
 * "особо тяжкое преступление" → "особо тяжких преступлений", "вновь
 * открывшиеся обстоятельства" → "вновь открывшихся обстоятельств". A listed
 * adverb is never read as a noun, wherever it stands before the head. Besides
 * these, any word in -но standing before an adjective is read as an adverb
 * (безвестно отсутствующий).
 */
export const ADVERBS: ReadonlySet<string> = new Set([
  'особо',
  'более',
  'менее',
  'наиболее',
  'наименее',
  'весьма',
  'крайне',
  'очень',
  'заведомо',
  'вновь',
  'впервые',
  'повторно',
  'ранее',
  'впредь',
  'временно',
  'безвестно',
]);
