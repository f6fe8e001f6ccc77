/**
 * Ata Zan's PDF viewer (pdf-viewer.html?file=<address>, or a local file by
 * picker or drag-and-drop). pdf.js renders the pages and their text layers;
 * the content script's own app (entrypoints/content/app.ts) runs on this page
 * unchanged: it reads each text layer as it appears (the text-layer spans are
 * inline, a <br> per pdf.js `hasEOL`, so a page reads as one flow and a term
 * split across spans, lines or a line-end hyphen is still one match), asks
 * the background to match it (`text/scan`), paints the same highlights and
 * shows the same hover card.
 */
import './viewer.css';
import { browser } from 'wxt/browser';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { ContentApp } from '../content/app';
import { ask } from '../../lib/client';
import { resolveUiLanguage } from '../../lib/i18n/language';
import { pdfTranslator, type PdfKey } from '../../lib/i18n/pdf';
import type { Broadcast } from '../../lib/protocol';
import { fileFromViewerUrl, pdfFileName } from '../../lib/pdf-url';
import { loadPdfjs, type PdfjsLib, type PdfjsViewer } from './pdfjs';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

type T = (key: PdfKey, params?: Record<string, string | number>) => string;

/** Pages read to decide whether the document has a text layer at all. */
const TEXT_PROBE_PAGES = 3;

class PdfViewerPage {
  private doc: PDFDocumentProxy | null = null;
  private fileName = 'document.pdf';
  private source: string | null = null;
  private blobUrl: string | null = null;
  private readonly viewer;
  private readonly eventBus;
  private readonly linkService;
  private readonly openedAt = performance.now();

  constructor(
    private readonly lib: PdfjsLib,
    pdfjsViewer: PdfjsViewer,
    private readonly t: T,
  ) {
    this.eventBus = new pdfjsViewer.EventBus();
    this.linkService = new pdfjsViewer.PDFLinkService({ eventBus: this.eventBus });
    const findController = new pdfjsViewer.PDFFindController({
      eventBus: this.eventBus,
      linkService: this.linkService,
    });
    this.viewer = new pdfjsViewer.PDFViewer({
      container: $<HTMLDivElement>('container'),
      viewer: $<HTMLDivElement>('viewer'),
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController,
      annotationMode: lib.AnnotationMode.ENABLE,
    });
    this.linkService.setViewer(this.viewer);
    this.wire();
  }

  async open(src: { url: string } | { data: Uint8Array; name: string }): Promise<void> {
    await this.close();
    $('empty').hidden = true;
    this.notice(this.t('pdf.loading'));
    if ('url' in src) {
      this.source = src.url;
      this.fileName = pdfFileName(src.url);
    } else {
      this.source = null;
      this.fileName = src.name || 'document.pdf';
    }
    this.showSource();
    try {
      const task = this.lib.getDocument({
        ...('url' in src ? { url: src.url, withCredentials: true } : { data: src.data }),
        isEvalSupported: false,
        enableXfa: false,
      });
      const doc = await task.promise;
      this.doc = doc;
      this.viewer.setDocument(doc);
      this.linkService.setDocument(doc, null);
      const meta = await doc.getMetadata().catch(() => null);
      const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
      document.title = `${typeof title === 'string' && title.trim() ? title.trim() : this.fileName} — Ata Zan`;
      this.notice(null);
      this.enable(true);
      $('pages').textContent = this.t('pdf.of', { count: doc.numPages });
      $<HTMLInputElement>('page').max = String(doc.numPages);
      void this.probeText(doc);
    } catch (err) {
      this.doc = null;
      this.notice(
        this.t('pdf.error', { reason: err instanceof Error ? err.message : String(err) }),
      );
      if (!this.source) $('empty').hidden = false;
    }
  }

  showEmpty(): void {
    $('empty').hidden = false;
  }

