/**
 * Import (file → preview → duplicate policy → one transaction → undo) and
 * export of the personal entries. Nothing is written until the user confirms,
 * a bad file only ever produces a message in the reader's language, and every
 * import can be undone in one click (the background keeps it as a batch).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  checkImportSize,
  csvDelimiterFor,
  CSV_DELIMITERS,
  EXPORTERS,
  MAX_IMPORT_BYTES,
  parseImportFile,
  previewImport,
  PREVIEW_STATUSES,
  type CsvDelimiter,
  type ImportFormat,
  type ImportPreview,
  type ParsedFile,
} from '../glossary/io';

import type { Entry } from '../glossary/types';
import type { Translate } from '../lib/i18n';
import type { BatchInfo, DuplicatePolicy, ImportSummary, StoredEntry } from '../lib/protocol';
import type { ImportProgress } from './import-stream';
import { CodedError } from '../glossary/errors';
import { download } from './download';

export interface ImportExportProps {
  /** The effective glossary, read when a file is chosen (the preview compares with it). */
  loadGlossary: () => Promise<readonly StoredEntry[]>;
  /** The personal entries, read when they are exported. */
  loadPersonal: () => Promise<readonly StoredEntry[]>;
  /** Changes whenever the glossary changes (the list of imports to undo is read again). */
  revision: number;
  t: Translate;
  /**
   * Write the entries (streamed in chunks: components/import-stream.ts),
   * reporting progress; an aborted signal cancels it with nothing written.
   */
  onImport: (
    entries: Entry[],
    policy: DuplicatePolicy,
    name: string,
    onProgress: (p: ImportProgress) => void,
    signal: AbortSignal,
  ) => Promise<ImportSummary>;
  /** Undo an import by its batch id. */
  onUndo?: (batchId: number) => Promise<void>;
  /** The imports that can still be undone (the background keeps the last ones). */
  loadBatches?: () => Promise<BatchInfo[]>;
}

interface Pending extends ParsedFile {
  name: string;
  preview: ImportPreview;
}

const POLICIES: DuplicatePolicy[] = ['skip', 'overwrite', 'keep-both'];
const DELIMITER_KEY = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

