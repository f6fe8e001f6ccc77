/**
 * The context rules of the core: the legal cue words that make a sentence
 * legal, and the rules of bundled entries whose data files this table stands
 * in for (an entry's own `sense` and `quiet` fields win over a row here).
 * How to declare rules: glossary/README.md, "Senses and quiet words".
 */
import type { ContextRule, QuietRule, SenseRule, WordTest } from './types';

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

/** The rules of one entry, as its `sense` and `quiet` fields would hold them. */
export interface EntryRules {
  sense?: SenseRule;
  quiet?: QuietRule[];
}

/**
 * Rules for bundled entries in data files maintained elsewhere (procedure.json
 * and the code files): moved onto the entries when those files are edited.
 * The abbreviations here are ambiguous outside law: АПК is also the
 * agro-industrial complex on Russian pages, УК a management company (ЖКХ),
 * АК, ГК, ТК common shorthands. Every abbreviation is matched only in capitals
 * whatever this table says (glossary/context.ts).
 */
export const BUILTIN_RULES: Readonly<Record<string, EntryRules>> = {
  'proc-code-civil-procedure': { quiet: [{ lang: 'kk', terms: ['АПК'], when: LEGAL_ONLY }] },
  'proc-criminal-code': { quiet: [{ lang: 'ru', terms: ['УК'], when: LEGAL_ONLY }] },
  'proc-civil-code': {
    quiet: [
      { lang: 'kk', terms: ['АК'], when: LEGAL_ONLY },
      { lang: 'ru', terms: ['ГК'], when: LEGAL_ONLY },
    ],
  },
  'proc-court-ruling': {
    quiet: [
      {
        lang: 'ru',
        when: [{ legalContext: true }, { next: { prefixes: ['суд', 'судь', 'коллеги'] } }],
      },
    ],
  },
};
