/**
 * The options page: the personal glossary (table, add/edit form), import and
 * export, and settings. Deep links (#entry=<id>, #add?text=…&lang=…) choose
 * what opens; every write goes through the background.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { EntryForm } from '../../components/EntryForm';
import { EntryTable } from '../../components/EntryTable';
import { Message } from '../../components/Message';
import { PageTitle } from '../../components/PageTitle';
import { ImportExport } from '../../components/ImportExport';
import { SettingsPanel } from '../../components/SettingsPanel';
import { TermCard } from '../../components/TermCard';
import { usePage } from '../../components/use-page';
import { entryHash, parseRoute, type Route } from '../../lib/options-route';
import { streamImport } from '../../components/import-stream';

function useRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (hash) => (location.hash = hash)];
}

export function Options() {
  const [route, go] = useRoute();
  const {
    entries: glossary,
    setEntries: setGlossary,
    settings,
    error,
    ui,
    t,
    updateSettings,
  } = usePage('options.title');
  /** "Saved." or "Reset." for the entry it concerns, shown by that entry's form. */
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);

  const personal = useMemo(
    () => (glossary ?? []).filter((e) => e.source === 'personal'),
    [glossary],
  );
  const editing =
    route.view === 'entry' ? (glossary?.find((e) => e.id === route.id) ?? null) : null;

  let main;
  if (glossary === null) main = <p>{t('popup.loading')}</p>;
  else if (route.view === 'entry' && !editing) {
    main = (
      <p class="error" role="alert">
        {t('form.notFound', { id: route.id })}
      </p>
    );
  } else if (route.view === 'entry' || route.view === 'add') {
    main = (
      <div class="editor">
        <EntryForm
          key={
            route.view === 'entry'
              ? `entry:${route.id}:${editing?.updatedAt}`
              : `add:${location.hash}`
          }
          editing={editing}
          prefill={route.view === 'add' ? { text: route.text, lang: route.lang } : undefined}
          glossary={glossary}
          hasBundled={
            editing !== null && (editing.source === 'bundled' || editing.overrides !== undefined)
          }
          notice={notice && editing && notice.id === editing.id ? notice.text : null}
          t={t}
          onSave={async (entry) => {
            const saved = await ask('entry/save', { entry });
            // Show the saved entry at once, before the broadcast reloads the glossary.
            setGlossary((g) => g && [...g.filter((e) => e.id !== saved.id), saved]);
            if (!editing) go(entryHash(saved.id));
            setNotice({ id: saved.id, text: t('form.saved') });
          }}
          onCancel={() => go('')}
          onReset={async (id) => {
            await ask('entry/reset', { id });
            setNotice({ id, text: t('form.resetDone') });
          }}
          onOpen={(id) => go(entryHash(id))}
        />
        {editing ? (
          <aside class="card-preview">
            <TermCard entry={editing} lang={ui === 'ru' ? 'ru' : 'kk'} uiLanguage={ui} />
          </aside>
        ) : null}
      </div>
    );
  } else {
    main = (
      <EntryTable
        entries={personal}
        t={t}
        lang={ui}
        onEdit={(id) => go(entryHash(id))}
        onDelete={(id) => ask('entry/delete', { id })}
        onDeleteMany={(ids) => ask('entries/delete', { ids })}
        onUndoBatch={async (batchId) => void (await ask('batch/undo', { id: batchId }))}
        onRestore={async (entry) => void (await ask('entry/restore', { entry }))}
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
        {/* The preview compares a file with the glossary: offer the import once it is loaded. */}
        {glossary === null ? (
          <p>{t('popup.loading')}</p>
        ) : (
          <ImportExport
            glossary={glossary}
            personal={personal}
            t={t}
            onImport={(entries, policy, name, onProgress, signal) =>
              streamImport(ask, entries, policy, name, onProgress, signal)
            }
            onUndo={async (batchId) => void (await ask('batch/undo', { id: batchId }))}
            loadBatches={() => ask('batches/list')}
          />
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
