import { browser } from 'wxt/browser';

/** Open the options page (at a hash: an entry, the form) in a tab; the popup closes. */
export function openInOptions(hash: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
  window.close();
}
