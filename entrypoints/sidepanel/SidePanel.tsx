/**
 * The side panel (Chromium) and sidebar (Firefox): the terms of the tab it
 * stands beside. `?tab=<id>` pins a tab (tests open the panel's page in a tab
 * of its own); otherwise it follows the active tab of its window.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Message } from '../../components/Message';
import { PageTerms } from '../../components/PageTerms';
import { PageTitle } from '../../components/PageTitle';
import { usePage } from '../../components/use-page';

function pinnedTab(): number | null {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

/**
 * The tab to show: the pinned one, or the active tab of this window as it
 * changes. (A navigation inside the tab needs nothing: the list tells pages apart.)
 */
function useTabId(): number | null {
  const pinned = pinnedTab();
  const [tabId, setTabId] = useState<number | null>(pinned);
  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        windowId = tab?.windowId;
        setTabId(tab?.id ?? null);
      });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}

export function SidePanel() {
  const { entries, error, t } = usePage('panel.title');
  const tabId = useTabId();
  return (
    <main class="sidepanel">
      <PageTitle title={t('panel.title')} />
      <Message text={error} />
      <PageTerms tabId={tabId} glossary={entries} t={t} />
    </main>
  );
}
