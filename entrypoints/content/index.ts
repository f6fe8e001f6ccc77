/**
 * Content script: highlights glossary terms in http(s) pages and frames and
 * shows the hover card. The work is in ./app.ts; this file only wires it to
 * the extension's lifecycle and messages.
 */
import { browser } from 'wxt/browser';
import type { Broadcast } from '../../lib/protocol';
import { isPageMessage } from '../../lib/page-protocol';
import { ContentApp } from './app';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const app = new ContentApp();
    const onMessage = (msg: unknown): Promise<unknown> | undefined => {
      // The side panel asks the top frame only (lib/page-protocol.ts).
      if (isPageMessage(msg)) {
        return window === window.top ? Promise.resolve(app.onPageMessage(msg)) : undefined;
      }
      if (msg && typeof msg === 'object' && 'type' in msg) app.onBroadcast(msg as Broadcast);
      // No answer: broadcasts are one-way.
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      app.stop();
    });
    app.start().catch((err: unknown) => {
      // The background could not answer (extension updating): stay out of the page's way.
      console.debug('Ata Zan: not started', err);
    });
  },
});
