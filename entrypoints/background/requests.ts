/**
 * The background's answer to every request of lib/protocol.ts, kept free of
 * browser APIs so the unit tests drive it against fake-indexeddb. It returns
 * the response and the broadcasts the caller must send. The effective
 * glossary snapshot is kept in memory between changes: the matcher is compiled
 * from it, and the popup and options page ask for it whenever they open.
 */
import { MatcherCache } from './matcher-cache';
import type { Broadcast, GlossarySnapshot, Request, Settings } from '../../lib/protocol';
import type { AtaZanDatabase } from '../../db/database';
import {
  deleteEntries,
  deleteEntry,
  getEntry,
  getSnapshot,
  importEntries,
  listBatches,
  listEntries,
  resetEntry,
  restoreEntry,
  saveEntry,
  undoBatch,
  type Change,
} from '../../db/glossary-store';
import { getSettings, setSettings } from '../../db/settings-store';
import { CodedError, toErrorInfo } from '../../glossary/errors';
import { ValidationError } from '../../glossary/entry-model';

export interface Handled {
  response: unknown;
  broadcasts: Broadcast[];
}

export class GlossaryService {
  private snapshot: Promise<GlossarySnapshot> | null = null;
  private settings: Promise<Settings> | null = null;
  /** The compiled matcher follows the snapshot's revision. */
  readonly matcher = new MatcherCache(() => this.getSnapshot());

  constructor(private readonly db: AtaZanDatabase) {}

  /** Forget the cached snapshot (after a write made outside `handle`, e.g. seeding). */
  invalidate(): void {
    this.snapshot = null;
  }

  getSnapshot(): Promise<GlossarySnapshot> {
    if (!this.snapshot) {
      this.snapshot = getSnapshot(this.db);
      // Do not keep a failed read around.
      this.snapshot.catch(() => (this.snapshot = null));
    }
    return this.snapshot;
  }

  getSettings(): Promise<Settings> {
    if (!this.settings) {
      this.settings = getSettings(this.db);
      this.settings.catch(() => (this.settings = null));
    }
    return this.settings;
  }

  /** Answer one request; invalid input is answered with `{ error }`, never thrown. */
  async handle(request: unknown): Promise<Handled> {
    try {
      return await this.dispatch(request);
    } catch (err) {
      // Codes, never sentences: the page translates (glossary/errors.ts). What is not ours is
      // logged here and reaches the page as "could not do that".
      if (!(err instanceof CodedError)) console.error('Ata Zan:', err);
      return { response: { error: toErrorInfo(err) }, broadcasts: [] };
    }
  }

  private async dispatch(raw: unknown): Promise<Handled> {
    if (
      typeof raw !== 'object' ||
      raw === null ||
      typeof (raw as { type?: unknown }).type !== 'string'
    ) {
      throw new ValidationError('request.noType');
    }
    const req = raw as Request;
    const db = this.db;
    switch (req.type) {
      case 'glossary/get':
        return { response: await this.getSnapshot(), broadcasts: [] };
      case 'entry/get':
        return { response: await getEntry(db, requireId(req.id)), broadcasts: [] };
      case 'entries/list':
        return { response: await listEntries(db, req.source), broadcasts: [] };
      case 'entry/save':
        return this.changed(await saveEntry(db, req.entry));
      case 'entry/delete':
        return this.changed(await deleteEntry(db, requireId(req.id)));
      case 'entry/restore':
        return this.changed(await restoreEntry(db, req.entry));
      case 'entry/reset':
        return this.changed(await resetEntry(db, requireId(req.id)));
      case 'entries/import':
        return this.changed(
          await importEntries(
            db,
            req.entries,
            req.policy,
            typeof req.name === 'string' ? req.name : '',
          ),
        );
      case 'entries/delete':
        return this.changed(await deleteEntries(db, req.ids));
      case 'batches/list':
        return { response: await listBatches(db), broadcasts: [] };
      case 'batch/undo':
        return this.changed(await undoBatch(db, req.id));
      case 'text/scan':
        return { response: await this.matcher.scan(requireTexts(req.texts)), broadcasts: [] };
      case 'settings/get':
        return { response: await this.getSettings(), broadcasts: [] };
      case 'settings/set': {
        const settings = await setSettings(db, req.patch);
        this.settings = Promise.resolve(settings);
        return { response: settings, broadcasts: [{ type: 'settings/changed', settings }] };
      }
      default:
        throw new ValidationError('request.unknownType', { type: (req as { type: string }).type });
    }
  }

  private changed<T>(change: Change<T>): Handled {
    if (change.revision === null) return { response: change.result, broadcasts: [] };
    this.invalidate();
    return {
      response: change.result,
      broadcasts: [{ type: 'glossary/changed', revision: change.revision }],
    };
  }
}

function requireId(id: unknown): string {
  if (typeof id !== 'string' || !id.trim()) throw new ValidationError('request.idRequired');
  return id.trim();
}

/** A content script sends chunks of tens of kilobytes; refuse anything that is not that. */
const MAX_SCAN_CHARS = 1_000_000;

function requireTexts(texts: unknown): string[] {
  if (!Array.isArray(texts) || !texts.every((t): t is string => typeof t === 'string')) {
    throw new ValidationError('request.texts');
  }
  if (texts.reduce((n, t) => n + t.length, 0) > MAX_SCAN_CHARS) {
    throw new ValidationError('request.tooMuchText', { max: MAX_SCAN_CHARS });
  }
  return texts;
}
