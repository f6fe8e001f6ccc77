/**
 * Addresses of Ata Zan's PDF viewer (entrypoints/pdf-viewer) and the
 * declarativeNetRequest rules that send PDFs to it. Pure functions: no browser
 * API, so Node tests cover them.
 */

export const VIEWER_PATH = 'pdf-viewer.html';

/** Rule ids: the redirect is a dynamic rule; "open in the browser's viewer" exceptions are session rules. */
export const REDIRECT_RULE_ID = 1401;
export const NATIVE_RULE_BASE = 1500;

/** The viewer's address for a PDF at `file` (any http(s) URL). */
export function viewerUrl(viewerBase: string, file?: string): string {
  // `file` goes last and unencoded, the same form the redirect rule writes (see fileFromViewerUrl).
  return file ? `${viewerBase}?file=${encodeURIComponent(file)}` : viewerBase;
}

/**
 * The PDF address in a viewer URL's `?file=`. The redirect rule appends the
 * original URL as it is (it cannot encode it), so everything after `file=` up
 * to the viewer's own fragment is the address; an encoded one (from a link or
 * the popup) is decoded. Only http(s) and blob addresses are accepted.
 */
export function fileFromViewerUrl(href: string): string | null {
  const q = href.indexOf('?');
  if (q < 0) return null;
  const hash = href.indexOf('#', q);
  const search = href.slice(q + 1, hash < 0 ? undefined : hash);
  const at = search.startsWith('file=') ? 0 : search.indexOf('&file=') + 1;
  if (at === 0 && !search.startsWith('file=')) return null;
  let raw = search.slice(at + 'file='.length);
  if (!/^[a-z]+:/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'blob:'
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** The file name to offer when downloading: the last path segment, else "document.pdf". */
export function pdfFileName(file: string): string {
  try {
    const last = decodeURIComponent(new URL(file).pathname.split('/').pop() ?? '');
    if (last) return /\.pdf$/i.test(last) ? last : `${last}.pdf`;
  } catch {
    // Fall through.
  }
  return 'document.pdf';
}

/** A JSON shape of the chrome.declarativeNetRequest rule (kept local: the Firefox typings lack responseHeaders). */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect' | 'allow'; redirect?: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    resourceTypes: ['main_frame'];
    requestMethods?: ['get'];
    tabIds?: number[];
    responseHeaders?: { header: string; values: string[] }[];
    excludedResponseHeaders?: { header: string; values: string[] }[];
  };
}

/**
 * Send top-level GET navigations whose response is a PDF to the viewer
 * (Chromium 128+ matches response headers). POST responses, downloads
 * (Content-Disposition: attachment) and anything else are left to the browser.
 */
export function redirectRule(viewerBase: string): DnrRule {
  return {
    id: REDIRECT_RULE_ID,
    priority: 1,
    action: { type: 'redirect', redirect: { regexSubstitution: `${viewerBase}?file=\\0` } },
    condition: {
      regexFilter: '^https?://.*',
      resourceTypes: ['main_frame'],
      requestMethods: ['get'],
      responseHeaders: [
        { header: 'content-type', values: ['application/pdf', 'application/pdf;*'] },
      ],
      excludedResponseHeaders: [{ header: 'content-disposition', values: ['attachment*'] }],
    },
  };
}

/** An exception for one address in one tab: "open in the browser's own viewer". */
export function nativeRule(id: number, file: string, tabId: number | undefined): DnrRule {
  const rule: DnrRule = {
    id,
    priority: 2,
    action: { type: 'allow' },
    condition: { regexFilter: `^${escapeRegExp(file)}$`, resourceTypes: ['main_frame'] },
  };
  if (tabId !== undefined && tabId >= 0) rule.condition.tabIds = [tabId];
  return rule;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
