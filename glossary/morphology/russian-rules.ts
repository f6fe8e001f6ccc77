/**
 * Russian declension as data: the ending tables of nouns and adjectives
 * (russian-endings.ts, re-exported here), the word lists that decide which
 * words of a term decline, and an exceptions lexicon. The russian*.ts modules
 * only read these tables; every linguistic decision lives here, with the
 * reason for it.
 *
 * All strings are folded (lowercase, ё written as е): the generator works on
 * folded words and its output must equal `foldTerm` of the text form.
 *
 * Case order everywhere: nominative, genitive, dative, accusative (inanimate),
 * instrumental, prepositional. The animate accusative is not stored: it equals
 * the genitive for masculine singular and for every plural, and the accusative
 * column otherwise (see `russian-slots.ts`).
 */

import type { CaseEndings, Gender, NounParadigmId } from './russian-endings';

export * from './russian-endings';

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
