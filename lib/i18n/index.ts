/**
 * The UI's strings in Kazakh, Russian and English: the pages' dictionaries
 * (one file per page, merged in ./ui.ts) and the hover card's (./card.ts),
 * one `t()` for all of them. The extension's name, description, context-menu title and
 * command description live in public/_locales (the browser reads them).
 */
import { CARD_STRINGS } from './card';
import { fillPlaceholders, formatError } from '../../glossary/error-messages';
import { UI_STRINGS, type UiKey } from './ui';
import { CodedError } from '../../glossary/errors';
import { type UiLang } from './language';

export { resolveUiLanguage, UI_LANGS, type UiLang } from './language';

export interface Translate {
  (key: UiKey, params?: Record<string, string | number>): string;
  /** Any thrown value as a sentence in this language: ours by its code, anything else as "could not do that". */
  error(err: unknown): string;
  lang: UiLang;
}

/** A translator for one language; a missing string falls back to English, then to its key. */
export function translator(lang: UiLang): Translate {
  const own: Record<string, string> = { ...CARD_STRINGS[lang], ...UI_STRINGS[lang] };
  const fallback: Record<string, string> = { ...CARD_STRINGS.en, ...UI_STRINGS.en };
  const t = (key: UiKey, params: Record<string, string | number> = {}) =>
    fillPlaceholders(own[key] ?? fallback[key] ?? key, params);
  return Object.assign(t, {
    lang,
    error: (err: unknown) =>
      formatError(lang, err instanceof CodedError ? err.toInfo() : { code: 'error.internal' }),
  });
}

export type { UiKey };
