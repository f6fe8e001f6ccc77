/**
 * An import's packs (db/import-packs.ts) on their way into rows: indexed by
 * id and term right after the import, then moved a pack at a time, each
 * move waiting for a pause between requests, so that a form being filled in
 * or a page being scanned never waits behind a move's transaction; both
 * wait while a glossary is compiled, which the pages wait for.
 */
import type { AtaZanDatabase } from '../../db/database';
import { preparePacks, unpackImports } from '../../db/import-packs';

/**
 * After an import, its packs are moved into rows this long after, once the
 * pages that asked for the new glossary have it.
 */
const UNPACK_DELAY_MS = 3000;
/**
 * The move takes its next pack only once no request has been answered for
 * this long, or once it has been held back this long, so it ends even on a
 * busy worker.
 */
const MOVE_QUIET_MS = 300;
const MOVE_MAX_HOLD_MS = 1500;

export class PackMover {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private moving: Promise<unknown> = Promise.resolve();
  /** Requests being answered, and when the last answer went (the move waits for a pause). */
  private answering = 0;
  private lastAnswerAt = 0;

  constructor(
    private readonly db: AtaZanDatabase,
    /**
     * Resolves when the work that goes first is done: a glossary being
     * compiled (the pages wait for it; a termbase's packs are indexed and
     * moved after it, not in its way).
     */
    private readonly yieldTo: () => Promise<void> = async () => undefined,
  ) {}

  /**
   * Move the packs of the last imports into rows a little later, off the path
   * of the import's answer; every write would otherwise do it first, inside
   * its own transaction.
   */
  soon(delay = UNPACK_DELAY_MS): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A database closed meanwhile (the tests close theirs) has nothing to move.
      if (!this.db.isOpen()) return;
      this.moving = this.moving
        .then(() => unpackImports(this.db, { pace: () => this.pause() }))
        .catch((err: unknown) => console.warn('Ata Zan: import packs not yet moved', err));
    }, delay);
  }

  /**
   * After an import: its packs moved into rows soon, and until then indexed
   * by id and term, a pack at a time, so the entry form's duplicate check and
   * the cards find them at once. (A woken worker's first reader reads the
   * packs; their look-ups are made at the first one.)
   */
  imported(): void {
    const between = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.yieldTo();
    };
    void preparePacks(this.db, between).catch((err: unknown) =>
      console.debug('Ata Zan: import packs not indexed', err),
    );
    this.soon();
  }

  /** Resolves when the packs moved by the last `soon` are rows. */
  async moved(): Promise<void> {
    await this.moving;
  }

  /** Answer a request, counted while it runs (see `pause`). */
  async track<T>(answer: () => Promise<T>): Promise<T> {
    this.answering++;
    try {
      return await answer();
    } finally {
      this.answering--;
      this.lastAnswerAt = Date.now();
    }
  }

  /**
   * Resolves when the worker is between requests (none answered for a
   * moment), or after the longest hold, and no glossary is being compiled:
   * the move's next transaction then keeps no save or look-up waiting
   * behind it.
   */
  private async pause(): Promise<void> {
    await this.yieldTo();
    const held = Date.now();
    for (;;) {
      const now = Date.now();
      const quietFor = this.answering > 0 ? 0 : now - this.lastAnswerAt;
      if (quietFor >= MOVE_QUIET_MS || now - held >= MOVE_MAX_HOLD_MS) return;
      const wait = Math.min(MOVE_QUIET_MS - quietFor, MOVE_MAX_HOLD_MS - (now - held));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
