/**
 * The extension pages' side of lib/protocol.ts: one typed call per request.
 * The background answers invalid requests with `{ error: { code, params } }`;
 * that becomes a thrown CodedError here, which the page translates (`t.error`).
 */
import type {
  BatchInfo,
  DeleteSummary,
  DuplicatePolicy,
  GlossarySnapshot,
  ImportSummary,
  Settings,
  StoredEntry,
  UndoSummary,
} from '../lib/protocol';
import type { Entry } from '../glossary/types';

import { ask } from '../lib/ask';

export const background = {
  glossary: () => ask<GlossarySnapshot>({ type: 'glossary/get' }),
  save: (entry: Entry) => ask<StoredEntry>({ type: 'entry/save', entry }),
  remove: (id: string) => ask<StoredEntry | null>({ type: 'entry/delete', id }),
  restore: (entry: StoredEntry) => ask<StoredEntry>({ type: 'entry/restore', entry }),
  reset: (id: string) => ask<StoredEntry | null>({ type: 'entry/reset', id }),
  importEntries: (entries: Entry[], policy: DuplicatePolicy, name?: string) =>
    ask<ImportSummary>({ type: 'entries/import', entries, policy, name }),
  removeMany: (ids: string[]) => ask<DeleteSummary>({ type: 'entries/delete', ids }),
  undo: (id: number) => ask<UndoSummary>({ type: 'batch/undo', id }),
  batches: () => ask<BatchInfo[]>({ type: 'batches/list' }),
  settings: () => ask<Settings>({ type: 'settings/get' }),
  setSettings: (patch: Partial<Settings>) => ask<Settings>({ type: 'settings/set', patch }),
};
