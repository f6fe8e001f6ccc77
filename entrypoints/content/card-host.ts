/**
 * The hover card's place in the page: one `<atazan-card>` element appended to
 * <html> (the only DOM node Ata Zan adds), with an open shadow root so the
 * page's styles and ours never meet (`:host { all: initial }`). The card is
 * positioned next to the term and kept inside the viewport.
 *
 * Keyboard: a card opened by the shortcut (not by hover) takes the focus — the
 * dialog itself, so a screen reader reads its label (the term and its
 * equivalent) and description (the definition); Tab and Shift+Tab cycle its
 * controls without leaving it; when it closes while holding the focus, the
 * focus returns to where it was.
 */
import { h, render } from 'preact';
import { TermCard, type TermCardProps } from '../../components/TermCard';
import { TERM_CARD_CSS } from '../../components/term-card-css';

export const HOST_TAG = 'atazan-card';

const HOST_CSS = `
:host { all: initial; }
.atz-layer { position: fixed; top: 0; left: 0; z-index: 2147483647; }
.atz-layer[hidden] { display: none; }
`;

/** What can take the focus inside the card, in document order. */
const FOCUSABLE = 'button:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The focused element, looking into shadow roots (the page's own web components included). */
function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Gap between the term and the card, and margin kept from the viewport's edges. */
const GAP = 6;
const MARGIN = 8;

export class CardHost {
  private host: HTMLElement | null = null;
  private layer: HTMLDivElement | null = null;
  private open = false;
  private hides = 0;
  /** The next card shown takes the focus (it was asked for by keyboard). */
  private focusNext = false;
  /** Where the focus was before the card took it. */
  private returnTo: HTMLElement | null = null;

  /** The host element if it exists (for "is the pointer in the card" and the text collector). */
  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Changes on every hide: a card requested before a hide must not appear after it. */
  get generation(): number {
    return this.hides;
  }

  /** Whether the focus is inside the card. */
  get hasFocus(): boolean {
    return this.open && (this.host?.shadowRoot?.activeElement ?? null) !== null;
  }

  /** Whether the next card shown takes the focus: yes for the keyboard shortcut, never for a hover. */
  focusOnNextShow(on: boolean): void {
    this.focusNext = on;
  }

  /** Create the host on first use. */
  ensure(): HTMLElement {
    if (this.host?.isConnected) return this.host;
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = HOST_CSS + TERM_CARD_CSS;
    const layer = document.createElement('div');
    layer.className = 'atz-layer';
    layer.hidden = true;
    shadow.append(style, layer);
    layer.addEventListener('keydown', this.onKeyDown);
    document.documentElement.appendChild(host);
    this.host = host;
    this.layer = layer;
    return host;
  }

  /** Show the card for `anchor` (the term's rectangle in viewport coordinates). */
  show(props: TermCardProps, anchor: DOMRect): void {
    this.ensure();
    const layer = this.layer!;
    // A new key per entry and language resets the card's state (shown language, "copied").
    render(h(TermCard, { ...props, dialog: true, key: `${props.entry.id}:${props.lang}` }), layer);
    layer.hidden = false;
    layer.style.left = '0px';
    layer.style.top = '0px';
    layer.style.visibility = 'hidden';
    const card = layer.firstElementChild as HTMLElement | null;
    const w = card?.offsetWidth ?? 0;
    const hgt = card?.offsetHeight ?? 0;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    let left = Math.min(Math.max(MARGIN, anchor.left), vw - w - MARGIN);
    left = Math.max(MARGIN, left);
    // Below the term when it fits, else above, else wherever shows the most.
    let top = anchor.bottom + GAP;
    if (top + hgt > vh - MARGIN) {
      const above = anchor.top - GAP - hgt;
      top = above >= MARGIN ? above : Math.max(MARGIN, vh - hgt - MARGIN);
    }
    layer.style.left = `${Math.round(left)}px`;
    layer.style.top = `${Math.round(top)}px`;
    layer.style.visibility = '';
    this.open = true;
    if (this.focusNext) {
      this.focusNext = false;
      const before = deepActiveElement();
      if (!this.hasFocus) {
        this.returnTo = before instanceof HTMLElement && before !== this.host ? before : null;
      }
      card?.focus({ preventScroll: true });
    }
  }

  hide(): void {
    this.hides++;
    this.focusNext = false;
    if (!this.open || !this.layer) return;
    const hadFocus = this.hasFocus;
    const returnTo = this.returnTo;
    this.returnTo = null;
    render(null, this.layer);
    this.layer.hidden = true;
    this.open = false;
    if (hadFocus && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
  }

  /** Tab and Shift+Tab go round the card's controls while the focus is in it. */
  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab' || !this.layer) return;
    const card = this.layer.firstElementChild as HTMLElement | null;
    if (!card) return;
    const items = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.getClientRects().length > 0,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = this.host?.shadowRoot?.activeElement ?? null;
    if (e.shiftKey && (active === first || active === card)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.layer = null;
  }
}
