/**
 * The "Add to Ata Zan glossary" item of the context menu on selected text. It
 * opens the options page's add form pre-filled with the selection, in the
 * language its letters show (Kazakh-only letters → kk, other Cyrillic → ru).
 * Registered from the background (entrypoints/background/index.ts).
 */
import { browser } from 'wxt/browser';
import { scriptLang } from '../../glossary/script-lang';

export const ADD_TO_GLOSSARY_MENU_ID = 'atazan-add-selection';
/** Longer selections are not a term; the form gets the first this many characters. */
const MAX_TERM_LENGTH = 200;

/** The options page hash that opens the add form for a selected text. */
export function addFormHash(selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_TERM_LENGTH);
  const params = new URLSearchParams({ text });
  const lang = scriptLang(text);
  if (lang) params.set('lang', lang);
  return `#add?${params.toString()}`;
}

/** Open the add form for a selection (what a click on the menu item does). */
export async function openAddForm(selection: string): Promise<void> {
  const url = browser.runtime.getURL('/options.html') + addFormHash(selection);
  await browser.tabs.create({ url });
}

/** Create the menu item (on install and update) and answer its clicks. */
export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: ADD_TO_GLOSSARY_MENU_ID,
      title: browser.i18n.getMessage('contextMenuAdd') || 'Add to Ata Zan glossary',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === ADD_TO_GLOSSARY_MENU_ID && info.selectionText) {
      void openAddForm(info.selectionText);
    }
  });
}