  private async close(): Promise<void> {
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = null;
    const doc = this.doc;
    this.doc = null;
    if (doc) {
      this.viewer.setDocument(null as unknown as PDFDocumentProxy);
      this.linkService.setDocument(null, null);
      await doc.destroy();
    }
    this.enable(false);
  }

  /** Say so when the first pages have no text at all: a scan, where no term can be found. */
  private async probeText(doc: PDFDocumentProxy): Promise<void> {
    const n = Math.min(TEXT_PROBE_PAGES, doc.numPages);
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      if (content.items.some((it) => 'str' in it && it.str.trim() !== '')) return;
    }
    if (doc === this.doc) this.notice(this.t('pdf.noText'));
  }

  private notice(text: string | null): void {
    const el = $('notice');
    el.hidden = text === null;
    el.textContent = text ?? '';
  }

  private showSource(): void {
    const link = $<HTMLAnchorElement>('source-link');
    $('source').hidden = this.source === null;
    $('native').hidden = this.source === null || !/^https?:/.test(this.source);
    if (this.source) {
      link.href = this.source;
      link.textContent = this.source;
    }
  }

  private enable(on: boolean): void {
    for (const id of [
      'prev',
      'next',
      'page',
      'zoom-out',
      'zoom',
      'zoom-in',
      'find',
      'print',
      'download',
    ]) {
      ($(id) as HTMLButtonElement | HTMLInputElement).disabled = !on;
    }
  }

  private wire(): void {
    const bus = this.eventBus;
    const page = $<HTMLInputElement>('page');
    const zoom = $<HTMLSelectElement>('zoom');
    bus.on('pagesinit', () => {
      this.viewer.currentScaleValue = 'page-width';
    });
    bus.on('pagechanging', (e: { pageNumber: number }) => {
      page.value = String(e.pageNumber);
    });
    bus.on('scalechanging', (e: { scale: number; presetValue?: string }) => {
      const preset = e.presetValue ?? String(Math.round(e.scale * 100) / 100);
      const known = [...zoom.options].some((o) => o.value === preset);
      const custom = zoom.querySelector<HTMLOptionElement>('option[value="custom"]')!;
      custom.textContent = `${Math.round(e.scale * 100)}%`;
      zoom.value = known ? preset : 'custom';
    });
    bus.on('textlayerrendered', (e: { pageNumber: number }) => {
      if (e.pageNumber && !performance.getEntriesByName('atazan-pdf-first-text').length) {
        performance.mark('atazan-pdf-first-text', {
          detail: JSON.stringify({ sinceOpen: performance.now() - this.openedAt }),
        });
      }
    });
    const findCount = $('find-count');
    bus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) => {
      const { current, total } = e.matchesCount;
      findCount.textContent = total > 0 ? this.t('pdf.findCount', { current, total }) : '';
    });
    bus.on('updatefindcontrolstate', (e: { state: number; matchesCount?: { total: number } }) => {
      // FindState.NOT_FOUND is 1.
      if (e.state === 1) findCount.textContent = this.t('pdf.findNone');
    });

    $('prev').addEventListener('click', () => this.viewer.previousPage());
    $('next').addEventListener('click', () => this.viewer.nextPage());
    page.addEventListener('change', () => {
      const n = Number(page.value);
      if (Number.isInteger(n) && n >= 1 && n <= this.viewer.pagesCount) {
        this.viewer.currentPageNumber = n;
      } else page.value = String(this.viewer.currentPageNumber);
    });
    $('zoom-in').addEventListener('click', () => this.viewer.increaseScale());
    $('zoom-out').addEventListener('click', () => this.viewer.decreaseScale());
    zoom.addEventListener('change', () => {
      if (zoom.value !== 'custom') this.viewer.currentScaleValue = zoom.value;
    });

    const find = $<HTMLInputElement>('find');
    const dispatchFind = (type: string, findPrevious = false) =>
      bus.dispatch('find', {
        source: this,
        type,
        query: find.value,
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious,
        matchDiacritics: false,
      });
    find.addEventListener('input', () => dispatchFind(''));
    find.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') dispatchFind('again', e.shiftKey);
    });
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && this.doc) {
        e.preventDefault();
        find.focus();
        find.select();
      }
    });

    $('print').addEventListener('click', () => void this.print());
    $('download').addEventListener('click', () => void this.download());
    $('native').addEventListener('click', () => void this.openNative());

    const picker = $<HTMLInputElement>('file');
    const pick = () => picker.click();
    $('open').addEventListener('click', pick);
    $('open-big').addEventListener('click', pick);
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      if (file) void this.openFile(file);
      picker.value = '';
    });
    document.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      document.body.classList.add('dragging');
    });
    document.addEventListener('dragleave', (e) => {
      if (e.relatedTarget === null) document.body.classList.remove('dragging');
    });
    document.addEventListener('drop', (e) => {
      document.body.classList.remove('dragging');
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void this.openFile(file);
    });
  }

  private async openFile(file: File): Promise<void> {
    const data = new Uint8Array(await file.arrayBuffer());
    // The address bar keeps no ?file= for a local file: a reload shows the picker again.
    if (location.search) history.replaceState(null, '', location.pathname);
    await this.open({ data, name: file.name });
  }

  /** The original bytes, as pdf.js received them. */
  private async originalUrl(): Promise<string | null> {
    if (!this.doc) return null;
    if (!this.blobUrl) {
      const data = await this.doc.getData();
      this.blobUrl = URL.createObjectURL(new Blob([data as BlobPart], { type: 'application/pdf' }));
    }
    return this.blobUrl;
  }

  private async download(): Promise<void> {
    const url = await this.originalUrl();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = this.fileName;
    a.click();
  }

  /** Print the original document with the browser's own PDF printing (a hidden frame). */
  private async print(): Promise<void> {
    const url = await this.originalUrl();
    if (!url) return;
    document.getElementById('print-frame')?.remove();
    const frame = document.createElement('iframe');
    frame.id = 'print-frame';
    frame.style.cssText =
      'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;';
    frame.addEventListener('load', () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } catch {
        window.open(url, '_blank');
      }
    });
    frame.src = url;
    document.body.append(frame);
  }

  /** Back to the browser's own viewer, which the redirect then leaves alone for this address in this tab. */
  private async openNative(): Promise<void> {
    const url = this.source;
    if (!url) return;
    await ask('pdf/native', { url }).catch(() => null);
    location.href = url;
  }
}

