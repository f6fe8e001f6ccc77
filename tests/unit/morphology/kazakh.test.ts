import { describe, expect, it } from 'vitest';
import {
  isAmbiguousKazakhForm,
  kazakhForms,
  kazakhPatterns,
  suffixSetCount,
} from '../../../glossary/morphology/kazakh';
import { AMBIGUOUS_FORMS, VARIANT_SPELLINGS } from '../../../glossary/morphology/kazakh-rules';
import type { SuffixSet } from '../../../glossary/morphology/types';
import { FormTable, type Split } from './form-table';
import { KAZAKH_FORMS } from './kazakh-forms';

/**
 * The ways a folded form of a term is made: each pattern whose stem begins the
 * form and whose suffix set holds the rest.
 */
function kazakhSplits(term: string, folded: string): Split[] {
  const splits: Split[] = [];
  for (const p of kazakhPatterns(term)) {
    if (!folded.startsWith(p.stem)) continue;
    const suffix = folded.slice(p.stem.length);
    if (p.suffixes ? p.suffixes.forms.has(suffix) : suffix === '') {
      splits.push({ stem: p.stem, suffix, chain: p.suffixes?.id ?? 'bare' });
    }
  }
  return splits;
}

const table = new FormTable({ forms: kazakhForms, splits: kazakhSplits });

describe('kazakhForms: table', () => {
  it('has several hundred rows, many of them saying which suffix made the form', () => {
    expect(KAZAKH_FORMS.length).toBeGreaterThan(300);
    expect(KAZAKH_FORMS.filter((row) => row[3] !== undefined).length).toBeGreaterThan(100);
  });

  it('tells a stem and suffix the patterns make from one they do not', () => {
    expect(table.splitsOf('сот', 'соттың')).toEqual(['сот+тың']);
    expect(table.splitsOf('құқық', 'құқығы')).toEqual(['құқығ+ы']);
    expect(table.splitsOf('құқық', 'құқықы')).toEqual([]);
  });
});

table.run('kazakhForms: rows', KAZAKH_FORMS);

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
  it.each(['заңды', 'сотты', 'еркін', 'құқы', 'құқылары'])('%s is ambiguous', (form) => {
    expect(isAmbiguousKazakhForm(form)).toBe(true);
  });

  it.each(['заңда', 'соттың', 'құқығы', 'құқылы'])('%s is not ambiguous', (form) => {
    expect(isAmbiguousKazakhForm(form)).toBe(false);
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
      expect(table.formsOf(stem ?? '').has(form), form).toBe(true);
    }
  });
});
