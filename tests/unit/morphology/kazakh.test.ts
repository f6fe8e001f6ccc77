import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../glossary/normalize';
import {
  isAmbiguousKazakhForm,
  kazakhForms,
  kazakhPatterns,
  suffixSetCount,
} from '../../../glossary/morphology/kazakh';
import { AMBIGUOUS_FORMS, VARIANT_SPELLINGS } from '../../../glossary/morphology/kazakh-rules';
import type { SuffixSet } from '../../../glossary/morphology/types';
import { KAZAKH_FORMS } from './kazakh-forms';

const formCache = new Map<string, ReadonlySet<string>>();
function formsOf(term: string): ReadonlySet<string> {
  let s = formCache.get(term);
  if (!s) {
    s = new Set(kazakhForms(term));
    formCache.set(term, s);
  }
  return s;
}

describe('kazakhForms: table', () => {
  it('has several hundred rows', () => {
    expect(KAZAKH_FORMS.length).toBeGreaterThan(300);
  });

  it.each(KAZAKH_FORMS)('%s → %s: %s', (term, textForm, expected) => {
    expect(formsOf(term).has(foldTerm(textForm))).toBe(expected);
  });
});

describe('kazakhPatterns', () => {
  it('splits an alternating stem into a consonant pattern and a voiced vowel pattern', () => {
    // (The third pattern holds the variant spellings құқы, құқылары: see below.)
    const ps = kazakhPatterns('құқық').filter((p) => !p.suffixes?.id.startsWith('variant|'));
    expect(ps.map((p) => p.stem)).toEqual(['құқық', 'құқығ']);
    const [plain, voiced] = ps;
    expect(plain?.suffixes?.forms.has('тың')).toBe(true);
    expect(plain?.suffixes?.forms.has('ы')).toBe(false);
    expect(voiced?.suffixes?.forms.has('ы')).toBe(true);
    expect(voiced?.suffixes?.forms.has('')).toBe(false);
  });

  it('keeps earlier words as written and folds the term', () => {
    for (const p of kazakhPatterns('Конституциялық  Сот')) {
      expect(p.stem.startsWith('конституциялық с')).toBe(true);
    }
  });

  it('gives abbreviations no suffix without a hyphen', () => {
    const ps = kazakhPatterns('ҚР');
    expect(ps).toHaveLength(1);
    for (const f of ps[0]?.suffixes?.forms ?? []) expect(f === '' || f.startsWith('-')).toBe(true);
  });

  it('returns nothing for an empty term', () => {
    expect(kazakhPatterns('  ')).toEqual([]);
  });

  it('shares SuffixSet objects between stems of the same class', () => {
    const a = kazakhPatterns('сот')[0]?.suffixes;
    const b = kazakhPatterns('азамат')[0]?.suffixes;
    expect(a).toBeDefined();
    expect(a).toBe(b);
    // Same final class and harmony through a multi-word term.
    expect(kazakhPatterns('Конституциялық Сот')[0]?.suffixes).toBe(a);
  });

  it('keeps the number of distinct SuffixSets small, one object per id', () => {
    const terms = [
      ...new Set(KAZAKH_FORMS.map(([t]) => t)),
      'сот',
      'ата-ана',
      'рөль',
      'су',
      'такси',
      'интервью',
      'ЖОО',
      'код',
    ];
    const byId = new Map<string, SuffixSet>();
    for (const t of terms) {
      for (const p of kazakhPatterns(t)) {
        if (!p.suffixes) continue;
        const seen = byId.get(p.suffixes.id);
        if (seen) expect(p.suffixes).toBe(seen);
        else byId.set(p.suffixes.id, p.suffixes);
      }
    }
    expect(byId.size).toBeLessThan(200);
    expect(suffixSetCount()).toBeLessThan(200);
  });
});

describe('variant spellings', () => {
  it('are one pattern over the forms’ common beginning, so each form is checked as ambiguous', () => {
    const variant = kazakhPatterns('адам құқықтары').find((p) =>
      p.suffixes?.id.startsWith('variant|'),
    );
    expect(variant?.stem).toBe('адам құқ');
    expect(variant?.suffixes?.forms.has('')).toBe(false);
    for (const f of VARIANT_SPELLINGS['құқық'] ?? []) {
      expect(isAmbiguousKazakhForm(f), f).toBe(true);
    }
  });

  it('do not apply to other words that begin with the stem', () => {
    expect(kazakhPatterns('құқықтық').some((p) => p.suffixes?.id.startsWith('variant|'))).toBe(
      false,
    );
  });
});

describe('isAmbiguousKazakhForm', () => {
  it.each([
    ['заңды', true],
    ['сотты', true],
    ['еркін', true],
    ['заңда', false],
    ['соттың', false],
    ['құқығы', false],
    ['құқы', true],
    ['құқылары', true],
    ['құқылы', false],
  ] as const)('%s → %s', (form, expected) => {
    expect(isAmbiguousKazakhForm(form)).toBe(expected);
  });

  it('lists only folded forms that some term really generates', () => {
    const stems: Record<string, string> = {
      заңды: 'заң',
      сотты: 'сот',
      құқықты: 'құқық',
      ерікті: 'ерік',
      еркін: 'ерік',
      міндетті: 'міндет',
      жауапты: 'жауап',
      мүлікті: 'мүлік',
      айыпты: 'айып',
      күшті: 'күш',
      құнды: 'құн',
      қауіпті: 'қауіп',
      дәлелді: 'дәлел',
      мәнді: 'мән',
      тиісті: 'тиіс',
      орында: 'орын',
      орындар: 'орын',
      орындай: 'орын',
      істе: 'іс',
    };
    for (const [stem, forms] of Object.entries(VARIANT_SPELLINGS)) {
      for (const f of forms) stems[f] = stem;
    }
    for (const form of AMBIGUOUS_FORMS) {
      const stem = stems[form];
      expect(stem, form).toBeDefined();
      expect(formsOf(stem ?? '').has(form), form).toBe(true);
    }
  });
});
