/**
 * The toolbar popup: glossary search, and the switches that turn highlighting
 * off on the current site or everywhere. It takes over from the popup's first
 * results (quick-results.ts, full-popup.tsx), going on from their query,
 * answers, selection and search.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PdfPopupActions, PdfSwitch } from '../../components/PdfControls';
import { Message } from '../../components/Message';
import { PageTitle } from '../../components/PageTitle';
import { HighlightModeSelect } from '../../components/SettingsPanel';
import { SearchPanel } from '../../components/SearchPanel';
import type { Searcher } from '../../components/search-results';
import { useBroadcasts } from '../../components/use-broadcasts';
import { ask } from '../../lib/client';
import type { Broadcast } from '../../lib/protocol';
import { Switch } from '../../components/Switch';
import { usePage } from '../../components/use-page';
import { siteDisabled } from '../../lib/sites';
import { entryHash } from '../../lib/options-route';
import type { Settings } from '../../lib/settings';
import { openInOptions } from './open-options';
import { openStoredLater, popupSearch, type PopupSearch } from './popup-search';
import type { QuickState } from './quick-results';
import { rememberUi } from './ui-language';

/** Where the popup starts from: what its first results showed and what was asked before it rendered. */
export interface PopupStart {
  settings: Settings | null;
  host: string | null;
  /** The first results' search, with the stored index they may have read. */
  searching: PopupSearch;
  search: QuickState;
}

/** The hostname of the tab the popup was opened over; null for pages without one (new tab, settings). */
export async function activeHostname(): Promise<string | null> {
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
 * when the worker is slow to answer): the first results' until the glossary
 * changes, then a new function after each change, so the panel asks again.
 */
function usePopupSearch(first: PopupSearch | undefined): Searcher {
  const [revision, setRevision] = useState(0);
  useBroadcasts(
    useCallback((b: Broadcast) => {
      if (b.type === 'glossary/changed') setRevision(b.revision);
    }, []),
  );
  const searching = useMemo(
    () =>
      revision === 0 && first
        ? first
        : popupSearch((query, limit) => ask('search/query', { query, limit }), openStoredLater),
    // The first search is the one given at the start; only a change of the glossary replaces it.
    [revision],
  );
  useEffect(() => () => searching.close(), [searching]);
  return searching.search;
}

export function Popup({ start }: { start?: PopupStart }) {
  const {
    settings,
    error,
    ui,
    t,
    updateSettings: update,
  } = usePage('app.name', { glossary: false, settings: start?.settings ?? null });
  const search = usePopupSearch(start?.searching);
  const [host, setHost] = useState<string | null>(start?.host ?? null);
  useEffect(() => {
    activeHostname().then(setHost, () => setHost(null));
  }, []);
  // The next popup's first screen is labelled in the language this one settled on.
  useEffect(() => {
    if (settings) rememberUi(ui);
  }, [settings, ui]);

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
        initialQuery={start?.search.query}
        initialResults={start?.search.results}
        initialActive={start?.search.active}
        initialOpened={start?.search.opened}
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
