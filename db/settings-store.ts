/** The user's settings: one row, merged over the defaults so new settings get their default. */
import { DEFAULT_SETTINGS, validateSettingsPatch, type Settings } from '../lib/settings';
import type { AtaZanDatabase } from './database';

export async function getSettings(db: AtaZanDatabase): Promise<Settings> {
  const row = await db.settings.get('settings');
  return merge(DEFAULT_SETTINGS, row?.value ?? {});
}

/** What getSettings answers before anything was saved. */
export function defaultSettings(): Settings {
  return merge(DEFAULT_SETTINGS, {});
}

function merge(base: Settings, patch: Partial<Settings>): Settings {
  return {
    ...base,
    ...patch,
    colors: { ...base.colors, ...(patch.colors ?? {}) },
    disabledSites: [...(patch.disabledSites ?? base.disabledSites)],
  };
}

export async function setSettings(db: AtaZanDatabase, patch: unknown): Promise<Settings> {
  const clean = validateSettingsPatch(patch);
  return db.transaction('rw', db.settings, async () => {
    const next = merge(await getSettings(db), clean);
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}
