/**
 * The content script's side of the side panel's protocol (lib/page-protocol.ts):
 * the list of the page's terms, read from the painter's index, and steps
 * through one term's occurrences. A step scrolls the occurrence into view and
 * flashes it with a short-lived highlight of its own (CURRENT_HIGHLIGHT); the
 * page's DOM is never touched. A panel watching the tab (WATCH_PORT) is told
 * when the painter's revision moves, at most once per NOTIFY_MS, so it reloads
 * only then.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  WATCH_PORT,
  type PageChanged,
  type PageMessage,
  type PageTermsAnswer,
  type StepAnswer,
} from '../../lib/page-protocol';
import { CURRENT_HIGHLIGHT, highlightApiAvailable, HighlightPainter, type Span } from './highlight';
import { listTerms } from './term-list';
import { spanText } from './span';

/** How long the occurrence reached stays flashed. */
const FLASH_MS = 2500;

/** A scan moves the revision chunk by chunk: a watching panel hears of it at most this often. */
const NOTIFY_MS = 300;

type Port = Browser.runtime.Port;

export class PageTerms {
  /** Per entry id: the occurrence last stepped to (its index in document order). */
  private readonly cursors = new Map<string, number>();
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  /** The side panels watching this page. */
  private readonly watchers = new Set<Port>();
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly painter: HighlightPainter) {
    // Only the top frame answers the panel.
    if (window !== window.top) return;
    browser.runtime.onConnect.addListener(this.onConnect);
    painter.onChange = () => this.changed();
  }

  private readonly onConnect = (port: Port): void => {
    if (port.name !== WATCH_PORT) return;
    this.watchers.add(port);
    port.onDisconnect.addListener(() => this.watchers.delete(port));
  };

  private changed(): void {
    if (this.watchers.size === 0 || this.notifyTimer !== null) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      const msg: PageChanged = { type: 'page/changed', revision: this.painter.revision };
      for (const port of this.watchers) {
        try {
          port.postMessage(msg);
        } catch {
          // The panel went away meanwhile.
          this.watchers.delete(port);
        }
      }
    }, NOTIFY_MS);
  }

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
        text: spanText(s),
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
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
    this.painter.onChange = null;
    for (const port of this.watchers) port.disconnect();
    this.watchers.clear();
    try {
      browser.runtime.onConnect.removeListener(this.onConnect);
    } catch {
      // The runtime is gone with its listeners.
    }
    CSS.highlights?.delete(CURRENT_HIGHLIGHT);
  }
}
