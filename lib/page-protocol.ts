/**
 * What the side panel asks a tab's content script (entrypoints/content/page-terms.ts)
 * through `tabs.sendMessage`: the glossary terms painted on the page, and a
 * step to a term's next or previous occurrence. A protocol of its own, apart
 * from the background's request map (lib/protocol.ts): the background never
 * sees these messages. Only the top frame answers.
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
