/** Settings: highlighting everywhere, colours, sites where it is off, UI language. */
import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import {
  HIGHLIGHT_KINDS,
  HIGHLIGHT_LOOKS,
  HIGHLIGHT_MODES,
  type HighlightLook,
  type HighlightMode,
  type Settings,
} from '../lib/settings';
import { MutedTerms } from './MutedTerms';
import { PdfSwitch } from './PdfControls';
import { Switch } from './Switch';

export interface SettingsPanelProps {
  settings: Settings;
  t: Translate;
  onChange: (patch: Partial<Settings>) => void;
}

const KINDS = HIGHLIGHT_KINDS;

/** A hostname from what a user typed ("https://adilet.zan.kz/rus" → adilet.zan.kz). */
function hostOf(typed: string): string | null {
  const s = typed.trim().toLowerCase();
  if (!s) return null;
  try {
    return new URL(s.includes('://') ? s : `https://${s}`).hostname || null;
  } catch {
    return null;
  }
}

export function SettingsPanel({ settings, t, onChange }: SettingsPanelProps) {
  const [site, setSite] = useState('');
  const addSite = (e: Event) => {
    e.preventDefault();
    const host = hostOf(site);
    if (host && !settings.disabledSites.includes(host)) {
      onChange({ disabledSites: [...settings.disabledSites, host] });
    }
    setSite('');
  };
  return (
    <div class="settings">
      <Switch
        name="enabled"
        label={t('settings.enabled')}
        checked={settings.enabled}
        onChange={(enabled) => onChange({ enabled })}
      />
      <PdfSwitch settings={settings} onChange={onChange} hint />
      <HighlightModeSelect id="highlight-mode" settings={settings} t={t} onChange={onChange} />
      <div class="field">
        <label for="highlight-look">{t('settings.look')}</label>
        <select
          id="highlight-look"
          name="highlight-look"
          value={settings.highlightLook}
          onChange={(e) => onChange({ highlightLook: e.currentTarget.value as HighlightLook })}
        >
          {HIGHLIGHT_LOOKS.map((look) => (
            <option key={look} value={look}>
              {t(`settings.look.${look}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('settings.colors')}</legend>
        <div class="colors">
          {KINDS.map((kind) => (
            <label key={kind} class="color">
              <input
                type="color"
                name={`color-${kind}`}
                value={settings.colors[kind]}
                onChange={(e) =>
                  onChange({ colors: { ...settings.colors, [kind]: e.currentTarget.value } })
                }
              />
              <span style={{ background: settings.colors[kind] }} class="sample">
                {t(`settings.color.${kind}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.sites')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="help">{t('settings.sites.none')}</p>
        ) : null}
        <ul class="sites">
          {settings.disabledSites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                class="link"
                aria-label={t('settings.sites.remove', { host })}
                onClick={() =>
                  onChange({ disabledSites: settings.disabledSites.filter((h) => h !== host) })
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <form class="row" onSubmit={addSite}>
          <label class="visually-hidden" for="site-input">
            {t('settings.sites.add')}
          </label>
          <input
            id="site-input"
            type="text"
            name="site"
            placeholder={t('settings.sites.placeholder')}
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit">{t('settings.sites.add')}</button>
        </form>
      </fieldset>
      <MutedTerms
        mutedIds={settings.mutedIds}
        t={t}
        onChange={(mutedIds) => onChange({ mutedIds })}
      />
      <div class="field">
        <label for="ui-language">{t('settings.language')}</label>
        <select
          id="ui-language"
          name="uiLanguage"
          value={settings.uiLanguage}
          onChange={(e) =>
            onChange({ uiLanguage: e.currentTarget.value as Settings['uiLanguage'] })
          }
        >
          <option value="auto">{t('settings.language.auto')}</option>
          <option value="kk" lang="kk">
            Қазақша
          </option>
          <option value="ru" lang="ru">
            Русский
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
    </div>
  );
}

/** Which occurrences are painted (the options page and the popup). */
export function HighlightModeSelect({
  id,
  settings,
  t,
  onChange,
}: {
  id: string;
  settings: Settings | null;
  t: Translate;
  onChange: (patch: Partial<Settings>) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{t('settings.mode')}</label>
      <select
        id={id}
        name="highlight-mode"
        disabled={!settings}
        value={settings?.highlightMode}
        onChange={(e) => onChange({ highlightMode: e.currentTarget.value as HighlightMode })}
      >
        {HIGHLIGHT_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`settings.mode.${mode}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
