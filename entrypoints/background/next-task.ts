/**
 * Resolves in a later task: what the worker's work in slices (a termbase's
 * compile, its search index) waits for between them. A message to itself, where there are channels: unlike a chain of zero-delay
 * timers, it is never held back to the timers' minimum delay.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
