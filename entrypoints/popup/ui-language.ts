/**
 * The popup's interface language as it last showed it, kept in the page's own
 * storage: the first screen is labelled before the settings can be asked for,
 * and labelled in the reader's language rather than relabelled a moment later.
 */
import { resolveUiLanguage, UI_LANGS, type UiLang } from '../../lib/i18n/language';

const KEY = 'atazan-popup-ui';

/** The language the popup last showed; before its first open, the browser's. */
export function rememberedUi(storage: Pick<Storage, 'getItem'> | null = safeStorage()): UiLang {
  const kept = storage?.getItem(KEY);
  return UI_LANGS.find((l) => l === kept) ?? resolveUiLanguage('auto');
}

export function rememberUi(
  ui: UiLang,
  storage: Pick<Storage, 'setItem'> | null = safeStorage(),
): void {
  try {
    storage?.setItem(KEY, ui);
  } catch {
    // A full or blocked storage only costs the next popup a relabelling.
  }
}

/** The page's storage; null where reading it throws (storage blocked). */
function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
