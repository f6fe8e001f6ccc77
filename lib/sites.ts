/** The per-site switch, shared by the content script and the popup. */

/** A site is off when its host or a parent domain is listed (example.kz also turns off www.example.kz). */
export function siteDisabled(disabledSites: readonly string[], host: string): boolean {
  const h = host.toLowerCase();
  return disabledSites.some((s) => {
    const d = s.toLowerCase();
    return h === d || h.endsWith(`.${d}`);
  });
}
