/**
 * Watches the page for changes and hands the changed blocks to the scanner,
 * debounced. Only the changed subtrees are read again, never the whole page.
 * A page that mutates without pause (tickers, chats) cannot make us fall
 * behind: changes are merged per block, a flush happens at most once per
 * MAX_WAIT_MS, each flush takes at most MAX_ROOTS_PER_FLUSH blocks (the rest
 * wait for the next), and past MAX_PENDING the page is simply rescanned once.
 * Our own host element is ignored, and painting highlights causes no
 * mutations, so there is no feedback loop.
 */
import { blockOf, isInline, type ScanRoot } from './text-collect';

const DEBOUNCE_MS = 200;
const MAX_WAIT_MS = 1000;
const MAX_ROOTS_PER_FLUSH = 150;
const MAX_PENDING = 2000;
const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export interface ChangeSink {
  /** Rescan these blocks (none contains another). */
  rescan(roots: ScanRoot[]): void;
  /** Too much changed: rescan everything. */
  rescanAll(): void;
  /** The scanner is still working on the last batch. */
  busy(): boolean;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private pending = new Set<ScanRoot>();
  /** Open shadow roots watched besides the document (a document observer does not see into them). */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private overflow = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;

  constructor(
    private readonly sink: ChangeSink,
    private readonly ownUi: () => Element | null,
  ) {
    this.observer = new MutationObserver((records) => this.record(records));
  }

  start(): void {
    this.observer.observe(document.documentElement, OBSERVED);
  }

  /** Watch an open shadow root too (the scanner met it while reading). */
  observeRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer.observe(root, OBSERVED);
  }

  stop(): void {
    this.observer.disconnect();
    this.shadowRoots.clear();
    this.pending.clear();
    this.overflow = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private record(records: MutationRecord[]): void {
    const body = document.body;
    if (!body) return;
    const host = this.ownUi();
    for (const r of records) {
      const target = r.target;
      if (host && (target === host || host.contains(target))) continue;
      // Inside a shadow root, the block is looked for up to that root.
      const tree = target.getRootNode();
      const root: ScanRoot = tree instanceof ShadowRoot ? tree : body;
      if (root === body ? !body.contains(target) : !tree.isConnected) continue;
      if (r.type === 'childList') {
        // New blocks are read on their own; anything inline changes the flow of the block around it.
        let inlineChange = r.removedNodes.length > 0 && [...r.removedNodes].some(isFlowPart);
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE && !isInline(n as Element)) this.add(n as Element);
          else if (isFlowPart(n)) inlineChange = true;
        }
        if (inlineChange) this.add(blockOf(target, root));
      } else {
        this.add(blockOf(target, root));
      }
    }
    this.schedule();
  }

  private add(el: ScanRoot): void {
    if (this.overflow) return;
    if (this.pending.size === 0) this.firstPendingAt = performance.now();
    this.pending.add(el);
    if (this.pending.size > MAX_PENDING) {
      this.overflow = true;
      this.pending.clear();
    }
  }

  private schedule(): void {
    if (this.pending.size === 0 && !this.overflow) return;
    if (this.timer !== null) clearTimeout(this.timer);
    // Debounce, but never wait past MAX_WAIT_MS since the first pending change.
    const waited = performance.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => this.flush(), delay);
  }

  private flush(): void {
    this.timer = null;
    if (this.sink.busy()) {
      // Let the scanner finish; changes keep merging meanwhile.
      this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
      return;
    }
    if (this.overflow) {
      this.overflow = false;
      this.pending.clear();
      this.sink.rescanAll();
      return;
    }
    const roots = outermost([...this.pending].filter((el) => el.isConnected));
    const now = roots.slice(0, MAX_ROOTS_PER_FLUSH);
    this.pending = new Set(roots.slice(MAX_ROOTS_PER_FLUSH));
    if (this.pending.size > 0) {
      this.firstPendingAt = performance.now();
      this.timer = setTimeout(() => this.flush(), MAX_WAIT_MS);
    }
    if (now.length > 0) this.sink.rescan(now);
  }
}

/** Text or inline elements: a change to them changes the surrounding flow. */
function isFlowPart(n: Node): boolean {
  return (
    n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && isInline(n as Element))
  );
}

/** Drop every element contained in another of the list (within its own tree). */
function outermost(els: ScanRoot[]): ScanRoot[] {
  const set = new Set<ScanRoot>(els);
  return els.filter((el) => {
    for (let p = el.parentNode; p; p = p.parentNode) if (set.has(p as ScanRoot)) return false;
    return true;
  });
}
