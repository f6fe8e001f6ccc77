/**
 * The extension pages' side of lib/protocol.ts: one typed call per request.
 * The background answers invalid requests with `{ error }`; that becomes a
 * thrown Error here, so a form can show the message.
 */
import { browser } from 'wxt/browser';
import type {
  DuplicatePolicy,
  GlossarySnapshot,
  ImportSummary,
  Request,
  Settings,
  StoredEntry,
} from '../lib/protocol';
import type { Entry, EntrySource } from '../glossary/types';

async function ask<T>(request: Request): Promise<T> {
  const res: unknown = await browser.runtime.sendMessage(request);
  if (res && typeof res === 'object' && 'error' in res) throw new Error(String(res.error));
  return res as T;
}

export const background = {
  glossary: () => ask<GlossarySnapshot>({ type: 'glossary/get' }),
  entry: (id: string) => ask<StoredEntry | null>({ type: 'entry/get', id }),
  list: (source?: EntrySource) => ask<StoredEntry[]>({ type: 'entries/list', source }),
  save: (entry: Entry) => ask<StoredEntry>({ type: 'entry/save', entry }),
  remove: (id: string) => ask<StoredEntry | null>({ type: 'entry/delete', id }),
  restore: (entry: StoredEntry) => ask<StoredEntry>({ type: 'entry/restore', entry }),
  reset: (id: string) => ask<StoredEntry | null>({ type: 'entry/reset', id }),
  importEntries: (entries: Entry[], policy: DuplicatePolicy) =>
    ask<ImportSummary>({ type: 'entries/import', entries, policy }),
  settings: () => ask<Settings>({ type: 'settings/get' }),
  setSettings: (patch: Partial<Settings>) => ask<Settings>({ type: 'settings/set', patch }),
};
