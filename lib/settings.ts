/**
 * The user's settings as every part of the extension sees them: their shape,
 * their defaults, and the check a change must pass before the background
 * stores it (db/settings-store.ts keeps them; the router checks
 * `settings/set` with `validateSettingsPatch`).
 */
import { ValidationError } from '../glossary/entry-model';
import { LIMITS } from '../glossary/limits';

export type HighlightKind = 'exact' | 'approximate' | 'personal';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['exact', 'approximate', 'personal'];

/** Which occurrences are painted: every one, the first of each term per section, or none (the card still opens on hover). */
export type HighlightMode = 'all' | 'first' | 'hover';
export const HIGHLIGHT_MODES: readonly HighlightMode[] = ['all', 'first', 'hover'];
/** How a painted term looks. */
export type HighlightLook = 'background' | 'underline' | 'dotted';
export const HIGHLIGHT_LOOKS: readonly HighlightLook[] = ['background', 'underline', 'dotted'];

export interface Settings {
  /** Highlighting everywhere. */
  enabled: boolean;
  /** Hostnames where highlighting is off. */
  disabledSites: string[];
  /** 'auto' follows the browser's language. */
  uiLanguage: 'auto' | 'kk' | 'ru' | 'en';
  /** CSS colours of the highlight kinds. */
  colors: Record<HighlightKind, string>;
  /** Open PDFs navigated to in a tab in Ata Zan's viewer (Chromium; off by default). */
  openPdfs: boolean;
  highlightMode: HighlightMode;
  highlightLook: HighlightLook;
  /** Entry ids the reader muted: never painted, still in search and the options page. */
  mutedIds: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  uiLanguage: 'auto',
  colors: { exact: '#fff3a3', approximate: '#ffd9a8', personal: '#c8f0d0' },
  openPdfs: false,
  highlightMode: 'all',
  highlightLook: 'background',
  mutedIds: [],
};

/** Check a patch field by field, so a bad value is refused with a clear reason instead of stored. */
export function validateSettingsPatch(patch: unknown): Partial<Settings> {
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
  if ('highlightMode' in p) {
    if (!HIGHLIGHT_MODES.includes(p.highlightMode as HighlightMode)) {
      throw new ValidationError('settings.mode');
    }
    out.highlightMode = p.highlightMode as HighlightMode;
  }
  if ('highlightLook' in p) {
    if (!HIGHLIGHT_LOOKS.includes(p.highlightLook as HighlightLook)) {
      throw new ValidationError('settings.look');
    }
    out.highlightLook = p.highlightLook as HighlightLook;
  }
  if ('mutedIds' in p) {
    const ids = p.mutedIds;
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string' && x.length <= LIMITS.id)) {
      throw new ValidationError('settings.muted');
    }
    out.mutedIds = [...new Set(ids as string[])];
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
      if (!HIGHLIGHT_KINDS.includes(k as HighlightKind))
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
