/**
 * The content script's side of the side panel's protocol (lib/page-protocol.ts):
 * the list of the page's terms, read from the painter's index, and steps
 * through one term's occurrences. A step scrolls the occurrence into view and
 * flashes it with a short-lived highlight of its own (CURRENT_HIGHLIGHT); the
 * page's DOM is never touched.
 */
import type { PageMessage, PageTermsAnswer, StepAnswer } from '../../lib/page-protocol';
import { CURRENT_HIGHLIGHT, highlightApiAvailable, HighlightPainter, type Span } from './highlight';
import { listTerms } from './term-list';

/** How long the occurrence reached stays flashed. */
const FLASH_MS = 2500;

export class PageTerms {
  /** Per entry id: the occurrence last stepped to (its index in document order). */
  private readonly cursors = new Map<string, number>();
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly painter: HighlightPainter) {}

  answer(msg: PageMessage): PageTermsAnswer | StepAnswer | null {
    switch (msg.type) {
      case 'page/terms':
        return this.list();
      case 'page/step':
        return this.step(msg.id, msg.direction);
    }
  }

  /** The occurrences the reader can see or hover: muted entries are left out. */
  private occurrences(): Span[] {
    return this.painter.orderedSpans().filter((s) => !this.painter.isMuted(s));
  }

  private list(): PageTermsAnswer {
    const terms = listTerms(
      this.occurrences().map((s) => ({
        id: s.match.id,
        text: HighlightPainter.textOf(s),
        lang: s.match.lang,
      })),
    );
    // The document's load time tells it from the tab's earlier pages.
    return { page: `${performance.timeOrigin}`, revision: this.painter.revision, terms };
  }

  private step(id: string, direction: 1 | -1): StepAnswer | null {
    const spans = this.occurrences().filter((s) => s.match.id === id);
    if (spans.length === 0) return null;
    const last = this.cursors.get(id);
    // From nowhere, "next" reaches the first and "previous" the last.
    const at =
      last === undefined
        ? direction === 1
          ? 0
          : spans.length - 1
        : (last + direction + spans.length) % spans.length;
    this.cursors.set(id, at);
    const span = spans[at]!;
    span.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.flash(span);
    return { index: at + 1, count: spans.length };
  }

  private flash(span: Span): void {
    if (!highlightApiAvailable()) return;
    const h = new Highlight(span.range);
    // Over the term's own highlight.
    h.priority = 10;
    CSS.highlights.set(CURRENT_HIGHLIGHT, h);
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashTimer = null;
      if (CSS.highlights.get(CURRENT_HIGHLIGHT) === h) CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }, FLASH_MS);
  }

  stop(): void {
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    CSS.highlights?.delete(CURRENT_HIGHLIGHT);
  }
}
