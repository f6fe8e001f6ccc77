/**
 * The hover card's place in the page: one `<atazan-card>` element appended to
 * <html> (the only DOM node Ata Zan adds), with an open shadow root so the
 * page's styles and ours never meet (`:host { all: initial }`). The card is
 * positioned next to the term and kept inside the viewport.
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

/** Gap between the term and the card, and margin kept from the viewport's edges. */
const GAP = 6;
const MARGIN = 8;

export class CardHost {
  private host: HTMLElement | null = null;
  private layer: HTMLDivElement | null = null;
  private open = false;
  private hides = 0;

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
    render(h(TermCard, { ...props, key: `${props.entry.id}:${props.lang}` }), layer);
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
  }

  hide(): void {
    this.hides++;
    if (!this.open || !this.layer) return;
    render(null, this.layer);
    this.layer.hidden = true;
    this.open = false;
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.layer = null;
  }
}
