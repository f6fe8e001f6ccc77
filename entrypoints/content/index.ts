/**
 * Content script: highlights glossary terms in http(s) pages and frames and
 * shows the hover card. The work is in ./app.ts; this file only wires it to
 * the extension's lifecycle and messages.
 *
 * When the extension is updated or reloaded, this copy loses its extension
 * (its runtime is gone) while the tab stays open: it then takes its
 * highlights and card away at once, instead of leaving highlights whose
 * cards can no longer open, and says so once (./updated-note.ts). The
 * background injects the new copy into open tabs (entrypoints/background/inject.ts);
 * WXT's context tells this copy when that one starts.
 */
import { browser } from 'wxt/browser';
import type { Broadcast } from '../../lib/protocol';
import { isPageMessage, PING } from '../../lib/page-protocol';
import { ContentApp } from './app';
import { noteUpdatedOnHover } from './updated-note';

/** How often a copy checks that its extension is still there (reading an id: no page work). */
const RUNTIME_CHECK_MS = 2000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // As soon as the document is parsed: idle would wait for the page's images and frames (its load).
  runAt: 'document_end',
  main(ctx) {
    const app = new ContentApp();
    const onMessage = (
      msg: unknown,
      _sender: unknown,
      sendResponse: (answer: unknown) => void,
    ): Promise<unknown> | undefined => {
      if (!msg || typeof msg !== 'object' || !('type' in msg)) return undefined;
      // The side panel asks the top frame only (lib/page-protocol.ts).
      if (isPageMessage(msg)) {
        return window === window.top ? Promise.resolve(app.onPageMessage(msg)) : undefined;
      }
      // The background asks before injecting a copy into an open tab.
      if (msg.type === PING) sendResponse(true);
      else app.onBroadcast(msg as Broadcast);
      // Broadcasts are one-way.
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // Reading ctx.isInvalid notices a runtime that went away and fires onInvalidated.
    const watch = setInterval(() => void ctx.isInvalid, RUNTIME_CHECK_MS);
    ctx.onInvalidated(() => {
      clearInterval(watch);
      const orphaned = runtimeGone();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // The runtime is gone with its listeners.
      }
      app.stop();
      if (orphaned && window === window.top) noteUpdatedOnHover('auto');
    });
    app.start().catch((err: unknown) => {
      // The background could not answer (extension updating): stay out of the page's way.
      console.debug('Ata Zan: not started', err);
      if (runtimeGone()) ctx.abort('extension gone');
    });
  },
});

/** Whether this copy's extension is gone (updated, reloaded or removed). */
function runtimeGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}
