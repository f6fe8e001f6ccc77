/**
 * Wakes the background as a page starts to load. A stopped service worker
 * takes a while to start and to load its compiled glossary; woken here, it
 * does both while the page is still being parsed, instead of after the
 * content script (./content, at document_end) first asks it something.
 * Top frames only: a frame's page is already on its way.
 */
import { browser } from 'wxt/browser';
import type { Request } from '../lib/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    const wake: Request = { type: 'worker/wake' };
    // An extension being updated cannot answer; the content script will ask again.
    browser.runtime.sendMessage(wake).catch(() => undefined);
  },
});
