/**
 * Sends a change notice from the background to every tab (all frames) and to
 * the extension's own pages (popup, options). Nobody listening is normal, so
 * delivery failures are ignored.
 */
import { browser } from 'wxt/browser';
import type { Broadcast } from '../../lib/protocol';

export async function broadcast(msg: Broadcast): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all([
    browser.runtime.sendMessage(msg).catch(() => undefined),
    ...tabs.map((t) =>
      t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, msg).catch(() => undefined),
    ),
  ]);
}

/** Tell the active tab's content script to show the card for its selection (keyboard shortcut). */
export async function showCardInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const msg: Broadcast = { type: 'card/show-selection' };
  await browser.tabs.sendMessage(tab.id, msg).catch(() => undefined);
}
