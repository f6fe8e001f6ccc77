/**
 * The muted terms in the options page: each entry the reader muted from a
 * card, shown by its Kazakh and Russian terms, with "unmute" and an undo
 * toast like the entry table's.
 */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../lib/client';
import type { Translate } from '../lib/i18n';
import type { StoredEntry } from '../lib/protocol';

export interface MutedTermsProps {
  mutedIds: readonly string[];
  t: Translate;
  onChange: (mutedIds: string[]) => void;
}

/** The entries behind the ids (null: not in the glossary any more). */
function useEntries(ids: readonly string[]): Map<string, StoredEntry | null> {
  const [entries, setEntries] = useState(new Map<string, StoredEntry | null>());
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(
      ids.map((id) =>
        ask('entry/get', { id }).then(
          (e) => [id, e] as const,
          () => [id, null] as const,
        ),
      ),
    ).then((pairs) => {
      if (live) setEntries(new Map(pairs));
    });
    return () => {
      live = false;
    };
    // Keyed by the ids' content, not the array's identity.
  }, [key]);
  return entries;
}

export function MutedTerms({ mutedIds, t, onChange }: MutedTermsProps) {
  const entries = useEntries(mutedIds);
  /** The last entry unmuted, with the label it was shown with: what the toast offers to undo. */
  const [unmuted, setUnmuted] = useState<{ id: string; label: string } | null>(null);

  const label = (id: string): string => {
    const e = entries.get(id);
    return e ? `${e.kk.term} — ${e.ru.term}` : t('settings.muted.missing', { id });
  };
  const unmute = (id: string) => {
    setUnmuted({ id, label: label(id) });
    onChange(mutedIds.filter((x) => x !== id));
  };
  const undo = () => {
    if (!unmuted) return;
    if (!mutedIds.includes(unmuted.id)) onChange([...mutedIds, unmuted.id]);
    setUnmuted(null);
  };

  return (
    <fieldset class="muted-terms">
      <legend>{t('settings.muted')}</legend>
      {unmuted ? (
        <div class="toast" role="status">
          {t('settings.muted.unmuted', { term: unmuted.label })}{' '}
          <button type="button" class="link" name="undo-unmute" onClick={undo}>
            {t('table.undo')}
          </button>
        </div>
      ) : null}
      {mutedIds.length === 0 ? <p class="help">{t('settings.muted.none')}</p> : null}
      <ul class="sites muted">
        {mutedIds.map((id) => (
          <li key={id} data-entry-id={id}>
            <span>{label(id)}</span>
            <button
              type="button"
              class="link"
              name="unmute"
              aria-label={t('settings.muted.unmuteLabel', { term: label(id) })}
              onClick={() => unmute(id)}
            >
              {t('settings.muted.unmute')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
