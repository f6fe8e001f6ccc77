/**
 * A DOM for modules tested without a browser: a happy-dom window whose
 * classes and objects named stand in the global scope. Set up by hand:
 * vitest's happy-dom environment does not load beside the WXT vitest plugin
 * (it fails resolving vite). Install it before importing a module that reads
 * these globals as it loads.
 */
import { Window } from 'happy-dom';

/** What happy-dom lacks, stood in for: the painter only stores a StaticRange's four fields. */
const STAND_INS: Record<string, unknown> = {
  StaticRange: class {
    constructor(init: object) {
      Object.assign(this, init);
    }
  },
};

/** A window at `url`, with globalThis.window and each of `names` (window.document, window.Node…) made global. */
export function installWindow(url: string, names: readonly string[]): Window {
  const win = new Window({ url });
  const own = win as unknown as Record<string, unknown>;
  const g = globalThis as Record<string, unknown>;
  for (const name of names) {
    try {
      g[name] = own[name] ?? STAND_INS[name];
    } catch {
      // A global that Node defines read-only (navigator, in some versions) stays Node's.
    }
  }
  g.window = win;
  return win;
}
