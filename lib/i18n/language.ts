/**
 * The interface languages and which one a setting means, without any of the
 * dictionaries: what the content script and the popup's first screen need.
 */
import type { Settings } from '../settings';

export type UiLang = 'kk' | 'ru' | 'en';
export const UI_LANGS: readonly UiLang[] = ['kk', 'ru', 'en'];

/** The UI language for a setting: 'auto' follows the browser (kk, ru, else English). */
export function resolveUiLanguage(
  setting: Settings['uiLanguage'],
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): UiLang {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'kk' || primary === 'ru' || primary === 'en') return primary;
  }
  return 'en';
}
