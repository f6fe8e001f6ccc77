/** The user's settings: one row, merged over the defaults so new settings get their default. */
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  type Settings,
} from '../lib/protocol';
import type { AtaZanDatabase } from './database';
import { ValidationError } from '../glossary/entry-model';

export async function getSettings(db: AtaZanDatabase): Promise<Settings> {
  const row = await db.settings.get('settings');
  return merge(DEFAULT_SETTINGS, row?.value ?? {});
}

function merge(base: Settings, patch: Partial<Settings>): Settings {
  return {
    ...base,
    ...patch,
    colors: { ...base.colors, ...(patch.colors ?? {}) },
    disabledSites: [...(patch.disabledSites ?? base.disabledSites)],
  };
}

const KINDS = HIGHLIGHT_KINDS;

/** Check a patch field by field, so a bad value is refused with a clear reason instead of stored. */
export function validatePatch(patch: unknown): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null) throw new ValidationError('settings.patch');
  const p = patch as Record<string, unknown>;
  const out: Partial<Settings> = {};
  if ('enabled' in p) {
    if (typeof p.enabled !== 'boolean') throw new ValidationError('settings.enabled');
    out.enabled = p.enabled;
  }
  if ('disabledSites' in p) {
    const s = p.disabledSites;
    if (!Array.isArray(s) || !s.every((h) => typeof h === 'string')) {
      throw new ValidationError('settings.sites');
    }
    out.disabledSites = [...new Set(s.map((h: string) => h.trim().toLowerCase()).filter(Boolean))];
  }
  if ('openPdfs' in p) {
    if (typeof p.openPdfs !== 'boolean') throw new ValidationError('settings.openPdfs');
    out.openPdfs = p.openPdfs;
  }
  if ('uiLanguage' in p) {
    if (
      p.uiLanguage !== 'auto' &&
      p.uiLanguage !== 'kk' &&
      p.uiLanguage !== 'ru' &&
      p.uiLanguage !== 'en'
    ) {
      throw new ValidationError('settings.language');
    }
    out.uiLanguage = p.uiLanguage;
  }
  if ('colors' in p) {
    const c = p.colors;
    if (typeof c !== 'object' || c === null) throw new ValidationError('settings.colors');
    const colors: Partial<Record<HighlightKind, string>> = {};
    for (const [k, v] of Object.entries(c)) {
      if (!KINDS.includes(k as HighlightKind))
        throw new ValidationError('settings.colorKind', { kind: k });
      // Colours end up in a stylesheet: allow only what a colour can look like, never ; { } or quotes.
      if (typeof v !== 'string' || !/^[#a-zA-Z0-9(),.%\s-]{1,64}$/.test(v)) {
        throw new ValidationError('settings.color', { kind: k });
      }
      colors[k as HighlightKind] = v.trim();
    }
    out.colors = colors as Settings['colors'];
  }
  return out;
}

export async function setSettings(db: AtaZanDatabase, patch: unknown): Promise<Settings> {
  const clean = validatePatch(patch);
  return db.transaction('rw', db.settings, async () => {
    const next = merge(await getSettings(db), clean);
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}
