/**
 * Runs collection → matching → painting in time slices so the page never
 * sees a long task: each slice works until its budget is spent, then yields
 * the main thread. A full scan starts at the block in view and reads to the
 * end of the page, then comes back for the part above. Rescans of changed
 * subtrees queue behind it. Starting a new full scan abandons the old one.
 */
import type { Match } from '../../glossary/types';
import type { Matcher } from '../../glossary/matcher';
import type { HighlightKind } from '../../lib/protocol';
import type { HighlightPainter } from '../../lib/highlight';
import { blockOf, collectText, type CollectOptions } from '../../lib/text-collect';

/** Work per slice; well under the 50 ms long-task line, leaving room for the page. */
const SLICE_MS = 12;

export interface ScanStats {
  startedAt: number;
  firstPaintAt: number | null;
  finishedAt: number | null;
  slices: number;
  longestSliceMs: number;
  chars: number;
  matches: number;
}

interface Region {
  root: Element;
  from?: Node;
  until?: Node;
}

/** Give the main thread back: scheduler.yield where it exists (keeps our priority), else a macrotask. */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

export class Scanner {
  private queue: Region[] = [];
  private running = false;
  private generation = 0;
  stats: ScanStats = Scanner.emptyStats();

  constructor(
    private readonly painter: HighlightPainter,
    private readonly matcher: () => Matcher | null,
    private readonly kindOf: (m: Match) => HighlightKind,
    private readonly ownUi: () => Element | null,
    private readonly onFinished: (stats: ScanStats) => void = () => {},
  ) {}

  private static emptyStats(): ScanStats {
    return {
      startedAt: performance.now(),
      firstPaintAt: null,
      finishedAt: null,
      slices: 0,
      longestSliceMs: 0,
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
    const from = visibleStart(body);
    this.queue = from
      ? [
          { root: body, from },
          { root: body, until: from },
        ]
      : [{ root: body }];
    this.painter.sweep();
    void this.run();
  }

  /** Rescan these subtrees (already deduplicated by the caller). */
  rescan(roots: readonly Element[]): void {
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
    try {
      let sliceStart = performance.now();
      while (this.queue.length > 0) {
        const region = this.queue.shift()!;
        if (!region.root.isConnected) continue;
        const opts: CollectOptions = { root: region.root, ownUi: this.ownUi() };
        if (region.from) opts.from = region.from;
        if (region.until) opts.until = region.until;
        for (const chunk of collectText(opts)) {
          const matcher = this.matcher();
          if (!matcher) break;
          const matches = matcher.scan(chunk.text);
          this.painter.paintChunk(chunk, matches, this.kindOf);
          this.stats.chars += chunk.text.length;
          this.stats.matches += matches.length;
          if (this.stats.firstPaintAt === null && matches.length > 0) {
            this.stats.firstPaintAt = performance.now();
          }
          const now = performance.now();
          if (now - sliceStart >= SLICE_MS) {
            this.endSlice(now - sliceStart);
            await yieldToMain();
            if (gen !== this.generation) return;
            sliceStart = performance.now();
          }
        }
        if (gen !== this.generation) return;
      }
      this.endSlice(performance.now() - sliceStart);
      this.stats.finishedAt = performance.now();
      this.onFinished(this.stats);
    } finally {
      this.running = false;
      // A scan started while this one was abandoned runs now.
      if (gen !== this.generation && this.queue.length > 0) void this.run();
    }
  }

  private endSlice(ms: number): void {
    this.stats.slices++;
    if (ms > this.stats.longestSliceMs) this.stats.longestSliceMs = ms;
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
