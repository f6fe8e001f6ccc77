/**
 * Runs collection → matching → painting in slices so the page never sees a
 * long task: a slice collects text until its time or size budget is spent,
 * sends it to the background to be matched (the page's main thread is free
 * while it waits), then paints the answer. A full scan starts at the block in
 * view and reads to the end of the page, then comes back for the part above.
 * Rescans of changed subtrees queue behind it. Starting a new full scan
 * abandons the old one.
 *
 * Painting only records the spans; the painter registers them as their blocks
 * near the viewport (./highlight.ts). A scan starts after a rendered frame:
 * the collector asks elements whether they are visible, which is cheap only
 * while the page's style is computed, and the highlight rules just put in the
 * document (or the page's own last changes) leave it stale until the next frame.
 */
import type { PageMatch } from '../../lib/scan-wire';
import type { HighlightPainter } from './highlight';
import {
  blockOf,
  collectText,
  type CollectOptions,
  type ScanRoot,
  type TextChunk,
} from './text-collect';
import { afterRendering, yieldToMain } from './main-thread';

/** Collecting per slice; well under the 50 ms long-task line, leaving room for the page. */
const SLICE_MS = 12;
/**
 * Text per request to the background: big enough that messaging costs few
 * round trips, small enough that sending it and taking in its answer (both
 * serialised on the page's main thread) stay short tasks.
 */
const BATCH_CHARS = 32 * 1024;
/** The first request of a scan: small, so the first highlights come quickly. */
const FIRST_BATCH_CHARS = 8 * 1024;
/** Chunks of the collector (a chunk closes at the first block boundary after this). */
const CHUNK_CHARS = 8 * 1024;

/** Matches for each text, or null when the glossary cannot be reached. */
export type ScanTexts = (texts: string[]) => Promise<PageMatch[][] | null>;

export interface ScanStats {
  startedAt: number;
  /** When the first highlights were registered (the painter's `firstShownAt`). */
  firstPaintAt: number | null;
  finishedAt: number | null;
  slices: number;
  longestSliceMs: number;
  /** The longest slice spent collecting text, and painting. */
  longestCollectMs: number;
  longestPaintMs: number;
  chars: number;
  matches: number;
}

interface Region {
  root: ScanRoot;
  from?: Node;
  until?: Node;
  /**
   * The whole body, read from the block in view to the end, then the part
   * above: split only after the page has rendered, since asking where the
   * viewport is (scrollY, elementFromPoint) makes the browser bring its style
   * and layout up to date at once (with the highlight rules just added, the
   * whole page's style) inside our task instead of in its own frame.
   */
  fromView?: true;
}

export class Scanner {
  private queue: Region[] = [];
  private running = false;
  private generation = 0;
  stats: ScanStats = Scanner.emptyStats();

  constructor(
    private readonly painter: HighlightPainter,
    private readonly scanTexts: ScanTexts,
    private readonly ownUi: () => Element | null,
    private readonly onFinished: (stats: ScanStats) => void = () => {},
    /** Each open shadow root met while reading; it is read next, as a region of its own. */
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => {},
  ) {}

  private static emptyStats(): ScanStats {
    return {
      startedAt: performance.now(),
      firstPaintAt: null,
      finishedAt: null,
      slices: 0,
      longestSliceMs: 0,
      longestCollectMs: 0,
      longestPaintMs: 0,
      chars: 0,
      matches: 0,
    };
  }

  /** Scan the whole body again (new glossary, highlighting switched on), the visible part first. */
  scanAll(): void {
    const body = document.body;
    if (!body) return;
    this.generation++;
    this.stats = Scanner.emptyStats();
    this.painter.firstShownAt = null;
    // Where the reader is is asked once the page has rendered (see run).
    this.queue = [{ root: body, fromView: true }];
    this.painter.sweep();
    void this.run();
  }

  /** Rescan these subtrees (already deduplicated by the caller). */
  rescan(roots: readonly ScanRoot[]): void {
    for (const root of roots) this.queue.push({ root });
    void this.run();
  }

