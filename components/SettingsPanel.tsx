/** Settings: highlighting everywhere, colours, sites where it is off, UI language. */
import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { HIGHLIGHT_KINDS, HIGHLIGHT_LOOKS, HIGHLIGHT_MODES, type Settings } from '../lib/settings';
import { Choice, Field, TextBox } from './Field';
import { MutedTerms } from './MutedTerms';
import { PdfSwitch } from './PdfControls';
import { Switch } from './Switch';

export interface SettingsPanelProps {
  settings: Settings;
  t: Translate;
  onChange: (patch: Partial<Settings>) => void;
}

const KINDS = HIGHLIGHT_KINDS;

type UiLanguage = Settings['uiLanguage'];
const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'kk', 'ru', 'en'];
/** Each language by its own name, so a user who cannot read the current one finds theirs. */
const OWN_NAMES: Record<Exclude<UiLanguage, 'auto'>, string> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};

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
      <Field id="highlight-look" label={t('settings.look')}>
        <Choice
          name="highlight-look"
          value={settings.highlightLook}
          choices={HIGHLIGHT_LOOKS}
          show={(look) => t(`settings.look.${look}`)}
          onChange={(highlightLook) => onChange({ highlightLook })}
        />
      </Field>
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
          <TextBox
            id="site-input"
            type="text"
            name="site"
            label={t('settings.sites.add')}
            placeholder={t('settings.sites.placeholder')}
            value={site}
            onValue={setSite}
          />
          <button type="submit">{t('settings.sites.add')}</button>
        </form>
      </fieldset>
      <MutedTerms
        mutedIds={settings.mutedIds}
        t={t}
        onChange={(mutedIds) => onChange({ mutedIds })}
      />
      <Field id="ui-language" label={t('settings.language')}>
        <Choice
          id="ui-language"
          name="uiLanguage"
          value={settings.uiLanguage}
          choices={UI_LANGUAGES}
          show={(l) => (l === 'auto' ? t('settings.language.auto') : OWN_NAMES[l])}
          lang={(l) => (l === 'auto' ? undefined : l)}
          onChange={(uiLanguage) => onChange({ uiLanguage })}
        />
      </Field>
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
    <Field id={id} label={t('settings.mode')}>
      <Choice
        id={id}
        name="highlight-mode"
        disabled={!settings}
        value={settings?.highlightMode}
        choices={HIGHLIGHT_MODES}
        show={(mode) => t(`settings.mode.${mode}`)}
        onChange={(highlightMode) => onChange({ highlightMode })}
      />
    </Field>
  );
}
