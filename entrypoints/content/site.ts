/** Which site a frame belongs to, for the per-site switch. */

/**
 * The host name of the tab's top page: a frame inherits the switch of the page
 * it is shown in (location.ancestorOrigins where the browser has it, else the
 * frame's own host).
 */
export function siteHost(): string {
  const ancestors = location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  if (top) {
    try {
      return new URL(top).hostname;
    } catch {
      // Opaque origin ("null"): fall through.
    }
  }
  return location.hostname;
}
