/**
 * The strings of the extension's pages, one file per page (the hover card's
 * are in ./card.ts, the PDF viewer's in ./pdf.ts), merged into one dictionary
 * per language for `t()`. A key belongs to one page only (a unit test checks).
 */
import { ENTRIES_STRINGS } from './entries';
import { ENTRY_FORM_STRINGS } from './entry-form';
import { IMPORT_EXPORT_STRINGS } from './import-export';
import { OPTIONS_STRINGS } from './options';
import { POPUP_STRINGS } from './popup';
import { READER_STRINGS } from './reader';
import { SIDE_PANEL_STRINGS } from './side-panel';

type Lang = 'kk' | 'ru' | 'en';

export const PAGE_STRINGS = [
  POPUP_STRINGS,
  OPTIONS_STRINGS,
  ENTRIES_STRINGS,
  ENTRY_FORM_STRINGS,
  IMPORT_EXPORT_STRINGS,
  SIDE_PANEL_STRINGS,
  READER_STRINGS,
] as const;

type KeysOf<Page> = Page extends Record<'en', Record<infer K, string>> ? K : never;
export type UiKey = KeysOf<(typeof PAGE_STRINGS)[number]>;

const merged = (lang: Lang) =>
  Object.assign({}, ...PAGE_STRINGS.map((page) => page[lang])) as Record<UiKey, string>;

export const UI_STRINGS: Record<Lang, Record<UiKey, string>> = {
  en: merged('en'),
  kk: merged('kk'),
  ru: merged('ru'),
};
