/**
 * Where a citation is from, in the UI language: a module of its own so the
 * popup's first results can name it without loading the card.
 */
import { CODES } from '../glossary/codes';
import type { Citation } from '../glossary/types';
import { cardText, type CardLang } from '../lib/i18n/card';

/**
 * "Constitution 2026, art. 76, cl. 1", «ГПК РК, ст. 148», «АПК, 148-бап» in
 * the UI language.
 */
export function citationLabel(c: Citation, ui: CardLang): string {
  const parts = [
    c.code !== undefined ? CODES[c.code].short[ui] : cardText(ui, `card.edition.${c.edition}`),
    cardText(ui, 'card.article', { article: c.article }),
  ];
  if (c.clause === 'intro') parts.push(cardText(ui, 'card.clause.intro'));
  else if (c.clause) parts.push(cardText(ui, 'card.clause', { clause: c.clause }));
  return parts.join(', ');
}
