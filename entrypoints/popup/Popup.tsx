/**
 * The toolbar popup: glossary search, and the switches that turn highlighting
 * off on the current site or everywhere.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PdfPopupActions, PdfSwitch } from '../../components/PdfControls';
import { Message } from '../../components/Message';
import { PageTitle } from '../../components/PageTitle';
import { HighlightModeSelect } from '../../components/SettingsPanel';
import { SearchPanel, type Searcher } from '../../components/SearchPanel';
import { useBroadcasts } from '../../components/use-broadcasts';
import { ask } from '../../lib/client';
import type { Broadcast } from '../../lib/protocol';
import { Switch } from '../../components/Switch';
import { usePage } from '../../components/use-page';
import { siteDisabled } from '../../lib/sites';
import { entryHash } from '../../lib/options-route';
import { openStoredSearch } from '../../lib/stored-search';
import { popupSearch } from './popup-search';

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

/**
 * The popup's search (popup-search.ts: the background, or the stored index
 * when the worker is slow to answer); a new function after each change of
 * the glossary, so the panel asks again.
 */
function usePopupSearch(): Searcher {
  const [revision, setRevision] = useState(0);
  useBroadcasts(
    useCallback((b: Broadcast) => {
      if (b.type === 'glossary/changed') setRevision(b.revision);
    }, []),
  );
  const searching = useMemo(
    () => popupSearch((query, limit) => ask('search/query', { query, limit }), openStoredSearch),
    [revision],
  );
  useEffect(() => () => searching.close(), [searching]);
  return searching.search;
}

function openInOptions(hash: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
  window.close();
}

export function Popup() {
  const {
    settings,
    error,
    ui,
    t,
    updateSettings: update,
  } = usePage('app.name', { glossary: false });
  const search = usePopupSearch();
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
        <PageTitle title={t('app.name')} />
        <button type="button" class="link" onClick={() => openInOptions('')}>
          {t('popup.openOptions')}
        </button>
      </header>
      <SearchPanel
        search={search}
        t={t}
        ui={ui}
        onOpenEntry={(id) => openInOptions(entryHash(id))}
      />
      <Message text={error} />
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
