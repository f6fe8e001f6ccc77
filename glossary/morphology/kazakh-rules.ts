/**
 * Kazakh nominal morphology as data: letter classes, allomorph tables for every
 * suffix of the nominal chain, and the lexical lists (vowel-dropping stems,
 * stems that do not voice, loans with an inserted -і-, ambiguous forms).
 *
 * Suffix templates use archiphonemes written as Latin capitals (they can never
 * clash with a folded Cyrillic letter), after apertium-kaz:
 *   A → а (back) / е (front)      I → ы / і
 *   G → ғ / г  (voiced velar)      Q → қ / к  (voiceless velar)
 * Consonant alternations that depend on the stem's last sound (л/д/т, н/д/т,
 * м/б/п …) are not archiphonemes here: each table lists the template per
 * FinalClass instead, which keeps the rules readable and exact.
 *
 * Everything is folded text (see normalize.foldTerm): lowercase, ё → е.
 */

export type Harmony = 'back' | 'front';

/**
 * What a suffix's first consonant depends on: the stem's last sound.
 * - V:   a vowel (а ә е ы і о ө ұ ү э ю я)
 * - RYU: р й у (and и, read as ый/ій) — sonorants that take л- in the plural
 * - L:   л — a sonorant that takes д- in the plural
 * - ZJ:  з ж — voiced; instrumental -бен
 * - MNN: м н ң — nasals; genitive/ablative in н-
 * - K:   voiceless п к қ с т ш ф х ц ч щ һ, and б в г д, which end loanwords and
 *        are devoiced there (код → кодты)
 */
export type FinalClass = 'V' | 'RYU' | 'L' | 'ZJ' | 'MNN' | 'K';

export const FINAL_CLASSES: readonly FinalClass[] = ['V', 'RYU', 'L', 'ZJ', 'MNN', 'K'];

/** Vowels that make the following suffixes back. */
export const BACK_VOWELS = 'аоұыяю';
/** Vowels that make the following suffixes front. */
export const FRONT_VOWELS = 'әеөүіиэ';
/** Every letter that counts as a vowel for the vowel/consonant start of a suffix. */
export const VOWELS = 'аәеоөұүыіиэюя';

/** Final letter → FinalClass. A letter not listed ends no inflectable word (digits, Latin). */
export const FINAL_CLASS_OF: Readonly<Record<string, FinalClass>> = (() => {
  const t: Record<string, FinalClass> = {};
  for (const c of 'аәеоөұүыіэюя') t[c] = 'V';
  for (const c of 'рйуи') t[c] = 'RYU';
  t['л'] = 'L';
  for (const c of 'зж') t[c] = 'ZJ';
  for (const c of 'мнң') t[c] = 'MNN';
  for (const c of 'пкқстшфхцчщһбвгд') t[c] = 'K';
  return t;
})();

/**
 * A final ю after a vowel is й + the verbal-noun suffix -у (қой- + -у → қою,
 * жой- + -у → жою, қи- + -у → қию): it inflects like the у of сайлау,
 * жүргізу (class RYU: қоюдың, қоюға, қоюды, қоюы, қоюлар; GUIDE §3) and has no
 * harmony of its own (the vowel before it decides). These are the vowels it
 * may follow; after ь (интервью) it is the vowel of a loan (class V).
 */
export const VERBAL_NOUN_YU_AFTER = 'аәеоөұүыіи';

/**
 * у is the vowel u of a Russian loan, and so decides a back harmony, when it
 * stands before a consonant after a consonant (референдум, институт: the
 * general rule) or after one of these vowels: -иус, -иум (нотариус →
 * нотариустың, нотариусқа; радиус, консорциум). Native Kazakh spelling never
 * writes и + у (й + у is ю: қию), so this touches loans only.
 */
export const VOWELS_BEFORE_LOAN_U = 'и';

/**
 * Words whose endings do not follow the harmony of their last vowel, by the
 * harmonies they take, the usual one first. куә is written with back endings
 * in the codes (куәның, куәға, куәдан, куәлар: the spoken куа), and with front
 * ones too (куәнің, Criminal Procedure Code art. 26, 115, 274): both are
 * matched. Derived words (куәлік, куәгер) follow the normal rule.
 */
export const HARMONY_EXCEPTIONS: Readonly<Record<string, readonly Harmony[]>> = {
  куә: ['back', 'front'],
};

/** Placeholder → [back, front] realisation. */
export const ARCHIPHONEMES: Readonly<Record<string, readonly [string, string]>> = {
  A: ['а', 'е'],
  I: ['ы', 'і'],
  G: ['ғ', 'г'],
  Q: ['қ', 'к'],
};

/** A suffix slot: its templates per final class (several where usage varies). */
export type AllomorphTable = Readonly<Record<FinalClass, readonly string[]>>;

/** Build a table from the three usual groups: after vowels, voiced consonants, voiceless. */
function byVoicing(vowel: string, voiced: string, voiceless: string): AllomorphTable {
  return {
    V: [vowel],
    RYU: [voiced],
    L: [voiced],
    ZJ: [voiced],
    MNN: [voiced],
    K: [voiceless],
  };
}

