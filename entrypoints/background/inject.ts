/**
 * Tabs that were open before Ata Zan was installed or updated have no (live)
 * content script: the browser injects the manifest's content scripts only
 * into pages loaded afterwards. So on install and update the built content
 * script is injected into every open tab the manifest's patterns allow; a tab
 * that cannot take it (a browser page, a discarded tab), one still loading
 * (the manifest's copy comes) and one whose copy answers a ping are left
 * alone, so no page evaluates and scans twice. An
 * outdated copy still running in a tab stops when the new one starts (WXT's
 * content-script context) and so never leaves dead highlights behind.
 */
import { browser } from 'wxt/browser';
import { PING } from '../../lib/page-protocol';

/** The built content script's files, as the manifest lists them. */
function contentScriptFiles(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((c) => c.js ?? []) ?? [];
}

/** Only pages our content script would run on. */
const PAGE = /^https?:\/\//;

/** What a live copy of this extension's content script answers (entrypoints/content/index.ts). */

/** Whether the tab's top frame already runs a live copy (one of this extension's current instance). */
async function alive(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: PING })) === true;
  } catch {
    return false;
  }
}

export async function injectIntoOpenTabs(): Promise<number> {
  const files = contentScriptFiles();
  if (files.length === 0 || !browser.scripting) return 0;
  const tabs = await browser.tabs.query({});
  let injected = 0;
  for (const tab of tabs) {
    // Without the tabs permission `url` may be absent: try, the browser refuses what we may not touch.
    if (tab.id === undefined || tab.discarded || (tab.url && !PAGE.test(tab.url))) continue;
    // A page still loading gets the manifest's copy; one that has it needs no second.
    if (tab.status === 'loading' || (await alive(tab.id))) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files });
      injected++;
    } catch (err) {
      console.debug('Ata Zan: not injected into tab', tab.id, err);
    }
  }
  return injected;
}
