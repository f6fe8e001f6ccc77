import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../glossary/normalize';
import { russianForms } from '../../../glossary/morphology/russian';
import { FormTable } from './form-table';
import { RUSSIAN_FORM_ROWS } from './russian-forms';

// Forms only: the morphology does not tell which ending or slot made a form.
new FormTable({ forms: russianForms }).run('russianForms: table', RUSSIAN_FORM_ROWS);

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
