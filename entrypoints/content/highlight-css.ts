/** The stylesheet text of the highlights: one `::highlight()` rule per kind, in the reader's look. */
import { HIGHLIGHT_KINDS, type HighlightKind, type HighlightLook } from '../../lib/settings';
import { CURRENT_HIGHLIGHT, HIGHLIGHT_NAMES } from './highlight';

/**
 * Which elements the rules name. `:root`: only the root, whose highlight
 * styles the rest of the page takes by highlight inheritance (each element's
 * `::highlight()` inherits its parent's), so putting the rules in restyles one
 * element; rules naming every element made the browser restyle the whole page
 * (a long frame on a long page). '': every element, where highlights do not
 * inherit that way (see HIGHLIGHT_PROBE).
 */
export type HighlightScope = ':root' | '';

/**
 * A highlight no range is ever put in, styled by the root rule alone: if the
 * body's computed `::highlight()` style has its colour, highlight styles
 * inherit and the `:root` scope paints the whole page.
 */
export const HIGHLIGHT_PROBE = { name: 'atazan-probe', color: 'rgb(1, 2, 3)' } as const;

/**
 * The `::highlight()` rules for the page (entrypoints/content/highlight-style.ts
 * puts them in the document and in open shadow roots). The look: a background
 * in the kind's colour, or only an underline (solid or dotted) in that colour,
 * which leaves the text's own background alone. The stepped-to occurrence
 * (CURRENT_HIGHLIGHT) always gets a strong background, over the rest.
 */
export function highlightCss(
  colors: Record<HighlightKind, string>,
  look: HighlightLook = 'background',
  scope: HighlightScope = '',
): string {
  const rules = HIGHLIGHT_KINDS.map((k) => {
    let paint: string;
    if (look === 'background') {
      paint = `background-color: ${colors[k]};`;
      // Approximate matches keep a dotted underline: a second cue beside the colour.
      if (k === 'approximate') {
        paint += ' text-decoration: underline dotted 1px; text-underline-offset: 2px;';
      }
    } else {
      const style = look === 'dotted' ? 'dotted' : 'solid';
      // A light colour makes a faint line: darken it towards the text colour.
      paint = `text-decoration: underline ${style} 2px color-mix(in srgb, ${colors[k]} 55%, currentColor); text-underline-offset: 3px;`;
    }
    return `${scope}::highlight(${HIGHLIGHT_NAMES[k]}) { ${paint} color: inherit; }`;
  });
  rules.push(
    `${scope}::highlight(${CURRENT_HIGHLIGHT}) { background-color: #ff9e3d; color: #000; }`,
  );
  if (scope) {
    rules.push(
      `${scope}::highlight(${HIGHLIGHT_PROBE.name}) { background-color: ${HIGHLIGHT_PROBE.color}; }`,
    );
  }
  return rules.join('\n');
}
