/**
 * The background's side of the PDF viewer: while the "open PDFs in Ata Zan"
 * setting is on, a declarativeNetRequest rule sends top-level GET
 * navigations answered with Content-Type: application/pdf to
 * pdf-viewer.html?file=<address> (Chromium 128+ matches response headers;
 * where the rule is refused, as in Firefox, nothing is redirected and the
 * popup's "Open this PDF in Ata Zan" remains). "Open in the browser's viewer"
 * adds a session rule that lets that address through in that tab.
 */
import { browser } from 'wxt/browser';
import {
  nativeRule,
  NATIVE_RULE_BASE,
  redirectRule,
  REDIRECT_RULE_ID,
  VIEWER_PATH,
  type DnrRule,
} from '../../lib/pdf-url';

interface Dnr {
  updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  updateSessionRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<{ id: number }[]>;
}

function dnr(): Dnr | null {
  const api = (browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest;
  return api && typeof api.updateDynamicRules === 'function' ? api : null;
}

/** The viewer's address without a query: what the redirect appends `?file=` to. */
export function viewerBase(): string {
  return new URL(VIEWER_PATH, browser.runtime.getURL('/')).href;
}

/** Install or remove the redirect rule to match the setting. False when the browser cannot redirect by response header. */
export async function syncPdfRedirect(on: boolean): Promise<boolean> {
  const api = dnr();
  if (!api) return false;
  try {
    await api.updateDynamicRules({
      removeRuleIds: [REDIRECT_RULE_ID],
      addRules: on ? [redirectRule(viewerBase())] : [],
    });
    return true;
  } catch (err) {
    console.debug('Ata Zan: PDFs cannot be redirected here', err);
    return false;
  }
}

/** Let `url` open in the browser's own viewer from now on in this tab (until the browser restarts). */
export async function allowNative(url: string, tabId: number | undefined): Promise<void> {
  const api = dnr();
  if (!api || !/^https?:\/\//.test(url)) return;
  const ids = (await api.getSessionRules()).map((r) => r.id);
  const id = Math.max(NATIVE_RULE_BASE - 1, ...ids) + 1;
  await api.updateSessionRules({ addRules: [nativeRule(id, url, tabId)] });
}
