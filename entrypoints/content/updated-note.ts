/**
 * What a page says when its content script outlived its extension (updated,
 * reloaded or removed while the tab stayed open): the highlights are already
 * gone, and the next time the reader moves the pointer over the page a small
 * note next to it says, once, that the page needs a reload. It lives in a
 * shadow root of our own host element, the page's DOM is not touched, and it
 * goes away by itself. When a newer copy of the script already took over
 * (injected after the update), nothing is said.
 */
import { cardText } from '../../lib/i18n/card';
import { resolveUiLanguage } from '../../lib/i18n/language';
import { HOST_TAG } from './card-host';
import { HIGHLIGHT_NAMES } from './highlight';

/** How long the note stays. */
const SHOWN_MS = 8000;

const NOTE_CSS = `
:host { all: initial; }
.atz-note { position: fixed; z-index: 2147483647; max-width: 320px; padding: 6px 10px;
  font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #fffbe6;
  border: 1px solid #d4c27a; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
`;

/** Whether a newer copy of the content script is highlighting this page. */
function newerCopyActive(): boolean {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  return Object.values(HIGHLIGHT_NAMES).some((name) => registry?.has(name) ?? false);
}

/** Show the note once, at the reader's next pointer move over the page. */
export function noteUpdatedOnHover(uiLanguage: Parameters<typeof resolveUiLanguage>[0]): void {
  const onMove = (e: PointerEvent): void => {
    document.removeEventListener('pointermove', onMove);
    if (newerCopyActive() || document.querySelector(HOST_TAG)) return;
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = NOTE_CSS;
    const note = document.createElement('div');
    note.className = 'atz-note';
    note.setAttribute('role', 'status');
    note.textContent = cardText(resolveUiLanguage(uiLanguage), 'card.updated');
    note.style.left = `${Math.max(8, Math.min(e.clientX + 12, innerWidth - 340))}px`;
    note.style.top = `${Math.max(8, Math.min(e.clientY + 16, innerHeight - 60))}px`;
    shadow.append(style, note);
    document.documentElement.appendChild(host);
    setTimeout(() => host.remove(), SHOWN_MS);
  };
  document.addEventListener('pointermove', onMove, { passive: true });
}
