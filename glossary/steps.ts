/**
 * Long work written once as steps: a generator that yields between slices of
 * it. Run at once (a build, the CLI) or with a pause between slices (the
 * service worker, which must go on answering while it indexes a termbase).
 */

/** Work that yields between its slices and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** All the steps at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The steps with `pause()` awaited between slices. */
export async function runStepsWithPauses<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