export function ImportExport(props: ImportExportProps) {
  const { loadGlossary, loadPersonal, revision, t, onImport, onUndo, loadBatches } = props;
  const [pending, setPending] = useState<Pending | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [done, setDone] = useState<{ name: string; batchId: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState<AbortController | null>(null);
  const [batches, setBatches] = useState<BatchInfo[]>([]);
  // Every change of the glossary (an import, an undo, a delete elsewhere) may change the list.
  useEffect(() => {
    if (!loadBatches) return;
    let live = true;
    loadBatches()
      .then((list) => live && setBatches(list.filter((b) => b.kind === 'import')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [revision, loadBatches]);
  // The reader's choice, else what a spreadsheet expects in the interface's language
  // (the language can change after the page opened: settings load late).
  const [chosenDelimiter, setDelimiter] = useState<CsvDelimiter | null>(null);
  const delimiter = chosenDelimiter ?? csvDelimiterFor(t.lang);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    setDone(null);
    if (!file) return;
    setFileName(file.name);
    setMessage({ text: t('io.reading', { name: file.name }), error: false });
    try {
      checkImportSize(file.size); // before reading a byte of it
      // Asked for at once: the background reads and sends it while this page parses the file.
      const glossaryRead = loadGlossary();
      glossaryRead.catch(() => undefined); // a bad file is said first; this error is then moot
      const parsed = parseImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const glossary = await glossaryRead;
      setPending({ ...parsed, name: file.name, preview: previewImport(parsed.entries, glossary) });
      setMessage(null);
    } catch (err) {
      setMessage({ text: t('io.error', { name: file.name, message: t.error(err) }), error: true });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const controller = new AbortController();
    setRunning(controller);
    setProgress({ sent: 0, total: pending.entries.length, phase: 'sending' });
    try {
      const s = await onImport(
        pending.entries,
        policy,
        pending.name,
        setProgress,
        controller.signal,
      );
      setMessage({
        text: t('io.done', { added: s.added, updated: s.updated, skipped: s.skipped }),
        error: false,
      });
      setDone(s.batchId !== undefined ? { name: pending.name, batchId: s.batchId } : null);
      setPending(null);
    } catch (err) {
      if (err instanceof CodedError && err.code === 'import.cancelled') {
        // The reader asked for it: not an error, and the preview stays for another try.
        setMessage({ text: t.error(err), error: false });
      } else {
        setMessage({
          text: t('io.error', { name: pending.name, message: t.error(err) }),
          error: true,
        });
      }
    } finally {
      setBusy(false);
      setProgress(null);
      setRunning(null);
    }
  };

  const undo = async (batch: { name: string; batchId: number } | null = done) => {
    if (!batch || !onUndo) return;
    setBusy(true);
    try {
      await onUndo(batch.batchId);
      setMessage({ text: t('io.undone', { name: batch.name }), error: false });
      setDone(null);
    } catch (err) {
      setMessage({ text: t.error(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: ImportFormat) => {
    const { write, mime } = EXPORTERS[format];
    const date = new Date().toISOString().slice(0, 10);
    try {
      const personal = await loadPersonal();
      download(`ata-zan-${date}.${format}`, mime, write(personal, { csv: { delimiter } }));
    } catch (err) {
      setMessage({ text: t.error(err), error: true });
    }
  };

  /** A button that starts an import step; none can be pressed while another step runs. */
  const stepButton = (name: string, label: string, run: () => Promise<unknown>, look: string) => (
    <button type="button" class={look} name={name} disabled={busy} onClick={() => void run()}>
      {label}
    </button>
  );

  const notes: string[] = [];
  if (pending && pending.encoding !== 'utf-8') {
    notes.push(t('io.encoding', { encoding: t(`io.encoding.${pending.encoding}`) }));
  }
  if (pending?.lossy) notes.push(t('io.encoding.lossy'));
  if (pending?.delimiter && pending.delimiter !== ',') {
    const key = DELIMITER_KEY[pending.delimiter as CsvDelimiter];
    notes.push(t('io.delimiter', { delimiter: t(`io.delimiter.${key}`) }));
  }

  return (
    <div class="io">
      <section aria-labelledby="import-title">
        <h3 id="import-title">{t('io.importTitle')}</h3>
        <p class="help">{t('io.importHelp', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
        {/* The browser's own file input speaks the browser's language ("Choose File / No file
            chosen"); it stays in the page for the keyboard and screen readers, but what shows is
            a button and a label in the page's language. */}
        <div class="file">
          <input
            id="import-file"
            class="visually-hidden"
            type="file"
            name="import"
            accept=".json,.csv,.tsv,.txt,.tbx,.xml,application/json,text/csv,application/xml"
            onChange={(e) => void choose(e.currentTarget)}
          />
          <label for="import-file" class="button file-button">
            {t('io.chooseFile')}
          </label>
          <span class="file-name" aria-live="polite">
            {fileName ?? t('io.noFile')}
          </span>
        </div>
        {message ? (
          <p class={message.error ? 'error' : 'info'} role={message.error ? 'alert' : 'status'}>
            {message.text}
            {done && onUndo ? (
              <> {stepButton('undo-import', t('io.undo'), () => undo(), 'link')}</>
            ) : null}
          </p>
        ) : null}
        {batches.length > 0 && !pending ? (
          <div class="history">
            <h4>{t('io.history')}</h4>
            <ul>
              {batches.map((b) => (
                <li key={b.id} data-batch={b.id}>
                  {t('io.historyItem', {
                    name: b.name || '—',
                    date: new Date(b.createdAt).toLocaleString(t.lang),
                    added: b.created,
                    updated: b.previous,
                  })}{' '}
                  {stepButton(
                    `undo-batch-${b.id}`,
                    t('io.undo'),
                    () => undo({ name: b.name || '—', batchId: b.id }),
                    'link',
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {pending ? (
          <div class="preview" aria-labelledby="preview-title">
            <h4 id="preview-title">
              {t('io.preview', { name: pending.name, total: pending.entries.length })}
            </h4>
            {notes.map((n) => (
              <p class="note file-note" key={n}>
                {n}
              </p>
            ))}
            <p class="counts">
              {PREVIEW_STATUSES.filter((s) => s !== 'repeated' || pending.preview.counts[s]).map(
                (s) => (
                  <span class={`count status-${s}`} key={s} data-status={s}>
                    {t(`io.status.${s}`)}: <strong>{pending.preview.counts[s]}</strong>
                  </span>
                ),
              )}
            </p>
            {pending.preview.counts.repeated ? (
              <p class="note repeated-help">
                {t('io.repeatedHelp', { count: pending.preview.counts.repeated })}
              </p>
            ) : null}
            <div class="preview-list">
              <table>
                <tbody>
                  {pending.preview.items.slice(0, 200).map((item, i) => (
                    <tr key={i} data-status={item.status}>
                      <td lang="kk">{item.entry.kk.term}</td>
                      <td lang="ru">{item.entry.ru.term}</td>
                      <td>
                        <span class={`status status-${item.status}`}>
                          {t(`io.status.${item.status}`)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <fieldset class="policy">
              <legend>{t('io.policy')}</legend>
              {POLICIES.map((p) => (
                <label key={p}>
                  <input
                    type="radio"
                    name="policy"
                    value={p}
                    checked={policy === p}
                    onChange={() => setPolicy(p)}
                  />{' '}
                  {t(`io.policy.${p}`)}
                </label>
              ))}
            </fieldset>
            {progress ? (
              <div class="import-progress">
                <label for="import-progress">
                  {progress.phase === 'saving'
                    ? t('io.progressSaving', { total: progress.total })
                    : t('io.progressSending', { sent: progress.sent, total: progress.total })}
                </label>
                {/* While the background writes, the bar has no value: the browser shows it as busy. */}
                <progress
                  id="import-progress"
                  max={progress.total}
                  value={progress.phase === 'saving' ? undefined : progress.sent}
                />
                <button
                  type="button"
                  name="cancel-import"
                  disabled={running === null || running.signal.aborted}
                  onClick={() => running?.abort()}
                >
                  {t('io.cancelImport')}
                </button>
              </div>
            ) : (
              <div class="actions">
                {stepButton('confirm-import', t('io.confirm'), confirm, 'primary')}
                <button type="button" onClick={() => setPending(null)}>
                  {t('io.cancel')}
                </button>
              </div>
            )}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('io.exportTitle')}</h3>
        <p class="help">{t('io.exportHelp')}</p>
        <div class="field">
          <label for="csv-delimiter">{t('io.csvDelimiter')}</label>
          <select
            id="csv-delimiter"
            name="csv-delimiter"
            value={delimiter}
            onChange={(e) => setDelimiter(e.currentTarget.value as CsvDelimiter)}
          >
            {CSV_DELIMITERS.map((d) => (
              <option value={d} key={d}>
                {t(`io.delimiter.${DELIMITER_KEY[d]}`)}
              </option>
            ))}
          </select>
          <p class="help">{t('io.csvDelimiterHelp')}</p>
        </div>
        <div class="actions">
          {(['json', 'csv', 'tbx'] as const).map((f) => (
            <button type="button" name={`export-${f}`} key={f} onClick={() => exportAs(f)}>
              {t(`io.export.${f}`)}
            </button>
          ))}
        </div>
      </section>
    </div>
  );
}
