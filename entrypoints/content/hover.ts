/**
 * Hover: one pointermove listener on the document, no listener per term.
 * When the pointer rests for HOVER_MS, the caret position under it gives a
 * text node and offset; the painter's per-node spans answer by binary search
 * whether a term is there. The card closes on Escape, on scroll, or GRACE_MS
 * after the pointer left both the term and the card (time to cross the gap).
 */
import type { HighlightPainter, Span } from './highlight';
import type { CardHost } from './card-host';

const HOVER_MS = 150;
const GRACE_MS = 350;

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The caret position at a point: caretPositionFromPoint (standard, Firefox, Chrome 128+) or the WebKit one. */
export function caretFromPoint(x: number, y: number): CaretPoint | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const legacy = (document as { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  const r = legacy?.call(document, x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The span's rectangles (a StaticRange has none, so through a live Range). */
export function spanRects(span: Span): DOMRect[] {
  const r = document.createRange();
  try {
    r.setStart(span.range.startContainer, span.range.startOffset);
    r.setEnd(span.range.endContainer, span.range.endOffset);
  } catch {
    return []; // The text changed under the span; the observer will repaint.
  }
  return [...r.getClientRects()];
}

function inside(rects: readonly DOMRect[], x: number, y: number, pad = 0): boolean {
  return rects.some(
    (b) => x >= b.left - pad && x <= b.right + pad && y >= b.top - pad && y <= b.bottom + pad,
  );
}

export function boundingRect(rects: readonly DOMRect[]): DOMRect {
  const first = rects[0];
  if (!first) return new DOMRect(0, 0, 0, 0);
  let { left, top, right, bottom } = first;
  for (const b of rects) {
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    right = Math.max(right, b.right);
    bottom = Math.max(bottom, b.bottom);
  }
  // Anchor to the first line: a term broken across lines gets its card under its start.
  return new DOMRect(first.left, top, Math.max(0, first.right - first.left), first.bottom - top);
}

/** The innermost element at a point, looking into open shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let el = document.elementFromPoint(x, y);
  while (el?.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** The painted span under the point, if any, with its rectangles (measured once). */
export function spanFromPoint(
  painter: HighlightPainter,
  x: number,
  y: number,
): { span: Span; rects: DOMRect[] } | null {
  const pos = caretFromPoint(x, y);
  if (pos && pos.node.nodeType === Node.TEXT_NODE) {
    // The caret sits between characters: the character under the pointer is at offset or offset - 1.
    for (const off of [pos.offset, pos.offset - 1]) {
      const span = painter.spanAt(pos.node, off);
      if (!span) continue;
      const rects = spanRects(span);
      if (inside(rects, x, y, 1)) return { span, rects };
    }
  }
  return spanInShadowAt(painter, x, y);
}

/**
 * The document's caret lookup stops at a shadow host: inside an open shadow
 * root, test the spans on the text of the element under the point instead.
 */
function spanInShadowAt(
  painter: HighlightPainter,
  x: number,
  y: number,
): { span: Span; rects: DOMRect[] } | null {
  const el = deepElementFromPoint(x, y);
  if (!el || !(el.getRootNode() instanceof ShadowRoot)) return null;
  for (const node of el.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    for (const span of painter.spansOn(node)) {
      const rects = spanRects(span);
      if (inside(rects, x, y, 1)) return { span, rects };
    }
  }
  return null;
}

export class HoverController {
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private current: Span | null = null;
  private currentRects: DOMRect[] = [];
  private x = 0;
  private y = 0;

  constructor(
    private readonly painter: HighlightPainter,
    private readonly card: CardHost,
    private readonly show: (span: Span, anchor: DOMRect) => void,
  ) {}

  start(): void {
    document.addEventListener('pointermove', this.onMove, { passive: true, capture: true });
    document.addEventListener('keydown', this.onKey, true);
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    document.documentElement.addEventListener('pointerleave', this.onLeave);
  }

  stop(): void {
    document.removeEventListener('pointermove', this.onMove, { capture: true });
    document.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    document.documentElement.removeEventListener('pointerleave', this.onLeave);
    this.close();
  }

  /** Opened by other means (the keyboard shortcut): track it like a hovered term; the card takes the focus. */
  opened(span: Span | null): void {
    this.card.focusOnNextShow(true);
    this.current = span;
    this.currentRects = span ? spanRects(span) : [];
    this.cancelClose();
  }

  close(): void {
    this.clearHover();
    this.cancelClose();
    this.current = null;
    this.currentRects = [];
    this.card.hide();
  }

  private readonly onMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    this.x = e.clientX;
    this.y = e.clientY;
    const host = this.card.element;
    if (host && e.target === host) {
      // In the card: keep it.
      this.clearHover();
      this.cancelClose();
      return;
    }
    if (this.card.isOpen) {
      if (inside(this.currentRects, this.x, this.y, 2)) {
        this.cancelClose();
        return;
      }
      this.scheduleClose();
    }
    this.clearHover();
    this.hoverTimer = setTimeout(this.onRest, HOVER_MS);
  };

  private readonly onRest = (): void => {
    this.hoverTimer = null;
    const hit = spanFromPoint(this.painter, this.x, this.y);
    if (!hit) return;
    const { span, rects } = hit;
    if (span === this.current && this.card.isOpen) {
      this.cancelClose();
      return;
    }
    this.current = span;
    this.currentRects = rects;
    this.cancelClose();
    this.card.focusOnNextShow(false);
    this.show(span, boundingRect(rects));
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.card.isOpen) this.close();
  };

  private readonly onScroll = (): void => {
    if (this.card.isOpen && !this.card.hasFocus) this.close();
  };

  private readonly onLeave = (): void => {
    this.clearHover();
    if (this.card.isOpen) this.scheduleClose();
  };

  private scheduleClose(): void {
    // A card the keyboard is in stays until Escape or its close button, wherever the pointer goes.
    if (this.closeTimer !== null || this.card.hasFocus) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      this.close();
    }, GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private clearHover(): void {
    if (this.hoverTimer !== null) clearTimeout(this.hoverTimer);
    this.hoverTimer = null;
  }
}
