/**
 * The context rules of the core: the legal cue words that make a sentence
 * legal, and quiet rules by term for entries whose data files this table
 * stands in for (an entry's own `quiet` rules for a language win over a row).
 * How to declare rules: glossary/README.md, "Senses and quiet words".
 */
import type { ContextRule, Lang, WordTest } from './types';

/**
 * Words that make a sentence legal by themselves (`legalContext`): references
 * to articles, clauses and codes. Glossary terms that are not quiet count too
 * (glossary/context.ts), so закон, суд, Конституция need not be listed.
 */
export const LEGAL_CUES: WordTest = {
  words: ['ст', 'п', 'пп', 'подп', 'бап', 'бабы', 'бабын', 'бабына', 'бабында', 'бабының'],
  prefixes: [
    'стать',
    'пункт',
    'подпункт',
    'тармақ',
    'тармағ',
    'баптар',
    'баптың',
    'кодекс',
    'законодательств',
    'заңнама',
    'нормативн',
    'нормативтік',
  ],
};

/** Only where the sentence is legal. */
export const LEGAL_ONLY: ContextRule[] = [{ legalContext: true }];

/** A quiet rule for whichever entry has this term (or variant) in this language. */
export interface QuietTerm {
  lang: Lang;
  term: string;
  when: ContextRule[];
}

/** Terms of one language highlighted only in a legal sentence. */
const legalOnly = (lang: QuietTerm['lang'], terms: readonly string[]): QuietTerm[] =>
  terms.map((term) => ({ lang, term, when: LEGAL_ONLY }));

/**
 * Quiet rules by term, for entries of data files maintained elsewhere (the
 * code files): a row applies to every entry that has the term or variant in
 * that language and declares no `quiet` rule of its own for the language, so
 * the rows survive entries moving between files and changing ids. A row that
 * names no bundled term does nothing. Move a row onto its entry when the
 * entry's file is next edited.
 *
 * The abbreviations are ambiguous outside law: АПК is also the agro-industrial
 * complex on Russian pages, УК a management company, АК, ГК, ТК common
 * shorthands. Every abbreviation is matched only in capitals whatever this
 * table says (glossary/context.ts).
 */
export const QUIET_TERMS: readonly QuietTerm[] = [
  ...legalOnly('kk', ['АПК', 'АК', 'ЕК']),
  ...legalOnly('ru', ['УК', 'ГК', 'ТК']),
  {
    lang: 'ru',
    term: 'определение',
    when: [{ legalContext: true }, { next: { prefixes: ['суд', 'судь', 'коллеги'] } }],
  },
  // Words of the code files common in news, shops and everyday prose.
  {
    lang: 'ru',
    term: 'срок',
    when: [
      { legalContext: true },
      {
        next: {
          prefixes: ['полномоч', 'давност', 'исковой', 'наказан', 'лишени', 'обжалован', 'действи'],
        },
      },
    ],
  },
  ...legalOnly('ru', ['предприятие', 'гарантия', 'отпуск']),
  ...legalOnly('kk', ['мерзім', 'кәсіпорын', 'кепілдік', 'демалыс', 'анықтау']),
  // Everyday words that are also terms of the codes: legal only beside other terms or cue words.
  ...legalOnly('ru', [
    'производство',
    'заявление',
    'сторона',
    'специалист',
    'деньги',
    'вещь',
    'фонд',
    'акция',
    'вклад',
    'защита',
    'протокол',
    'карантин',
    'долг',
    'уведомление',
    'запрос',
    'труд',
    'занятость',
    'оптимизация',
    'находка',
    'спор',
    'свидетель',
    'экспертиза',
    'сделка',
    'залог',
    'жалоба',
  ]),
  ...legalOnly('kk', [
    'арыз',
    'ақша',
    'зат',
    'қор',
    'акция',
    'карантин',
    'борыш',
    'жеткізу',
    'хабарлама',
    'еңбек',
    'олжа',
    'дау',
    'сараптама',
    'мәміле',
    'кепіл',
    'шағым',
    'маман',
    'хаттама',
    'тарап',
  ]),
  // «алу» (выемка) is also the verb "to take" in every other sentence: only as the
  // investigative action named beside its neighbours.
  {
    lang: 'kk',
    term: 'алу',
    when: [
      { prev: { words: ['тінту', 'тінтуді', 'және'] } },
      { next: { words: ['туралы', 'жүргізу', 'жүргізілді', 'кезінде', 'хаттамасы'] } },
    ],
  },
];
