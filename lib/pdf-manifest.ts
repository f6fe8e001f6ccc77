/**
 * What the PDF viewer adds to the manifest, applied by wxt.config.ts's
 * `build:manifestGenerated` hook so the manifest block itself stays as it is:
 * - host access to http(s), so the viewer can fetch the PDF it shows and the
 *   redirect may act on the PDF's address (the content script already runs on
 *   the same hosts, so no new install warning);
 * - Chromium only: declarativeNetRequestWithHostAccess for the redirect, and
 *   pdf-viewer.html web-accessible, since a redirect may only lead there.
 *   Firefox cannot match response headers, so it gets neither.
 */
import { VIEWER_PATH } from './pdf-url';

interface ManifestLike {
  permissions?: string[];
  host_permissions?: string[];
  web_accessible_resources?: unknown[];
}

const WEB = ['http://*/*', 'https://*/*'];

export function addPdfViewerManifest(manifest: ManifestLike, browser: string): void {
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...WEB])];
  if (browser === 'firefox') return;
  manifest.permissions = [
    ...new Set([...(manifest.permissions ?? []), 'declarativeNetRequestWithHostAccess']),
  ];
  manifest.web_accessible_resources = [
    ...(manifest.web_accessible_resources ?? []),
    { resources: [VIEWER_PATH], matches: WEB },
  ];
}
