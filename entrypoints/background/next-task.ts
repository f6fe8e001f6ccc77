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

/** How long work in slices may hold the worker before it lets other tasks in. */
export const SLICE_MS = 8;

/** When the worker last came back from a pause between slices (performance.now()). */
let resumedAt = -Infinity;

/**
 * The pause between the slices of the worker's long work: the next task
 * once that work has held the worker SLICE_MS, else none. Its slices are
 * small, so a request that comes meanwhile (each step of a save, each
 * database read) waits a few milliseconds, not a slice of tens.
 */
export async function pauseBetweenSlices(): Promise<void> {
  if (performance.now() - resumedAt < SLICE_MS) return;
  await nextTask();
  resumedAt = performance.now();
}
