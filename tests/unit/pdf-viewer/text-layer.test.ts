/**
 * The PDF viewer's pure parts: reading a pdf.js text layer as one string with
 * an offset map back to its span text nodes (the content script's collector
 * on pdf.js's markup: inline spans, a <br> per `hasEOL`, marked-content
 * wrappers, find highlights), matching across spans, line ends and a line-end
 * hyphen; the viewer's `?file=` address; the redirect rules; the strings.
 */
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../glossary/matcher';
import { HighlightPainter } from '../../../entrypoints/content/highlight';
import {
  collectText,
  segmentIndexAt,
  type TextChunk,
} from '../../../entrypoints/content/text-collect';
import {
  fileFromViewerUrl,
  nativeRule,
  pdfFileName,
  redirectRule,
  viewerUrl,
} from '../../../lib/pdf-url';
import { PDF_STRINGS } from '../../../lib/i18n/pdf';
import { addPdfViewerManifest } from '../../../lib/pdf-manifest';
import { installWindow } from '../support/window';

const win = installWindow('chrome-extension://abc/pdf-viewer.html');
const doc = win.document as unknown as Document;

/** A text layer as pdf.js 5 builds it: one span per text item, <br> after an item with hasEOL. */
function textLayer(html: string): HTMLElement {
  const div = doc.createElement('div');
  div.className = 'textLayer';
  div.innerHTML = html.replace(/\n\s*/g, '');
  doc.body.append(div);
  return div;
}

function pageText(layer: Element): TextChunk {
  const chunks = [...collectText({ root: layer, chunkChars: 1 << 20 })];
  expect(chunks).toHaveLength(1);
  return chunks[0]!;
}

const matcher = compileMatcher([
  { id: 'justice', kk: ['сот төрелігі'], ru: ['правосудие'] },
  { id: 'constitutional-court', kk: ['Конституциялық Сот'], ru: ['Конституционный Суд'] },
  { id: 'court', kk: ['сот'], ru: ['суд'] },
]);

const LAYER = `
  <span role="presentation">Соттың шешімі бойынша сот төре-</span><br role="presentation">
  <span role="presentation">лігін жүзеге асыру тәртібі сақталды.</span><br role="presentation">
  <span class="markedContent"><span role="presentation">Жалоба представителя </span>
  <span role="presentation">Конституционн</span><span role="presentation">ого</span></span><br role="presentation">
  <span role="presentation">Суда рассмотрена.</span>
  <div class="endOfContent"></div>`;

describe('a pdf.js text layer read as one string', () => {
  test('items join as they are, a line end (hasEOL) is a newline, and every segment maps back to its node', () => {
    const layer = textLayer(LAYER);
    const chunk = pageText(layer);
    expect(chunk.text.replace(/\ufffc/g, '|')).toBe(
      'Соттың шешімі бойынша сот төре-\nлігін жүзеге асыру тәртібі сақталды.\n' +
        'Жалоба представителя Конституционного\nСуда рассмотрена.|',
    );
    const spans = [...layer.querySelectorAll('span[role="presentation"]')];
    expect(chunk.segments.map((s) => s.node)).toEqual(spans.map((s) => s.firstChild));
    for (const s of chunk.segments) expect(chunk.text.slice(s.start, s.end)).toBe(s.node.data);
    layer.remove();
  });

  test('a hyphenated line break and a term split across spans and lines are single matches', () => {
    const layer = textLayer(LAYER);
    const chunk = pageText(layer);
    const matches = matcher.scan(chunk.text);
    const found = matches.map((m) => [chunk.text.slice(m.start, m.end), m.id]);
    expect(found).toContainEqual(['сот төре-\nлігін', 'justice']);
    expect(found).toContainEqual(['Конституционного\nСуда', 'constitutional-court']);
    // The split term runs from the "Конституционн" span through "ого" to "Суда": three nodes.
    const cc = matches.find((m) => m.id === 'constitutional-court')!;
    const first = chunk.segments[segmentIndexAt(chunk.segments, cc.start)]!;
    const last = chunk.segments[segmentIndexAt(chunk.segments, cc.end - 1)]!;
    expect(first.node.data).toBe('Конституционн');
    expect(cc.start - first.start).toBe(0);
    expect(last.node.data).toBe('Суда рассмотрена.');
    expect(cc.end - last.start).toBe('Суда'.length);

    // The painter records the span on every node it touches.
    const painter = new HighlightPainter();
    painter.paintChunk(
      chunk,
      matches.map((m) => ({ ...m, kind: 'exact' as const })),
    );
    const ogo = chunk.segments.find((s) => s.node.data === 'ого')!.node;
    expect(painter.spanAt(ogo, 1)?.match.id).toBe('constitutional-court');
    const tore = chunk.segments.find((s) => s.node.data.endsWith('төре-'))!.node;
    expect(painter.spanAt(tore, tore.data.length - 2)?.match.id).toBe('justice');
    layer.remove();
  });

  test('find highlights (pdf.js wraps matches in span.highlight) leave the text and the matches unchanged', () => {
    const layer = textLayer(
      LAYER.replace(
        'Жалоба представителя ',
        'Жалоба <span class="highlight selected">представителя</span> ',
      ),
    );
    const chunk = pageText(layer);
    expect(chunk.text).toContain('Жалоба представителя Конституционного\nСуда');
    for (const s of chunk.segments) expect(chunk.text.slice(s.start, s.end)).toBe(s.node.data);
    expect(matcher.scan(chunk.text).map((m) => m.id)).toContain('constitutional-court');
    layer.remove();
  });
});

