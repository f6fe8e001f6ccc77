/**
 * For tests/browser/pdf.test.ts: legal-text PDFs made by Chromium's own
 * `page.pdf()`, and a 127.0.0.1 server that answers them with
 * Content-Type: application/pdf (and one as a download, one only to POST).
 */
import type { BrowserContext } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clause, escapeHtml } from './highlight-pages';

/** The project's own copy of the official Constitution texts (glossary/sources). */
function constitution(file: '2026.kk' | '2026.ru'): Parameters<typeof clause>[0] {
  const path = resolve(import.meta.dirname, '../../glossary/sources', `${file}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Parameters<typeof clause>[0];
}

const ru = constitution('2026.ru');
const kk = constitution('2026.kk');

/**
 * A court decision's worth of text in two columns: Kazakh and Russian
 * Constitution clauses, a Kazakh term hyphenated across a line end
 * («сот төре-» / «лігін»), and a Russian term whose first word is set in bold,
 * so pdf.js gives it two text items (two spans).
 */
export function decisionHtml(pages = 1): string {
  const page = (n: number) => `<section style="${n < pages ? 'break-after: page;' : ''}">
<h1 style="font-size:18px">Решение № ${n} / Шешім № ${n}</h1>
<div style="column-count:2; column-gap:32px; font-size:14px; line-height:1.5">
<p id="kk76">${escapeHtml(clause(kk, '76', '1'))}</p>
<p id="ru76">${escapeHtml(clause(ru, '76', '1'))}</p>
<p>Соттың шешімі бойынша сот төре-<br>лігін жүзеге асыру тәртібі сақталды.</p>
<p>Жалоба рассмотрена с участием представителя <b>Конституционн</b>ого Суда Республики Казахстан.</p>
<p>${escapeHtml(clause(ru, '78', '1'))}</p>
<p>${escapeHtml(clause(kk, '78', '1'))}</p>
</div></section>`;
  const body = Array.from({ length: pages }, (_, i) => page(i + 1)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; margin: 0; }
</style></head><body>${body}</body></html>`;
}

/** A PDF of `html`, printed by Chromium in a page of `context`. */
export async function makePdf(context: BrowserContext, html: string): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setContent(html);
    return await page.pdf({
      format: 'A4',
      margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
    });
  } finally {
    await page.close();
  }
}

export interface PdfServer {
  url: string;
  /** Requests seen, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serve `pdfs` (path → bytes) on 127.0.0.1: GET answers application/pdf;
 * paths under /download/ add Content-Disposition: attachment; paths under
 * /post/ answer POST only. `pages` are HTML pages.
 */
export async function servePdfs(
  pdfs: Record<string, Buffer>,
  pages: Record<string, string> = {},
): Promise<PdfServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${req.method} ${path}`);
    const html = pages[path];
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const body = pdfs[path];
    const postOnly = path.startsWith('/post/');
    if (body === undefined || (postOnly && req.method !== 'POST')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/pdf',
      'content-length': String(body.length),
    };
    if (path.startsWith('/download/'))
      headers['content-disposition'] = 'attachment; filename="d.pdf"';
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
