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
  { lang: 'kk', term: 'АПК', when: LEGAL_ONLY },
  { lang: 'ru', term: 'УК', when: LEGAL_ONLY },
  { lang: 'kk', term: 'АК', when: LEGAL_ONLY },
  { lang: 'ru', term: 'ГК', when: LEGAL_ONLY },
  { lang: 'ru', term: 'ТК', when: LEGAL_ONLY },
  { lang: 'kk', term: 'ЕК', when: LEGAL_ONLY },
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
  { lang: 'kk', term: 'мерзім', when: LEGAL_ONLY },
  { lang: 'ru', term: 'предприятие', when: LEGAL_ONLY },
  { lang: 'kk', term: 'кәсіпорын', when: LEGAL_ONLY },
  { lang: 'ru', term: 'гарантия', when: LEGAL_ONLY },
  { lang: 'kk', term: 'кепілдік', when: LEGAL_ONLY },
  { lang: 'ru', term: 'отпуск', when: LEGAL_ONLY },
  { lang: 'kk', term: 'демалыс', when: LEGAL_ONLY },
  { lang: 'kk', term: 'анықтау', when: LEGAL_ONLY },
  // Everyday words that are also terms of the codes: legal only beside other terms or cue words.
  { lang: 'ru', term: 'производство', when: LEGAL_ONLY },
  { lang: 'ru', term: 'заявление', when: LEGAL_ONLY },
  { lang: 'ru', term: 'сторона', when: LEGAL_ONLY },
  { lang: 'ru', term: 'специалист', when: LEGAL_ONLY },
  { lang: 'ru', term: 'деньги', when: LEGAL_ONLY },
  { lang: 'ru', term: 'вещь', when: LEGAL_ONLY },
  { lang: 'ru', term: 'фонд', when: LEGAL_ONLY },
  { lang: 'ru', term: 'акция', when: LEGAL_ONLY },
  { lang: 'ru', term: 'вклад', when: LEGAL_ONLY },
  { lang: 'ru', term: 'защита', when: LEGAL_ONLY },
  { lang: 'ru', term: 'протокол', when: LEGAL_ONLY },
  { lang: 'ru', term: 'карантин', when: LEGAL_ONLY },
  { lang: 'ru', term: 'долг', when: LEGAL_ONLY },
  { lang: 'ru', term: 'уведомление', when: LEGAL_ONLY },
  { lang: 'ru', term: 'запрос', when: LEGAL_ONLY },
  { lang: 'ru', term: 'труд', when: LEGAL_ONLY },
  { lang: 'ru', term: 'занятость', when: LEGAL_ONLY },
  { lang: 'ru', term: 'оптимизация', when: LEGAL_ONLY },
  { lang: 'ru', term: 'находка', when: LEGAL_ONLY },
  { lang: 'ru', term: 'спор', when: LEGAL_ONLY },
  { lang: 'ru', term: 'свидетель', when: LEGAL_ONLY },
  { lang: 'ru', term: 'экспертиза', when: LEGAL_ONLY },
  { lang: 'ru', term: 'сделка', when: LEGAL_ONLY },
  { lang: 'ru', term: 'залог', when: LEGAL_ONLY },
  { lang: 'ru', term: 'жалоба', when: LEGAL_ONLY },
  { lang: 'kk', term: 'арыз', when: LEGAL_ONLY },
  { lang: 'kk', term: 'ақша', when: LEGAL_ONLY },
  { lang: 'kk', term: 'зат', when: LEGAL_ONLY },
  { lang: 'kk', term: 'қор', when: LEGAL_ONLY },
  { lang: 'kk', term: 'акция', when: LEGAL_ONLY },
  { lang: 'kk', term: 'карантин', when: LEGAL_ONLY },
  { lang: 'kk', term: 'борыш', when: LEGAL_ONLY },
  { lang: 'kk', term: 'жеткізу', when: LEGAL_ONLY },
  { lang: 'kk', term: 'хабарлама', when: LEGAL_ONLY },
  { lang: 'kk', term: 'еңбек', when: LEGAL_ONLY },
  { lang: 'kk', term: 'олжа', when: LEGAL_ONLY },
  { lang: 'kk', term: 'дау', when: LEGAL_ONLY },
  { lang: 'kk', term: 'сараптама', when: LEGAL_ONLY },
  { lang: 'kk', term: 'мәміле', when: LEGAL_ONLY },
  { lang: 'kk', term: 'кепіл', when: LEGAL_ONLY },
  { lang: 'kk', term: 'шағым', when: LEGAL_ONLY },
  { lang: 'kk', term: 'маман', when: LEGAL_ONLY },
  { lang: 'kk', term: 'хаттама', when: LEGAL_ONLY },
  { lang: 'kk', term: 'тарап', when: LEGAL_ONLY },
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
