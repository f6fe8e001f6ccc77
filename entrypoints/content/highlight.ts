/**
 * Paints matches with the CSS Custom Highlight API: one `Highlight` per kind,
 * registered as `atazan-exact`, `atazan-approximate` and `atazan-personal`,
 * holding StaticRanges over the page's own text nodes. The DOM is never
 * touched. The painter also keeps, per text node, the spans that touch it in
 * offset order, so the hover code finds the span under the caret by binary
 * search instead of listening on each term.
 *
 * Where the API is missing (Firefox before 140) nothing is painted, but the
 * spans are still recorded, so the hover card keeps working on unmarked text.
 *
 * Every span found is recorded; the highlight mode and the muted entries only
 * decide which of them are in the registered highlights. So a change of mode
 * repaints from the index without reading the page again, the `hover` mode
 * paints nothing yet keeps the index for the hover card, and a muted entry is
 * neither painted nor found under the pointer.
 *
 * What it costs the page: every change to a registered Highlight makes the
 * renderer revalidate every range of every highlight at its next frame
 * (paint invalidation over all of them), so adding ranges slice by slice
 * costs the square of their number and shows as long paint tasks. So a
 * range is registered only when its block comes near the viewport (an
 * IntersectionObserver, which reads layout without forcing it), and all that
 * arrives in one frame is added at once: a long page costs what is on screen,
 * and scrolling adds the rest a screenful at a time.
 *
 * A hidden tab renders no frames, so its observer reports nothing and a
 * glossary change made elsewhere would reach it only after it is shown,
 * a frame late. While the document is hidden, spans are registered as they
 * are painted, up to EAGER_SPANS in the highlights (their revalidation waits
 * for the first frame after the tab is shown, and costs that frame little);
 * the rest wait as on a visible page, and when the tab is shown those near
 * the viewport are registered before its first frame.
 */
import type { PageMatch } from '../../lib/scan-wire';
import { HIGHLIGHT_KINDS, type HighlightKind, type HighlightMode } from '../../lib/settings';
import { insertSorted, PageSpan, partAt, type NodePart, type Span } from './span';

export type { Span } from './span';
import { firstPerSection, orderedTexts } from './sections';
import { blockOf, segmentIndexAt, type Segment, type TextChunk } from './text-collect';

/** Up to this many spans on a page, all are registered once a scan is done (see showAllIfFew). */
const EAGER_SPANS = 2000;

/** How far beyond the viewport a block's ranges are registered ahead of scrolling. */
const NEAR_VIEWPORT = '100% 0px 100% 0px';

export const HIGHLIGHT_NAMES: Readonly<Record<HighlightKind, string>> = {
  exact: 'atazan-exact',
  approximate: 'atazan-approximate',
  personal: 'atazan-personal',
};

/** The occurrence the side panel stepped to, flashed for a moment (entrypoints/content/page-terms.ts). */
export const CURRENT_HIGHLIGHT = 'atazan-current';

/** After the last paint in `first` mode, wait this long before choosing the first occurrences again. */
const FIRST_DEBOUNCE_MS = 250;

const KINDS = HIGHLIGHT_KINDS;

