/**
 * The PDF viewer's controls in the popup and options page: the "open PDFs in
 * Ata Zan" switch (Chromium only: Firefox cannot redirect by response header,
 * so there the popup's buttons are the way in), and the popup's buttons that
 * open a local PDF or the current tab's PDF in the viewer.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveUiLanguage } from '../lib/i18n/language';
import { pdfTranslator } from '../lib/i18n/pdf';
import type { Settings } from '../lib/settings';
import { VIEWER_PATH, viewerUrl } from '../lib/pdf-url';
import { Switch } from './Switch';

/** Whether this build can send PDFs to the viewer by itself (Chromium's declarativeNetRequest). */
export const CAN_REDIRECT_PDFS = !import.meta.env.FIREFOX;

export interface PdfSwitchProps {
  settings: Settings | null;
  onChange: (patch: Partial<Settings>) => void;
  /** Show the one-line explanation under the switch (options page). */
  hint?: boolean;
}

export function PdfSwitch({ settings, onChange, hint = false }: PdfSwitchProps) {
  if (!CAN_REDIRECT_PDFS) return null;
  const t = pdfTranslator(resolveUiLanguage(settings?.uiLanguage ?? 'auto'));
  return (
    <div class="pdf-switch">
      <Switch
        name="open-pdfs"
        label={t('pdf.switch')}
        checked={settings?.openPdfs ?? false}
        disabled={!settings}
        onChange={(openPdfs) => onChange({ openPdfs })}
      />
      {hint ? <p class="hint">{t('pdf.switchHint')}</p> : null}
    </div>
  );
}

/** The active tab's address when it looks like a PDF (its path ends in .pdf), else null. */
async function activePdfUrl(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    return web && /\.pdf$/i.test(url.pathname) ? url.href : null;
  } catch {
    return null;
  }
}

function openViewer(file?: string): void {
  const base = browser.runtime.getURL(`/${VIEWER_PATH}`);
  void browser.tabs.create({ url: viewerUrl(base, file) });
  window.close();
}

export function PdfPopupActions({ settings }: { settings: Settings | null }) {
  const [pdf, setPdf] = useState<string | null>(null);
  useEffect(() => {
    activePdfUrl().then(setPdf, () => setPdf(null));
  }, []);
  const t = pdfTranslator(resolveUiLanguage(settings?.uiLanguage ?? 'auto'));
  return (
    <div class="pdf-actions">
      {pdf ? (
        <button type="button" class="link" name="open-tab-pdf" onClick={() => openViewer(pdf)}>
          {t('pdf.openTab')}
        </button>
      ) : null}
      <button type="button" class="link" name="open-pdf" onClick={() => openViewer()}>
        {t('pdf.openFile')}
      </button>
    </div>
  );
}
