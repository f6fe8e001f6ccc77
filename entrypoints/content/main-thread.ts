/** Waiting for the page's main thread: the content script never holds it long. */

/**
 * After the browser's next rendering (style and layout are up to date then),
 * or after `hiddenMs` in a tab that renders no frames. Whoever asks elements
 * whether they are visible waits for this: asking before the page's style is
 * computed would make our slice pay for the page's whole style recalculation.
 */
export function afterRendering(hiddenMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, hiddenMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Give the main thread back: scheduler.yield where it exists (keeps our priority), else a macrotask. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}
