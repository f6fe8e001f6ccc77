/**
 * Import (file → preview → duplicate policy → one transaction) and export of
 * the personal entries. Nothing is written until the user confirms, and a bad
 * file only ever produces a message.
 */
import { useState } from 'preact/hooks';
import {
  checkImportSize,
  EXPORTERS,
  MAX_IMPORT_BYTES,
  parseImport,
  previewImport,
  type ImportFormat,
  type ImportPreview,
} from '../glossary/io';
import type { Entry } from '../glossary/types';
import type { Translate } from '../lib/i18n';
import type { DuplicatePolicy, ImportSummary, StoredEntry } from '../lib/protocol';

export interface ImportExportProps {
  glossary: readonly StoredEntry[];
  personal: readonly StoredEntry[];
  t: Translate;
  onImport: (entries: Entry[], policy: DuplicatePolicy) => Promise<ImportSummary>;
}

interface Pending {
  name: string;
  entries: Entry[];
  preview: ImportPreview;
}

const POLICIES: DuplicatePolicy[] = ['skip', 'overwrite', 'keep-both'];

function download(name: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportExport({ glossary, personal, t, onImport }: ImportExportProps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    setMessage({ text: t('io.reading', { name: file.name }), error: false });
    try {
      checkImportSize(file.size); // before reading a byte of it
      const entries = parseImport(file.name, await file.text());
      setPending({ name: file.name, entries, preview: previewImport(entries, glossary) });
      setMessage(null);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      setMessage({ text: t('io.error', { name: file.name, message: why }), error: true });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const s = await onImport(pending.entries, policy);
      setMessage({
        text: t('io.done', { added: s.added, updated: s.updated, skipped: s.skipped }),
        error: false,
      });
      setPending(null);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      setMessage({ text: t('io.error', { name: pending.name, message: why }), error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: ImportFormat) => {
    const { write, mime } = EXPORTERS[format];
    const date = new Date().toISOString().slice(0, 10);
    download(`ata-zan-${date}.${format}`, mime, write(personal));
  };

  return (
    <div class="io">
      <section aria-labelledby="import-title">
        <h3 id="import-title">{t('io.importTitle')}</h3>
        <p class="help">{t('io.importHelp', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
        <label class="file">
          <span>{t('io.chooseFile')}</span>
          <input
            type="file"
            name="import"
            accept=".json,.csv,.tbx,.xml,application/json,text/csv,application/xml"
            onChange={(e) => void choose(e.currentTarget)}
          />
        </label>
        {message ? (
          <p class={message.error ? 'error' : 'info'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
        {pending ? (
          <div class="preview" aria-labelledby="preview-title">
            <h4 id="preview-title">
              {t('io.preview', { name: pending.name, total: pending.entries.length })}
            </h4>
            <p class="counts">
              {(['new', 'changed', 'duplicate'] as const).map((s) => (
                <span class={`count status-${s}`} key={s} data-status={s}>
                  {t(`io.status.${s}`)}: <strong>{pending.preview.counts[s]}</strong>
                </span>
              ))}
            </p>
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
            <div class="actions">
              <button
                type="button"
                class="primary"
                name="confirm-import"
                disabled={busy}
                onClick={() => void confirm()}
              >
                {t('io.confirm')}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                {t('io.cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">{t('io.exportTitle')}</h3>
        <p class="help">{t('io.exportHelp')}</p>
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