describe('the viewer address', () => {
  const base = 'chrome-extension://abc/pdf-viewer.html';
  test('?file= as the popup writes it (encoded) and as the redirect writes it (raw)', () => {
    const file = 'https://adilet.zan.kz/docs/решение.pdf?id=1&lang=ru';
    expect(fileFromViewerUrl(viewerUrl(base, file))).toBe(new URL(file).href);
    expect(fileFromViewerUrl(`${base}?file=${file}`)).toBe(new URL(file).href);
    expect(fileFromViewerUrl(`${base}?file=http://127.0.0.1:8080/a%20b.pdf#page=2`)).toBe(
      'http://127.0.0.1:8080/a%20b.pdf',
    );
    expect(fileFromViewerUrl(`${base}?x=1&file=https%3A%2F%2Fe.kz%2Fa.pdf`)).toBe(
      'https://e.kz/a.pdf',
    );
  });
  test('nothing else is opened', () => {
    expect(fileFromViewerUrl(base)).toBeNull();
    expect(fileFromViewerUrl(`${base}?file=`)).toBeNull();
    expect(fileFromViewerUrl(`${base}?file=javascript:alert(1)`)).toBeNull();
    expect(fileFromViewerUrl(`${base}?file=file:///etc/passwd`)).toBeNull();
    expect(fileFromViewerUrl(`${base}?profile=https://e.kz/a.pdf`)).toBeNull();
  });
  test('download names', () => {
    expect(pdfFileName('https://e.kz/docs/%D1%80%D0%B5%D1%88.pdf?x=1')).toBe('реш.pdf');
    expect(pdfFileName('https://e.kz/download?id=5')).toBe('download.pdf');
    expect(pdfFileName('https://e.kz/')).toBe('document.pdf');
  });
});

describe('the redirect rules', () => {
  test('only GET top-level PDFs that are not attachments go to the viewer', () => {
    const r = redirectRule('chrome-extension://abc/pdf-viewer.html');
    expect(r.action).toEqual({
      type: 'redirect',
      redirect: { regexSubstitution: 'chrome-extension://abc/pdf-viewer.html?file=\\0' },
    });
    expect(r.condition.resourceTypes).toEqual(['main_frame']);
    expect(r.condition.requestMethods).toEqual(['get']);
    expect(r.condition.responseHeaders?.[0]?.values).toContain('application/pdf');
    expect(r.condition.excludedResponseHeaders?.[0]).toEqual({
      header: 'content-disposition',
      values: ['attachment*'],
    });
  });
  test('the exception matches exactly that address, in that tab, above the redirect', () => {
    const r = nativeRule(1500, 'https://e.kz/a.pdf?x=(1)', 7);
    expect(r.priority).toBeGreaterThan(redirectRule('x').priority);
    expect(r.condition.tabIds).toEqual([7]);
    const re = new RegExp(r.condition.regexFilter);
    expect(re.test('https://e.kz/a.pdf?x=(1)')).toBe(true);
    expect(re.test('https://e.kz/a.pdf?x=(1)&y')).toBe(false);
    expect(re.test('https://e.kz/aXpdf?x=(1)')).toBe(false);
  });
});

test('the viewer strings exist in Kazakh, Russian and English', () => {
  const keys = Object.keys(PDF_STRINGS.en).sort();
  for (const lang of ['kk', 'ru'] as const) {
    expect(Object.keys(PDF_STRINGS[lang]).sort()).toEqual(keys);
    for (const k of keys) expect(PDF_STRINGS[lang][k as keyof typeof PDF_STRINGS.en]).not.toBe('');
  }
});

test('the manifest additions: host access everywhere, the redirect and its page in Chromium only', () => {
  const chrome = { permissions: ['storage'] };
  addPdfViewerManifest(chrome, 'chrome');
  expect(chrome).toEqual({
    permissions: ['storage', 'declarativeNetRequestWithHostAccess'],
    host_permissions: ['http://*/*', 'https://*/*'],
    web_accessible_resources: [
      { resources: ['pdf-viewer.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
  });
  const firefox = { permissions: ['storage'] };
  addPdfViewerManifest(firefox, 'firefox');
  expect(firefox).toEqual({
    permissions: ['storage'],
    host_permissions: ['http://*/*', 'https://*/*'],
  });
});