/** Plural -лар/-дар/-тар: л after vowels and р й у; д after л м н ң з ж; т after voiceless. */
export const PLURAL: AllomorphTable = {
  V: ['лAр'],
  RYU: ['лAр'],
  L: ['дAр'],
  ZJ: ['дAр'],
  MNN: ['дAр'],
  K: ['тAр'],
};

/**
 * Case endings (and the -дағы / -дай / -ша endings, which attach at the same
 * place) on a stem that carries no 3rd-person possessive. The nominative is ''.
 */
export const CASES: readonly { readonly name: string; readonly table: AllomorphTable }[] = [
  { name: 'nominative', table: byVoicing('', '', '') },
  // Genitive: н after vowels and nasals, д after other voiced consonants, т after voiceless.
  {
    name: 'genitive',
    table: { V: ['нIң'], RYU: ['дIң'], L: ['дIң'], ZJ: ['дIң'], MNN: ['нIң'], K: ['тIң'] },
  },
  { name: 'dative', table: byVoicing('GA', 'GA', 'QA') },
  { name: 'accusative', table: byVoicing('нI', 'дI', 'тI') },
  { name: 'locative', table: byVoicing('дA', 'дA', 'тA') },
  // Attributive: locative + -ғы/-гі (соттағы, мемлекеттегі).
  { name: 'attributive', table: byVoicing('дAGI', 'дAGI', 'тAGI') },
  // Ablative: н after nasals only (заңнан), otherwise like the locative.
  {
    name: 'ablative',
    table: { V: ['дAн'], RYU: ['дAн'], L: ['дAн'], ZJ: ['дAн'], MNN: ['нAн'], K: ['тAн'] },
  },
  // Instrumental has no front/back pair: always -мен/-бен/-пен. After м н ң
  // both -мен (the norm: заңмен) and -бен (older texts: заңбен) are written.
  {
    name: 'instrumental',
    table: {
      V: ['мен'],
      RYU: ['мен'],
      L: ['мен'],
      ZJ: ['бен'],
      MNN: ['мен', 'бен'],
      K: ['пен'],
    },
  },
  { name: 'similative', table: byVoicing('дAй', 'дAй', 'тAй') },
  { name: 'equative', table: byVoicing('шA', 'шA', 'шA') },
];

/** The dative after a 1st/2nd person singular possessive is a bare vowel (үйіме, сотыңа). */
export const DATIVE_AFTER_1SG_2SG = 'A';

/** Possessive endings other than the 3rd person; cases follow by the ending's last sound. */
export const POSSESSIVES: readonly {
  readonly name: string;
  readonly afterVowel: string;
  readonly afterConsonant: string;
  /** The dative after it is -а/-е instead of -ға/-ге. */
  readonly bareDative: boolean;
}[] = [
  { name: '1sg', afterVowel: 'м', afterConsonant: 'Iм', bareDative: true },
  { name: '2sg', afterVowel: 'ң', afterConsonant: 'Iң', bareDative: true },
  { name: '2sg formal', afterVowel: 'ңIз', afterConsonant: 'IңIз', bareDative: false },
  { name: '1pl', afterVowel: 'мIз', afterConsonant: 'IмIз', bareDative: false },
  { name: '2pl', afterVowel: 'ңдAр', afterConsonant: 'IңдAр', bareDative: false },
];

/** 3rd-person possessive: -сы/-сі after vowels, -ы/-і after consonants. */
export const POSSESSIVE_3 = { afterVowel: 'сI', afterConsonant: 'I' } as const;

/**
 * What may follow a 3rd-person possessive (the "pronominal n"): nominative,
 * genitive -ның, dative -на, accusative -н, locative -нда, attributive -ндағы,
 * ablative -нан, instrumental -мен, similative -ндай, equative -нша.
 */
export const AFTER_POSSESSIVE_3: readonly string[] = [
  '',
  'нIң',
  'нA',
  'н',
  'ндA',
  'ндAGI',
  'нAн',
  'мен',
  'ндAй',
  'ншA',
];

/**
 * Final voiceless stops that voice between vowels: төрелік → төрелігі,
 * құқық → құқығы, кітап → кітабы. Reverse map used to recover an izafet base.
 */
export const VOICING: Readonly<Record<string, string>> = { к: 'г', қ: 'ғ', п: 'б' };
export const DEVOICING: Readonly<Record<string, string>> = { г: 'к', ғ: 'қ', б: 'п' };

/**
 * Letters only Russian loanwords have; a word containing one does not voice
 * its last consonant (no general rule applies to loans).
 */
export const LOANWORD_LETTERS = 'вфхцчщэюяьъ';

/**
 * Letters only Kazakh has. A final stop whose syllable holds one (the native
 * suffixes -лық/-лік/-дық/-тік…, any final қ) voices even when the word before
 * it is a loan with a LOANWORD_LETTERS letter: ведомство + -лық → ведомстволығы,
 * жария + -лы + -лық → жариялылығы, құпия + -лық → құпиялығы.
 */
