/**
 * What the popup and the options page both hold: the glossary and the
 * settings as the background has them, kept in step through its broadcasts,
 * the interface language they choose (with the page's lang and title), and
 * the last error of a request.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { resolveUiLanguage, translator, type UiKey } from '../lib/i18n';
import type { Broadcast, StoredEntry } from '../lib/protocol';
import type { Settings } from '../lib/settings';
import { ask } from '../lib/client';
import { useBroadcasts } from './use-broadcasts';

/**
 * `glossary: false` for a page that never needs the whole glossary (the popup
 * searches through the background): `entries` stays null and nothing that
 * large is sent to it. `settings`: as already read, so the first render is in
 * the reader's language (they are asked for again all the same).
 */
export function usePage(
  titleKey: UiKey,
  {
    glossary = true,
    settings: known = null,
  }: { glossary?: boolean; settings?: Settings | null } = {},
) {
  const [entries, setEntries] = useState<StoredEntry[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(known);
  /** The last failed request, translated when shown (a code: glossary/errors.ts). */
  const [failure, setFailure] = useState<{ err: unknown } | null>(null);
  const fail = useCallback((err: unknown) => setFailure({ err }), []);

  const reload = useCallback(() => {
    if (!glossary) return;
    ask('glossary/get')
      .then((g) => {
        setEntries(g.entries);
        setFailure(null);
      })
      .catch(fail);
  }, [fail, glossary]);
  useEffect(() => {
    reload();
    ask('settings/get').then(setSettings, fail);
  }, [reload, fail]);
  useBroadcasts(
    useCallback(
      (b: Broadcast) => (b.type === 'settings/changed' ? setSettings(b.settings) : reload()),
      [reload],
    ),
  );

  const ui = resolveUiLanguage(settings?.uiLanguage ?? 'auto');
  const t = useMemo(() => translator(ui), [ui]);
  useEffect(() => {
    document.documentElement.lang = ui;
    document.title = t(titleKey);
  }, [ui, t, titleKey]);

  /** Change settings through the background; the page shows what it answers. */
  const updateSettings = useCallback(
    (patch: Partial<Settings>) => ask('settings/set', { patch }).then(setSettings, fail),
    [fail],
  );

  const error = failure ? t.error(failure.err) : null;
  return { entries, setEntries, settings, error, ui, t, updateSettings };
}
