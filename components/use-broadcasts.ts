/**
 * Keep an extension page in step with the background: call `onChange` when
 * the glossary or the settings change (lib/protocol.ts Broadcast).
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Broadcast } from '../lib/protocol';

export function useBroadcasts(onChange: (b: Broadcast) => void): void {
  useEffect(() => {
    const listener = (msg: unknown) => {
      if (msg && typeof msg === 'object' && 'type' in msg) {
        const type = (msg as { type: unknown }).type;
        if (type === 'glossary/changed' || type === 'settings/changed') onChange(msg as Broadcast);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [onChange]);
}
