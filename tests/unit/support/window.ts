/**
 * A DOM for modules tested without a browser: a happy-dom window whose
 * classes and objects named stand in the global scope. Set up by hand:
 * vitest's happy-dom environment does not load beside the WXT vitest plugin
 * (it fails resolving vite). Install it before importing a module that reads
 * these globals as it loads.
 */
import { Window } from 'happy-dom';

/** The window's members made global: all that the modules under test and Preact read, one set for every test file. */
const DOM_GLOBALS = [
  'document',
  'navigator',
  'Node',
  'NodeFilter',
  'Text',
  'Element',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLTextAreaElement',
  'ShadowRoot',
  'Range',
  'StaticRange',
  'Event',
  'MouseEvent',
  'KeyboardEvent',
  'MutationObserver',
  'getComputedStyle',
];

/** What happy-dom lacks, stood in for: the painter only stores a StaticRange's four fields. */
const STAND_INS: Record<string, unknown> = {
  StaticRange: class {
    constructor(init: object) {
      Object.assign(this, init);
    }
  },
};

/** A window at `url`, made globalThis.window, its document and DOM classes (DOM_GLOBALS) made global. */
export function installWindow(url: string): Window {
  const win = new Window({ url });
  const own = win as unknown as Record<string, unknown>;
  const g = globalThis as Record<string, unknown>;
  for (const name of DOM_GLOBALS) {
    try {
      g[name] = own[name] ?? STAND_INS[name];
    } catch {
      // A global that Node defines read-only (navigator, in some versions) stays Node's.
    }
  }
  g.window = win;
  return win;
}