/** The spans of one chunk, waiting for its first or last block to near the viewport. */
interface WaitingGroup {
  spans: Set<Span>;
  /** The blocks observed for it. */
  anchors: Element[];
  /** Whether the observer has reported on its blocks yet. */
  reported: boolean;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightPainter {
  private readonly highlights: Record<HighlightKind, Highlight> | null;
  /** How many spans are in the highlights (the budget of a hidden tab). */
  private shownCount = 0;
  private readonly parts = new Map<Text, NodePart[]>();
  private registered = false;
  private count = 0;
  private mode: HighlightMode = 'all';
  private muted: ReadonlySet<string> = new Set();
  private firstTimer: ReturnType<typeof setTimeout> | null = null;
  /** Grows whenever the recorded or painted spans change (the side panel's cue to reload). */
  revision = 0;
  /** Told when the revision moves (entrypoints/content/page-terms.ts tells a listening side panel). */
  onChange: (() => void) | null = null;
  /**
   * Spans not yet in a Highlight, by the first and the last block of their
   * chunk (a few blocks observed per chunk, not one per paragraph: the
   * observer's work each frame grows with what it watches).
   */
  private readonly waiting = new Map<Element, WaitingGroup>();
  /*
   * Plain maps and sets, each span taken out when it is removed: weak ones
   * holding every span of a long page make each major collection pass over
   * them again and again (ephemeron marking).
   */
  /** The group a waiting span is in. */
  private readonly groups = new Map<Span, WaitingGroup>();
  /** Spans whose range is in their Highlight. */
  private shown = new Set<Span>();
  /** Spans whose block has come near the viewport (or that never wait): the mode decides if they show. */
  private released = new Set<Span>();
  /** In `first` mode, the spans chosen as the first of their term in their section. */
  private firstSpans: ReadonlySet<Span> | null = null;
  private readonly near: IntersectionObserver | null = null;
  /** Groups observed but not yet reported on (the observer reports each block once, soon after). */
  private unreported = 0;
  private settledWaiters: (() => void)[] = [];
  /** When ranges were first put in a Highlight (performance.now()), for the page benchmark. */
  firstShownAt: number | null = null;

  constructor() {
    this.highlights = highlightApiAvailable()
      ? { exact: new Highlight(), approximate: new Highlight(), personal: new Highlight() }
      : null;
    if (this.highlights) {
      // Personal entries win over approximate over exact where ranges ever touch.
      this.highlights.exact.priority = 0;
      this.highlights.approximate.priority = 1;
      this.highlights.personal.priority = 2;
      if (typeof IntersectionObserver === 'function') {
        this.near = new IntersectionObserver((entries) => this.reported(entries), {
          rootMargin: NEAR_VIEWPORT,
        });
        document.addEventListener('visibilitychange', this.onVisibility);
      }
    }
  }

  /** The tab is shown: register what waits near the viewport before the first frame, not one frame after it. */
  private readonly onVisibility = (): void => {
    if (document.visibilityState !== 'visible' || this.waiting.size === 0) return;
    // One layout, which the coming frame would do anyway; nothing here invalidates it.
    const top = -innerHeight;
    const bottom = 2 * innerHeight;
    for (const group of new Set(this.waiting.values())) {
      // The chunk runs from its first block to its last: near if that stretch is.
      const boxes = group.anchors.map((a) => a.getBoundingClientRect());
      const from = Math.min(...boxes.map((b) => b.top));
      const to = Math.max(...boxes.map((b) => b.bottom));
      if (to < top || from > bottom || to === from) continue;
      this.dropGroup(group);
      for (const span of group.spans) this.release(span);
    }
  };

  /** A hidden tab registers spans as they are painted, within its budget (see the header). */
  private registersAtOnce(): boolean {
    return document.visibilityState === 'hidden' && this.shownCount < EAGER_SPANS;
  }

  /** Register the waiting spans of blocks near the viewport, all in this one frame. */
  private reported(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const group = this.waiting.get(e.target);
      if (!group) continue;
      if (!group.reported) {
        group.reported = true;
        this.unreported--;
      }
      if (!e.isIntersecting) continue;
      this.dropGroup(group);
      for (const span of group.spans) this.release(span);
    }
    if (this.unreported <= 0) this.settle();
  }

  /** The span's block is near the viewport: it shows if the mode and the muted ids let it. */
  private release(span: Span): void {
    this.released.add(span);
    if (this.eligible(span)) this.register(span);
  }

  private eligible(span: Span): boolean {
    if (this.isMuted(span)) return false;
    if (this.mode === 'all') return true;
    return this.mode === 'first' && (this.firstSpans?.has(span) ?? false);
  }

  private register(span: Span): void {
    if (!this.highlights || this.shown.has(span)) return;
    this.highlights[span.kind].add(span.range);
    this.shown.add(span);
    this.shownCount++;
    this.firstShownAt ??= performance.now();
  }

  private settle(): void {
    this.unreported = 0;
    for (const w of this.settledWaiters.splice(0)) w();
  }

