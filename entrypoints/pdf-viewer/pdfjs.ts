/**
 * pdf.js, loaded from the extension package: the library, its worker (an
 * asset of this build; MV3 forbids remote code) and the viewer components,
 * which read the library from `globalThis.pdfjsLib` when their module runs,
 * so they are imported only after it is set. No cmaps, standard fonts or
 * wasm decoders are shipped: PDFs that embed their fonts (court decisions,
 * laws printed from a browser or a word processor) need none of them to
 * render or to give their text.
 */
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfjsLib = typeof pdfjsLib;
export type PdfjsViewer = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

export async function loadPdfjs(): Promise<{ lib: PdfjsLib; viewer: PdfjsViewer }> {
  (globalThis as { pdfjsLib?: PdfjsLib }).pdfjsLib = pdfjsLib;
  pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;
  const viewer = await import('pdfjs-dist/web/pdf_viewer.mjs');
  return { lib: pdfjsLib, viewer };
}
