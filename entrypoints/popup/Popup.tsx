/**
 * The toolbar popup: glossary search, and the switches that turn highlighting
 * off on the current site or everywhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PdfPopupActions, PdfSwitch } from '../../components/PdfControls';
import { SearchPanel } from '../../components/SearchPanel';
import { HighlightModeSelect } from '../../components/SettingsPanel';
import { Switch } from '../../components/Switch';
import { usePage } from '../../components/use-page';
import { siteDisabled } from '../../lib/sites';
import { entryHash } from '../../lib/options-route';

/** The hostname of the tab the popup was opened over; null for pages without one (new tab, settings). */
async function activeHostname(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

function openInOptions(hash: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
  window.close();
}

export function Popup() {
  const { entries, settings, error, ui, t, updateSettings: update } = usePage('app.name');
  const [host, setHost] = useState<string | null>(null);
  useEffect(() => {
    activeHostname().then(setHost, () => setHost(null));
  }, []);

  const siteOff = host !== null && !!settings && siteDisabled(settings.disabledSites, host);
  const toggleSite = (on: boolean) => {
    if (!settings || host === null) return;
    // Turning a site back on also lifts a listed parent domain, which is what turned it off.
    const others = settings.disabledSites.filter((d) => !siteDisabled([d], host));
    void update({ disabledSites: on ? others : [...others, host] });
  };

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>
          <img src="/icon/32.png" alt="" width={20} height={20} />
          {t('app.name')}
        </h1>
        <button type="button" class="link" onClick={() => openInOptions('')}>
          {t('popup.openOptions')}
        </button>
      </header>
      <SearchPanel
        entries={entries}
        t={t}
        ui={ui}
        onOpenEntry={(id) => openInOptions(entryHash(id))}
      />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <footer class="switches">
        {host !== null ? (
          <Switch
            name="site-enabled"
            checked={!siteOff}
            disabled={!settings || !settings.enabled}
            onChange={toggleSite}
            label={t('popup.siteSwitch', { host })}
          />
        ) : null}
        <Switch
          name="enabled"
          checked={settings?.enabled ?? true}
          disabled={!settings}
          onChange={(on) => void update({ enabled: on })}
          label={t('popup.globalSwitch')}
        />
        <HighlightModeSelect
          id="popup-highlight-mode"
          settings={settings}
          t={t}
          onChange={(patch) => void update(patch)}
        />
        <PdfSwitch settings={settings} onChange={(patch) => void update(patch)} />
        <PdfPopupActions settings={settings} />
        <button type="button" class="link" onClick={() => openInOptions('#add')}>
          + {t('popup.addEntry')}
        </button>
      </footer>
    </main>
  );
}
