/**
 * The options page: the personal glossary (table, add/edit form), import and
 * export, and settings. Deep links (#entry=<id>, #add?text=…&lang=…) choose
 * what opens; every write goes through the background.
 *
 * The page never holds the whole glossary (a translator's termbase has tens of
 * thousands of entries): the table asks for the page it shows, the form for
 * its entry and for duplicates of the terms typed, the import preview and the
 * export for what they need when they run. The form and the import panel
 * load after the table (./later.ts).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { EntryTable } from '../../components/EntryTable';
import { Message } from '../../components/Message';
import { PageTitle } from '../../components/PageTitle';
import { SettingsPanel } from '../../components/SettingsPanel';
import { useBroadcasts } from '../../components/use-broadcasts';
import { usePage } from '../../components/use-page';
import type { Broadcast, StoredEntry } from '../../lib/protocol';
import type { EntryPageQuery } from '../../glossary/entry-list';
import type { Lang } from '../../glossary/types';
import { entryHash, parseRoute, type Route } from '../../lib/options-route';
import { streamImport } from '../../components/import-stream';
import { loadEditor, loadImportPanel, useLater } from './later';

function useRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (hash) => (location.hash = hash)];
}

/** How many times the glossary changed since the page opened: what is shown is read again. */
function useGlossaryChanges(): number {
  const [changes, setChanges] = useState(0);
  useBroadcasts(
    useCallback((b: Broadcast) => {
      if (b.type === 'glossary/changed') setChanges((n) => n + 1);
    }, []),
  );
  return changes;
}

/** The entry of the `#entry=<id>` route, read by id: undefined while it is read, null when there is none. */
function useEntry(
  id: string | null,
  changes: number,
): [StoredEntry | null | undefined, (e: StoredEntry) => void] {
  const [held, setHeld] = useState<{ id: string; entry: StoredEntry | null } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    ask('entry/get', { id }).then(
      (entry) => live && setHeld({ id, entry }),
      () => live && setHeld({ id, entry: null }),
    );
    return () => {
      live = false;
    };
  }, [id, changes]);
  const entry = id !== null && held?.id === id ? held.entry : undefined;
  return [entry, (e) => setHeld({ id: e.id, entry: e })];
}

const loadPage = (query: EntryPageQuery) => ask('entries/page', query);
const loadIds = (filter: string) => ask('entries/ids', { filter });
const findDuplicate = (lang: Lang, term: string, except?: string) =>
  ask('entries/with-term', except === undefined ? { lang, term } : { lang, term, except });
const loadGlossary = () => ask('glossary/get').then((g) => g.entries);
const loadBatches = () => ask('batches/list');
const loadPersonal = () => ask('entries/list', { source: 'personal' });

export function Options() {
  const [route, go] = useRoute();
  const { settings, error, ui, t, updateSettings } = usePage('options.title', {
    glossary: false,
  });
  const changes = useGlossaryChanges();
  const [editing, setEditing] = useEntry(route.view === 'entry' ? route.id : null, changes);
  /** "Saved." or "Reset." for the entry it concerns, shown by that entry's form. */
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);

  /** Once the table is drawn (or when the page opens on the form), the rest of the page loads. */
  const [rest, setRest] = useState(route.view !== 'list');
  const showRest = useCallback(() => setRest(true), []);
  const editor = useLater(loadEditor, rest || route.view !== 'list');
  const io = useLater(loadImportPanel, rest);

  const loading = () => <p>{t('popup.loading')}</p>;
  const waiting = editor === null || (route.view === 'entry' && editing === undefined);
  let main;
  if (route.view !== 'list' && waiting) main = loading();
  else if (route.view === 'entry' && !editing) {
    main = (
      <p class="error" role="alert">
        {t('form.notFound', { id: route.id })}
      </p>
    );
  } else if (editor && (route.view === 'entry' || route.view === 'add')) {
    const { EntryForm, TermCard } = editor;
    const entry = route.view === 'entry' ? (editing ?? null) : null;
    main = (
      <div class="editor">
        <EntryForm
          key={
            route.view === 'entry'
              ? `entry:${route.id}:${entry?.updatedAt}`
              : `add:${location.hash}`
          }
          editing={entry}
          prefill={route.view === 'add' ? { text: route.text, lang: route.lang } : undefined}
          findDuplicate={findDuplicate}
          hasBundled={
            entry !== null && (entry.source === 'bundled' || entry.overrides !== undefined)
          }
          notice={notice && entry && notice.id === entry.id ? notice.text : null}
          t={t}
          onSave={async (input) => {
            const saved = await ask('entry/save', { entry: input });
            // Show the saved entry at once, before the broadcast has it read again.
            setEditing(saved);
            if (!entry) go(entryHash(saved.id));
            setNotice({ id: saved.id, text: t('form.saved') });
          }}
          onCancel={() => go('')}
          onReset={async (id) => {
            await ask('entry/reset', { id });
            setNotice({ id, text: t('form.resetDone') });
          }}
          onOpen={(id) => go(entryHash(id))}
        />
        {entry ? (
          <aside class="card-preview">
            <TermCard entry={entry} lang={ui === 'ru' ? 'ru' : 'kk'} uiLanguage={ui} />
          </aside>
        ) : null}
      </div>
    );
  } else {
    main = (
      <EntryTable
        loadPage={loadPage}
        loadIds={loadIds}
        revision={changes}
        t={t}
        lang={ui}
        onEdit={(id) => go(entryHash(id))}
        onDelete={(id) => ask('entry/delete', { id })}
        onDeleteMany={(ids) => ask('entries/delete', { ids })}
        onUndoBatch={async (batchId) => void (await ask('batch/undo', { id: batchId }))}
        onRestore={async (entry) => void (await ask('entry/restore', { entry }))}
        onShown={showRest}
      />
    );
  }

  return (
    <div class="options">
      <header class="options-head">
        <PageTitle title={t('options.title')} iconSize={32} />
      </header>
      <Message text={error} />
      <section class="panel" aria-labelledby="entries-title">
        <div class="panel-head">
          <h2 id="entries-title">{t('options.nav.entries')}</h2>
          {route.view === 'list' ? (
            <button type="button" class="primary" name="add" onClick={() => go('#add')}>
              + {t('options.nav.add')}
            </button>
          ) : null}
        </div>
        {main}
      </section>
      <section class="panel" aria-labelledby="io-title">
        <h2 id="io-title">{t('options.nav.import')}</h2>
        {io ? (
          <io.ImportExport
            loadGlossary={loadGlossary}
            loadPersonal={loadPersonal}
            revision={changes}
            t={t}
            onImport={(entries, policy, name, onProgress, signal) =>
              streamImport(ask, entries, policy, name, onProgress, signal)
            }
            onUndo={async (batchId) => void (await ask('batch/undo', { id: batchId }))}
            loadBatches={loadBatches}
          />
        ) : (
          loading()
        )}
      </section>
      {settings ? (
        <section class="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">{t('options.nav.settings')}</h2>
          <SettingsPanel settings={settings} t={t} onChange={(p) => void updateSettings(p)} />
        </section>
      ) : null}
    </div>
  );
}
