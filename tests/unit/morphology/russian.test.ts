import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../glossary/normalize';
import { russianForms } from '../../../glossary/morphology/russian';
import { RUSSIAN_FORM_ROWS } from './russian-forms';

const cache = new Map<string, Set<string>>();
function formsOf(term: string): Set<string> {
  let s = cache.get(term);
  if (!s) {
    s = new Set(russianForms(term));
    cache.set(term, s);
  }
  return s;
}

describe('russianForms: table', () => {
  it.each(RUSSIAN_FORM_ROWS)('%s ⟶ %s: %s', (term, textForm, expected) => {
    expect(formsOf(term).has(foldTerm(textForm))).toBe(expected);
  });
});

describe('russianForms: properties', () => {
  const terms = [...new Set(RUSSIAN_FORM_ROWS.map(([t]) => t))];

  it('includes the folded term itself', () => {
    for (const t of terms) expect(russianForms(t)).toContain(foldTerm(t));
  });

  it('returns folded, deduplicated forms', () => {
    for (const t of terms) {
      const forms = russianForms(t);
      expect(new Set(forms).size).toBe(forms.length);
      for (const f of forms) expect(foldTerm(f)).toBe(f);
    }
  });

  it('keeps the number of words and the invariable words as written', () => {
    const forms = russianForms('Конституция Республики Казахстан');
    for (const f of forms) expect(f.endsWith(' республики казахстан')).toBe(true);
    for (const t of terms) {
      const n = foldTerm(t).split(' ').length;
      for (const f of russianForms(t)) expect(f.split(' ').length).toBe(n);
    }
  });

  it('keeps the number of forms per term modest', () => {
    const counts = terms.map((t) => russianForms(t).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(40);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(16);
  });
});