  /**
   * Resolves once the observer has reported on every block painted so far:
   * the spans near the viewport are then in their Highlights.
   */
  settled(): Promise<void> {
    if (this.unreported <= 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /**
   * On a page with few terms, register the spans still waiting, all at once:
   * revalidating a few thousand ranges costs the renderer little, and then
   * every term is marked before the reader scrolls to it. A long page keeps
   * registering as the reader scrolls.
   */
  showAllIfFew(): void {
    if (this.count > EAGER_SPANS) return;
    for (const group of new Set(this.waiting.values())) {
      this.dropGroup(group);
      for (const span of group.spans) this.release(span);
    }
  }

  /**
   * The group for a chunk's spans, observed by the blocks of its first and
   * last span (not of the chunk's first and last text: that is often the
   * whitespace between two paragraphs, whose block is the body, always in view).
   */
  private groupFor(first: Text, last: Text): WaitingGroup | null {
    const near = this.near;
    if (!near) return null;
    const anchors = [...new Set([first, last].map((n) => blockOf(n, document.body)))];
    const known = this.waiting.get(anchors[0]!);
    if (known) return known;
    const group: WaitingGroup = { spans: new Set(), anchors, reported: false };
    for (const a of anchors) {
      this.waiting.set(a, group);
      near.observe(a);
    }
    this.unreported++;
    return group;
  }

  private dropGroup(group: WaitingGroup): void {
    for (const a of group.anchors) {
      this.near?.unobserve(a);
      if (this.waiting.get(a) === group) this.waiting.delete(a);
    }
    if (!group.reported) {
      group.reported = true;
      if (--this.unreported <= 0) this.settle();
    }
  }

  private changed(): void {
    this.revision++;
    this.onChange?.();
  }

  /** Number of spans currently painted. */
  get size(): number {
    return this.count;
  }

  /** Put the highlights in the document's registry (idempotent). */
  show(): void {
    if (!this.highlights || this.registered) return;
    for (const k of KINDS) CSS.highlights.set(HIGHLIGHT_NAMES[k], this.highlights[k]);
    this.registered = true;
  }

  /** Take the highlights out of the registry; spans are kept (see clear). */
  hide(): void {
    if (!this.highlights || !this.registered) return;
    for (const k of KINDS) {
      if (CSS.highlights.get(HIGHLIGHT_NAMES[k]) === this.highlights[k]) {
        CSS.highlights.delete(HIGHLIGHT_NAMES[k]);
      }
    }
    this.registered = false;
  }

  /** Drop every span. */
  clear(): void {
    if (this.highlights) for (const k of KINDS) this.highlights[k].clear();
    this.parts.clear();
    this.near?.disconnect();
    this.waiting.clear();
    this.settle();
    this.shown = new Set();
    this.shownCount = 0;
    this.released = new Set();
    this.groups.clear();
    this.firstSpans = null;
    this.count = 0;
    this.changed();
  }

  /** Which spans are painted: repaints from the index when the mode or the muted ids changed. */
  setFilter(mode: HighlightMode, mutedIds: readonly string[]): void {
    const sameMuted =
      mutedIds.length === this.muted.size && mutedIds.every((id) => this.muted.has(id));
    if (mode === this.mode && sameMuted) return;
    this.mode = mode;
    this.muted = new Set(mutedIds);
    this.repaint();
  }

  /** Muted entries are neither painted nor hoverable. */
  isMuted(span: Span): boolean {
    return this.muted.has(span.match.id);
  }

  /** Put the spans the mode shows into the highlights, and only those (of the blocks near the viewport). */
  private repaint(): void {
    this.changed();
    if (this.firstTimer !== null) clearTimeout(this.firstTimer);
    this.firstTimer = null;
    if (!this.highlights) return;
    for (const k of KINDS) this.highlights[k].clear();
    this.shown = new Set();
    this.shownCount = 0;
    this.firstSpans = null;
    if (this.mode === 'first') {
      const spans = this.inOrder().filter(({ span }) => !this.isMuted(span));
      const first = firstPerSection(
        spans.map(({ span, section }) => ({ id: span.match.id, section })),
      );
      this.firstSpans = new Set(spans.filter((_, i) => first[i]).map(({ span }) => span));
    }
    if (this.mode === 'hover') return;
    for (const span of this.spans())
      if (this.released.has(span) && this.eligible(span)) this.register(span);
  }

  /** In `first` mode which occurrence comes first depends on the whole page: choose again once painting pauses. */
  private scheduleFirst(): void {
    if (this.firstTimer !== null) clearTimeout(this.firstTimer);
    this.firstTimer = setTimeout(() => this.repaint(), FIRST_DEBOUNCE_MS);
  }

  /** Every span in document order (across open shadow roots). */
  orderedSpans(): Span[] {
    return this.inOrder().map(({ span }) => span);
  }

  /** Every span in document order, with its section (entrypoints/content/sections.ts). */
  private inOrder(): { span: Span; section: string }[] {
    const out: { span: Span; section: string }[] = [];
    const root = document.body ?? document.documentElement;
    for (const { node, section } of orderedTexts(root, (t) => this.parts.has(t))) {
      // A span over several nodes is listed at its first.
      for (const p of this.parts.get(node)!) {
        if (p.span.nodes[0] === node) out.push({ span: p.span, section });
      }
    }
    return out;
  }

  /**
   * Replace whatever was painted on the chunk's text nodes with the chunk's
   * matches. Replacing per chunk lets a rescan repaint without a flash of
   * unhighlighted text.
   */
  paintChunk(chunk: TextChunk, matches: readonly PageMatch[]): void {
    for (const seg of chunk.segments) this.removeNode(seg.node);
    this.changed();
    let group: WaitingGroup | null | undefined;
    for (const m of matches) {
      const i0 = segmentIndexAt(chunk.segments, m.start);
      const i1 = segmentIndexAt(chunk.segments, m.end - 1);
      const first = chunk.segments[i0];
      const last = chunk.segments[i1];
      if (!first || !last || stale(first) || stale(last)) continue;
      const nodes: Text[] = [];
      const span = new PageSpan(m, m.kind, nodes, m.start - first.start, m.end - last.start);
      for (let i = i0; i <= i1; i++) {
        const seg = chunk.segments[i]!;
        nodes.push(seg.node);
        const part: NodePart = {
          start: Math.max(m.start, seg.start) - seg.start,
          end: Math.min(m.end, seg.end) - seg.start,
          span,
        };
        const list = this.parts.get(seg.node);
        if (list) insertSorted(list, part);
        else this.parts.set(seg.node, [part]);
      }
      this.count++;
      if (!this.highlights) continue;
      // Held until the chunk nears the viewport (at once where there is no observer, or in a hidden tab).
      if (group === undefined) {
        group = this.registersAtOnce()
          ? null
          : this.groupFor(first.node, lastMatchedNode(chunk, matches) ?? last.node);
      }
      if (!group) {
        this.release(span);
        continue;
      }
      group.spans.add(span);
      this.groups.set(span, group);
    }
    if (this.mode === 'first') this.scheduleFirst();
  }

  /** Forget the spans that touch `node` (all of each span, in every node). */
  removeNode(node: Text): void {
    const list = this.parts.get(node);
    if (!list) return;
    for (const part of [...list]) this.removeSpan(part.span);
  }

  private removeSpan(span: Span): void {
    let removed = false;
    for (const n of span.nodes) {
      const list = this.parts.get(n);
      if (!list) continue;
      const i = list.findIndex((p) => p.span === span);
      if (i < 0) continue;
      removed = true;
      list.splice(i, 1);
      if (list.length === 0) this.parts.delete(n);
    }
    if (removed) {
      if (this.shown.has(span)) {
        this.highlights?.[span.kind].delete(span.range);
        this.shown.delete(span);
        this.shownCount--;
      } else {
        const group = this.groups.get(span);
        if (group?.spans.delete(span) && group.spans.size === 0) this.dropGroup(group);
      }
      this.groups.delete(span);
      this.released.delete(span);
      this.count--;
      this.changed();
      // The next occurrence in its section may now be the first.
      if (this.mode === 'first') this.scheduleFirst();
    }
  }

  /** Drop spans over text nodes that left the document or changed length (their ranges are stale). */
  sweep(): void {
    for (const [node, list] of [...this.parts]) {
      if (!node.isConnected || list.some((p) => p.end > node.length)) this.removeNode(node);
    }
  }

  /** The span covering the character at `offset` in `node`, if any (never a muted one). */
  spanAt(node: Node, offset: number): Span | null {
    const span = this.recordedAt(node, offset);
    return span && !this.isMuted(span) ? span : null;
  }

  /** The spans on a text node, muted ones left out (the hover's way into shadow trees). */
  spansOn(node: Node): Span[] {
    return (this.parts.get(node as Text) ?? []).map((p) => p.span).filter((s) => !this.isMuted(s));
  }

  private recordedAt(node: Node, offset: number): Span | null {
    const list = this.parts.get(node as Text);
    return list ? partAt(list, offset) : null;
  }

  /** Every span, in no particular order (tests and the shortcut). */
  *spans(): Generator<Span> {
    const seen = new Set<Span>();
    for (const list of this.parts.values()) {
      for (const p of list) {
        if (!seen.has(p.span)) {
          seen.add(p.span);
          yield p.span;
        }
      }
    }
  }
}

/** The text node where the chunk's last match ends. */
function lastMatchedNode(chunk: TextChunk, matches: readonly PageMatch[]): Text | undefined {
  const end = matches[matches.length - 1]?.end;
  return end === undefined
    ? undefined
    : chunk.segments[segmentIndexAt(chunk.segments, end - 1)]?.node;
}

/**
 * The text was collected before the answer came back; a node that left the
 * page or changed length meanwhile would get a wrong range (the observer
 * rescans it anyway).
 */
function stale(seg: Segment): boolean {
  return !seg.node.isConnected || seg.node.length !== seg.end - seg.start;
}