  /** Stop everything queued (highlighting switched off). */
  cancel(): void {
    this.generation++;
    this.queue = [];
  }

  get busy(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const gen = this.generation;
    let batchChars = FIRST_BATCH_CHARS;
    try {
      await afterRendering(100);
      if (gen !== this.generation) return;
      while (this.queue.length > 0) {
        let region = this.queue.shift()!;
        if (!region.root.isConnected) continue;
        if (region.fromView) region = this.splitAtView(region.root);
        const opts: CollectOptions = {
          root: region.root,
          ownUi: this.ownUi(),
          chunkChars: CHUNK_CHARS,
          onShadowRoot: (root) => {
            this.onShadowRoot(root);
            this.queue.push({ root });
          },
        };
        if (region.from) opts.from = region.from;
        if (region.until) opts.until = region.until;
        const chunks = collectText(opts);
        let done = false;
        while (!done) {
          // Collect one batch, within the slice budget.
          const t0 = performance.now();
          const batch: TextChunk[] = [];
          let chars = 0;
          while (chars < batchChars && performance.now() - t0 < SLICE_MS) {
            const next = chunks.next();
            if (next.done) {
              done = true;
              break;
            }
            batch.push(next.value);
            chars += next.value.text.length;
          }
          this.endSlice(performance.now() - t0, 'collect');
          if (batch.length === 0) break;
          const results = await this.scanTexts(batch.map((c) => c.text));
          if (gen !== this.generation) return;
          if (!results) break;
          // Paint the answer chunk by chunk, yielding whenever a slice is spent.
          let t1 = performance.now();
          for (let i = 0; i < batch.length; i++) {
            const matches = results[i] ?? [];
            this.painter.paintChunk(batch[i]!, matches);
            this.stats.matches += matches.length;
            if (performance.now() - t1 >= SLICE_MS && i < batch.length - 1) {
              this.endSlice(performance.now() - t1, 'paint');
              await yieldToMain();
              if (gen !== this.generation) return;
              t1 = performance.now();
            }
          }
          this.stats.chars += chars;
          this.endSlice(performance.now() - t1, 'paint');
          await yieldToMain();
          if (gen !== this.generation) return;
          // The first answer comes fastest for a small request; then bigger ones cost fewer round trips.
          batchChars = BATCH_CHARS;
        }
      }
      this.stats.finishedAt = performance.now();
      // The first highlights are those the painter put on screen, not the first recorded.
      // (Not forever: a tab in the background renders no frames.)
      await Promise.race([this.painter.settled(), new Promise((r) => setTimeout(r, 1000))]);
      this.stats.firstPaintAt = this.painter.firstShownAt;
      this.painter.showAllIfFew();
      this.onFinished(this.stats);
    } finally {
      this.running = false;
      // A scan started while this one was abandoned runs now.
      if (gen !== this.generation && this.queue.length > 0) void this.run();
    }
  }

  /** The body from the block in view to its end; the part above is read right after it. */
  private splitAtView(body: ScanRoot): Region {
    const from = body instanceof HTMLElement ? visibleStart(body) : null;
    if (!from) return { root: body };
    this.queue.unshift({ root: body, until: from });
    return { root: body, from };
  }

  private endSlice(ms: number, kind: 'collect' | 'paint'): void {
    this.stats.slices++;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
    if (kind === 'collect') this.stats.longestCollectMs = Math.max(this.stats.longestCollectMs, ms);
    else this.stats.longestPaintMs = Math.max(this.stats.longestPaintMs, ms);
  }
}

/** The block at the top of the viewport, to start reading there; null when at the top of the page. */
function visibleStart(body: HTMLElement): Element | null {
  if (window.scrollY < 50) return null;
  const el = document.elementFromPoint(window.innerWidth / 2, Math.min(40, window.innerHeight / 4));
  if (!el || !body.contains(el) || el === body) return null;
  const block = blockOf(el, body);
  return block === body ? null : block;
}