export const KAZAKH_ONLY_LETTERS = 'әғқңөұүһі';

/** Stems ending in vowel + к/қ/п that keep the stop before a vowel (Russian loans). */
export const NON_VOICING_STEMS: ReadonlySet<string> = new Set([
  'принцип',
  'тип',
  'прототип',
  'стереотип',
  'клип',
  'блок',
  'шок',
  'рок',
  'док',
  'бук',
]);

/**
 * Stems whose last vowel drops before a vowel-initial suffix (мүлік → мүлкі,
 * халық → халқы, орын → орны). The dropped stem never voices (халқы, not
 * халғы). `both`: the full stem is written too (дауысы and даусы both occur).
 */
export const VOWEL_DROPPING_STEMS: Readonly<Record<string, { readonly both: boolean }>> = {
  мүлік: { both: false },
  халық: { both: false },
  орын: { both: false },
  ауыз: { both: false },
  ерін: { both: false },
  мұрын: { both: false },
  ерік: { both: false },
  нарық: { both: false },
  құлық: { both: false },
  қалып: { both: false },
  әріп: { both: false },
  ғұрып: { both: false },
  көрік: { both: false },
  бөрік: { both: false },
  қойын: { both: false },
  қарын: { both: false },
  зауық: { both: false },
  парық: { both: false },
  дауыс: { both: true },
};

/**
 * Loans ending in a consonant cluster that take an inserted front -і- before
 * every suffix (сот актісі, актілер, актіге, актіні; фактілер). Their bare
 * form takes no suffix.
 */
export const EPENTHETIC_I_STEMS: ReadonlySet<string> = new Set([
  'акт',
  'факт',
  'пакт',
  'контракт',
  'объект',
  'субъект',
  'проект',
  'аспект',
  'текст',
  'пункт',
  'банк', // Ұлттық Банкінің (2026 art. 46.5)
  'митинг', // митингілер (1995 art. 32)
]);

/**
 * Words that end in a 3rd-person possessive frozen into the stem (от + басы
 * "hearth" = "family"). Besides the plain paradigm of the whole word
 * (отбасылар, отбасым) they take the endings that follow a possessive:
 * отбасын, отбасына, отбасында, not *отбасыны, *отбасыға.
 */
export const FROZEN_POSSESSIVE_STEMS: ReadonlySet<string> = new Set(['отбасы']);

/**
 * Older or colloquial spellings still common in real text, by the standard
 * stem they stand for: the 1990s spelling құқы (адамның құқы мен
 * бостандықтары, құқылары) of құқығы, құқықтары. Every listed form is matched
 * for a term whose last word is the stem (or its izafet form: құқығы,
 * құқықтары), and reported approximate (they are in AMBIGUOUS_FORMS).
 */
export const VARIANT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  құқық: [
    'құқы',
    'құқының',
    'құқына',
    'құқын',
    'құқында',
    'құқынан',
    'құқымен',
    'құқылар',
    'құқылардың',
    'құқыларға',
    'құқыларды',
    'құқыларда',
    'құқылардан',
    'құқылармен',
    'құқылары',
    'құқыларының',
    'құқыларына',
    'құқыларын',
    'құқыларында',
    'құқыларынан',
    'құқыларымен',
  ],
};

/**
 * An all-capital last word this long or shorter is an abbreviation (ҚР, ҚХК,
 * ЖОО); a longer one is a word typed in capitals and inflects normally.
 */
export const MAX_ABBREVIATION_LENGTH = 6;

/**
 * Folded forms that inflect a term but are more often a different, derived
 * word. Mostly accusatives in -ды/-ты that coincide with adjectives in
 * -лы/-ды/-ты ("having X"), plus forms of орын that coincide with the verb
 * орында- "to carry out"; and the variant spellings above. The matcher
 * reports these as approximate.
 */
export const AMBIGUOUS_FORMS: ReadonlySet<string> = new Set([
  ...Object.values(VARIANT_SPELLINGS).flat(), // not the standard spelling
  'заңды', // accusative of заң / "lawful"
  'сотты', // accusative of сот / "convicted"
  'құқықты', // accusative of құқық / "entitled"
  'ерікті', // accusative of ерік / "voluntary"
  'еркін', // ерік + 3rd possessive + accusative / "free"
  'міндетті', // accusative of міндет / "obligatory"
  'жауапты', // accusative of жауап / "responsible"
  'мүлікті', // accusative of мүлік / "propertied"
  'айыпты', // accusative of айып / "guilty"
  'күшті', // accusative of күш / "strong"
  'құнды', // accusative of құн / "valuable"
  'қауіпті', // accusative of қауіп / "dangerous"
  'дәлелді', // accusative of дәлел / "proven"
  'мәнді', // accusative of мән / "meaningful"
  'тиісті', // accusative of тиіс / "appropriate"
  'орында', // locative of орын / "carry out!"
  'орындар', // plural of орын / "will carry out"
  'орындай', // similative of орын / "carrying out"
  'істе', // locative of іс / "do!"
]);
