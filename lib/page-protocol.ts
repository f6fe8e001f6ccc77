/**
 * What the side panel asks a tab's content script (entrypoints/content/page-terms.ts)
 * through `tabs.sendMessage`: the glossary terms painted on the page, and a
 * step to a term's next or previous occurrence. A protocol of its own, apart
 * from the background's request map (lib/protocol.ts): the background never
 * sees these messages. Only the top frame answers.
 *
 * The panel also keeps a port open to the tab (`tabs.connect`, WATCH_PORT):
 * the tab says over it when its terms changed, so the panel asks again only
 * then. A port reaches the tab alone (a runtime message would wake the
 * background for nothing) and exists only while a panel listens.
 */
import { browser } from 'wxt/browser';
import type { Lang } from '../glossary/types';

/**
 * The background's question before it injects the content script into an open
 * tab (entrypoints/background/inject.ts): a live copy answers `true`.
 */
export const PING = 'atazan/ping';

/** One glossary entry found on the page. */
export interface PageTermRow {
  id: string;
  /** The page's text of its first occurrence. */
  text: string;
  /** The language that text is in. */
  lang: Lang;
  /** How many occurrences the page has (muted entries are left out). */
  count: number;
  /** The index of its first occurrence among all the page's occurrences: order of first appearance. */
  first: number;
}

export interface PageTermsAnswer {
  /** Which document answered (a navigation in the tab makes a new one). */
  page: string;
  /** Grows whenever what is painted changes: the panel redraws only when it moved. */
  revision: number;
  terms: PageTermRow[];
}

/** Where a step landed: the occurrence's number (from 1) out of how many. */
export interface StepAnswer {
  index: number;
  count: number;
}

/** The name of the port a side panel opens to a tab to hear of changes. */
export const WATCH_PORT = 'atazan/page-watch';

/** What the tab posts on a watching port: its terms changed since it last said so. */
export interface PageChanged {
  type: 'page/changed';
  revision: number;
}

export interface PageRequests {
  'page/terms': { params: Record<string, never>; response: PageTermsAnswer };
  'page/step': { params: { id: string; direction: 1 | -1 }; response: StepAnswer | null };
}

export type PageRequestType = keyof PageRequests;

export type PageMessage = {
  [K in PageRequestType]: { type: K } & PageRequests[K]['params'];
}[PageRequestType];

const TYPES: readonly string[] = ['page/terms', 'page/step'] satisfies PageRequestType[];

/** Whether a runtime message is one of these (and not a broadcast). */
export function isPageMessage(msg: unknown): msg is PageMessage {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as Record<string, unknown>;
  if (!TYPES.includes(m.type as string)) return false;
  if (m.type === 'page/step') {
    return typeof m.id === 'string' && (m.direction === 1 || m.direction === -1);
  }
  return true;
}

/** Ask the content script of a tab's top frame; rejects when the tab has none (browser pages, PDFs). */
export async function askTab<K extends PageRequestType>(
  tabId: number,
  type: K,
  params: PageRequests[K]['params'],
): Promise<PageRequests[K]['response']> {
  const res: unknown = await browser.tabs.sendMessage(tabId, { ...params, type }, { frameId: 0 });
  if (res === undefined) throw new Error('no answer from the page');
  return res as PageRequests[K]['response'];
}

/**
 * Listen to a tab's changes: `onChange` after each; `onGone` once when the
 * port closes (the tab navigated or closed, or has no content script), so the
 * caller can connect again. Returns the way to stop listening.
 */
export function watchTab(
  tabId: number,
  onChange: (msg: PageChanged) => void,
  onGone: () => void,
): () => void {
  const port = browser.tabs.connect(tabId, { name: WATCH_PORT, frameId: 0 });
  port.onMessage.addListener((msg: unknown) => {
    if (msg && typeof msg === 'object' && (msg as PageChanged).type === 'page/changed') {
      onChange(msg as PageChanged);
    }
  });
  port.onDisconnect.addListener(() => {
    // Reading lastError marks a failed connection as seen (Chromium logs it otherwise).
    void browser.runtime.lastError;
    onGone();
  });
  return () => port.disconnect();
}
