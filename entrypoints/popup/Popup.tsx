/**
 * The toolbar popup: glossary search, and the switches that turn highlighting
 * off on the current site or everywhere.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { background } from '../../components/ask';
import { SearchPanel } from '../../components/SearchPanel';
import { Switch } from '../../components/Switch';
import { useBroadcasts } from '../../components/use-broadcasts';
import { resolveUiLanguage, translator } from '../../lib/i18n';
import type { Broadcast, Settings, StoredEntry } from '../../lib/protocol';
import { siteDisabled } from '../../lib/sites';
import { entryHash } from '../options/route';

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
  const [settings, setSettings] = useState<Settings | null>(null);
  const [entries, setEntries] = useState<StoredEntry[] | null>(null);
  const [host, setHost] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadGlossary = useCallback(() => {
    background
      .glossary()
      .then((g) => setEntries(g.entries))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  useEffect(() => {
    loadGlossary();
    background.settings().then(setSettings, (e: unknown) => setError(String(e)));
    activeHostname().then(setHost, () => setHost(null));
  }, [loadGlossary]);
  useBroadcasts(
    useCallback(
      (b: Broadcast) => {
        if (b.type === 'settings/changed') setSettings(b.settings);
        else loadGlossary();
      },
      [loadGlossary],
    ),
  );

  const ui = resolveUiLanguage(settings?.uiLanguage ?? 'auto');
  const t = useMemo(() => translator(ui), [ui]);
  useEffect(() => {
    document.documentElement.lang = ui;
    document.title = t('app.name');
  }, [ui, t]);

  const update = (patch: Partial<Settings>) => {
    background.setSettings(patch).then(setSettings, (e: unknown) => setError(String(e)));
  };
  const siteOff = host !== null && !!settings && siteDisabled(settings.disabledSites, host);
  const toggleSite = (on: boolean) => {
    if (!settings || host === null) return;
    // Turning a site back on also lifts a listed parent domain, which is what turned it off.
    const others = settings.disabledSites.filter((d) => !siteDisabled([d], host));
    update({ disabledSites: on ? others : [...others, host] });
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
          onChange={(on) => update({ enabled: on })}
          label={t('popup.globalSwitch')}
        />
        <button type="button" class="link" onClick={() => openInOptions('#add')}>
          + {t('popup.addEntry')}
        </button>
      </footer>
    </main>
  );
}