function translatePage(t: T): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-title]')) {
    const label = t(el.dataset.title as PdfKey);
    el.title = label;
    el.setAttribute('aria-label', label);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
    el.textContent = t(el.dataset.text as PdfKey);
  }
  for (const el of document.querySelectorAll<HTMLInputElement>('[data-placeholder]')) {
    el.placeholder = t(el.dataset.placeholder as PdfKey);
  }
}

async function main(): Promise<void> {
  const settings = await ask('settings/get').catch(() => null);
  const lang = resolveUiLanguage(settings?.uiLanguage ?? 'auto');
  document.documentElement.lang = lang;
  const t = pdfTranslator(lang);
  translatePage(t);
  document.title = t('pdf.title');

  // Highlights and hover cards: the content script's app, on this page.
  const app = new ContentApp();
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (msg && typeof msg === 'object' && 'type' in msg) app.onBroadcast(msg as Broadcast);
    return undefined;
  });
  void app.start().catch((err: unknown) => console.debug('Ata Zan: no highlights', err));

  const { lib, viewer } = await loadPdfjs();
  const page = new PdfViewerPage(lib, viewer, t);
  // The page is web-accessible (the redirect needs that): framed by a site, it opens no address
  // it is given, so no page can have the user's PDFs fetched with their cookies behind its back.
  const framed = window.top !== window;
  const file = framed ? null : fileFromViewerUrl(location.href);
  if (file) await page.open({ url: file });
  else page.showEmpty();
}

void main();
