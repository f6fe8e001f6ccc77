/**
 * Ata Zan's PDF viewer in Chromium with the built extension: PDFs printed by
 * Chromium from legal text (two columns, a Kazakh term hyphenated across a
 * line end, a Russian term split between a bold and a regular text item) and
 * served from 127.0.0.1 as application/pdf open in pdf-viewer.html, directly
 * and by the redirect when the switch is on, with the terms highlighted in
 * their inflected forms and the hover card on them. Downloads and POST
 * answers are left to the browser; "open in the browser's viewer" is not
 * redirected again.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { chromiumTestPage as tp } from './driver';
import { cardState, highlightTexts, textCenter } from './highlight-pages';
import { decisionHtml, makePdf, servePdfs, type PdfServer } from './pdf-pages';

let browser: ExtensionBrowser;
let server: PdfServer;

/** An extension page, to send requests to the background as the popup does. */
async function extensionPage(
  browser: ExtensionBrowser,
): Promise<(msg: unknown) => Promise<unknown>> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return (msg) =>
    page.evaluate(
      (m) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage(m),
      msg,
    );
}
let send: (msg: unknown) => Promise<unknown>;
let viewerBase: string;

beforeAll(async () => {
  browser = await launchWithExtension();
  const decision = await makePdf(browser.context, decisionHtml(1));
  const long = await makePdf(browser.context, decisionHtml(50));
  // A "scan": a page with a picture and no text at all.
  const scan = await makePdf(
    browser.context,
    '<!doctype html><body><div style="width:400px;height:500px;background:linear-gradient(#333,#999)"></div></body>',
  );
  server = await servePdfs(
    {
      '/decision.pdf': decision,
      '/long.pdf': long,
      '/scan.pdf': scan,
      '/framed.pdf': decision,
      '/download/decision.pdf': decision,
      '/post/decision.pdf': decision,
    },
    {
      '/form.html': `<!doctype html><meta charset="utf-8"><form method="post" action="/post/decision.pdf"><button id="go">go</button></form>`,
    },
  );
  send = await extensionPage(browser);
  viewerBase = `chrome-extension://${browser.extensionId}/pdf-viewer.html`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function setOpenPdfs(on: boolean): Promise<void> {
  await send({ type: 'settings/set', patch: { openPdfs: on } });
}

/**
 * Every highlighted range of the page: its text (a line end inside it, a <br> of the text
 * layer, reads as nothing), whether it spans several text nodes, and its first node's text.
 */
async function ranges(
  page: Page,
): Promise<{ name: string; text: string; nodes: number; first: string }[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; nodes: number; first: string }[] = [];
    for (const name of ['atazan-exact', 'atazan-approximate', 'atazan-personal']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const s = r as StaticRange;
        const range = document.createRange();
        range.setStart(s.startContainer, s.startOffset);
        range.setEnd(s.endContainer, s.endOffset);
        out.push({
          name,
          text: range.toString(),
          nodes: s.startContainer === s.endContainer ? 1 : 2,
          first: s.startContainer.textContent ?? '',
        });
      }
    }
    return out;
  });
}

async function waitForHighlights(page: Page, atLeast: number): Promise<void> {
  await expect
    .poll(async () => (await ranges(page)).length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(atLeast);
}

test('pdf-viewer.html?file= opens the PDF with its terms highlighted in their inflected forms', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${viewerBase}?file=${encodeURIComponent(`${server.url}/decision.pdf`)}`);
  await page.waitForSelector('.textLayer span');
  await waitForHighlights(page, 8);
  const found = await ranges(page);
  const texts = found.map((r) => r.text.replace(/\s+/g, ' '));
  // Kazakh: сот төрелігін (accusative of the izafet term), also hyphenated across a line end.
  expect(texts.filter((t) => /^сот ?төрелігін$/i.test(t)).length).toBeGreaterThanOrEqual(2);
  expect(texts).toContainEqual(expect.stringMatching(/^сот төре-\s?лігін$/));
  // Russian: Правосудие, правосудия, Конституционного Суда.
  expect(texts).toContain('Правосудие');
  expect(texts).toContain('правосудия');
  // The term whose first word is bold: two text-layer spans, one highlight.
  const court = found.find((r) => r.text.replace(/\s+/g, ' ').startsWith('Конституционного Суда'));
  expect(court).toBeDefined();
  expect(court!.nodes).toBe(2);
  expect(court!.first.trim()).toBe('Конституционн');
  const sizes = await page.evaluate(() =>
    ['atazan-exact', 'atazan-approximate', 'atazan-personal'].map(
      (n) => CSS.highlights.get(n)?.size ?? 0,
    ),
  );
  expect(sizes[0]).toBeGreaterThanOrEqual(8);
  console.log(
    `pdf viewer: ${found.length} highlights on the decision (${sizes.join('/')} exact/approximate/personal): ${[...new Set(texts)].join(' | ')}`,
  );

  // The hover card: the equivalent of правосудие is сот төрелігі.
  const at = await textCenter(tp(page), '.textLayer', 'Правосудие');
  await page.mouse.move(at.x - 30, at.y - 30);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await expect.poll(() => cardState(tp(page))).not.toBeNull();
  const card = await cardState(tp(page));
  expect(card!.text).toMatch(/сот төрелігі/i);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardState(tp(page))).toBeNull();

  // The keyboard shortcut's message (what the background sends for Alt+Shift+Z) reaches the viewer too.
  await page.bringToFront();
  await page.evaluate(() => {
    const walker = document.createTreeWalker(
      document.querySelector('.textLayer')!,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf('Правосудие');
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 'Правосудие'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return;
    }
  });
  await browser.serviceWorker.evaluate(async () => {
    interface Tabs {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(id: number, msg: unknown): Promise<unknown>;
    }
    const c = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    await c.tabs.sendMessage(tab!.id!, { type: 'card/show-selection' }).catch(() => undefined);
  });
  await expect.poll(() => cardState(tp(page))).not.toBeNull();
  await page.keyboard.press('Escape');

  // Find: pdf.js marks the hits in the text layer's DOM; the highlights are read again after it.
  const before = (await ranges(page)).length;
  await page.fill('#find', 'правосуди');
  await expect.poll(() => page.textContent('#find-count')).toMatch(/1 of 2/);
  expect(await page.locator('.textLayer .highlight').count()).toBeGreaterThanOrEqual(2);
  await expect.poll(async () => (await ranges(page)).length).toBe(before);
  expect((await ranges(page)).map((r) => r.text)).toContain('Правосудие');

  // Zoom and page controls are live.
  expect(await page.inputValue('#zoom')).toBe('page-width');
  const width = await page.evaluate(() => document.querySelector('.page')!.clientWidth);
  await page.click('#zoom-in');
  await expect.poll(() => page.inputValue('#zoom')).not.toBe('page-width');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('.page')!.clientWidth))
    .toBeGreaterThan(width);
  // The text layer is kept and rescaled: the highlights stay.
  await expect.poll(async () => (await ranges(page)).length).toBe(before);
  expect(await page.textContent('#pages')).toBe('of 1');
  await page.close();
});

test('a local file (picker) opens with highlights; the original downloads under its name', async () => {
  const page = await browser.context.newPage();
  await page.goto(viewerBase);
  await expect.poll(() => page.isVisible('#empty')).toBe(true);
  const decision = await (await fetch(`${server.url}/decision.pdf`)).arrayBuffer();
  await page.setInputFiles('#file', {
    name: 'шешім.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(decision),
  });
  await waitForHighlights(page, 8);
  expect(await page.isVisible('#empty')).toBe(false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  expect(download.suggestedFilename()).toBe('шешім.pdf');
  // Print hands the original bytes to the browser's own PDF printing, in a hidden frame.
  await page.click('#print');
  await expect
    .poll(() => page.getAttribute('#print-frame', 'src'))
    .toMatch(/^blob:chrome-extension:/);
  await page.close();
});

test('a PDF dropped on the viewer opens in it', async () => {
  const page = await browser.context.newPage();
  await page.goto(viewerBase);
  await expect.poll(() => page.isVisible('#empty')).toBe(true);
  await page.evaluate(async (url) => {
    const bytes = await (await fetch(url)).arrayBuffer();
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.pdf', { type: 'application/pdf' }));
    const target = document.getElementById('empty')!;
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  }, `${server.url}/decision.pdf`);
  await waitForHighlights(page, 8);
  await page.close();
});

test('the popup: the switch sets openPdfs; "Open a PDF in Ata Zan" opens the viewer', async () => {
  await setOpenPdfs(false);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.click('label:has(input[name="open-pdfs"])');
  await expect
    .poll(async () => ((await send({ type: 'settings/get' })) as { openPdfs: boolean }).openPdfs)
    .toBe(true);
  await popup.click('label:has(input[name="open-pdfs"])');
  await expect
    .poll(async () => ((await send({ type: 'settings/get' })) as { openPdfs: boolean }).openPdfs)
    .toBe(false);
  const [viewer] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.click('button[name="open-pdf"]'),
  ]);
  await expect.poll(() => viewer.url()).toBe(viewerBase);
  await expect.poll(() => viewer.isVisible('#empty')).toBe(true);
  await viewer.close();
  if (!popup.isClosed()) await popup.close();
});

test('framed by a web page, the viewer opens no address it is given', async () => {
  const page = await browser.context.newPage();
  const src = `${viewerBase}?file=${encodeURIComponent(`${server.url}/framed.pdf`)}`;
  await page.route(`${server.url}/frame.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><iframe id="v" src="${src}" width="800" height="600"></iframe>`,
    }),
  );
  await page.goto(`${server.url}/frame.html`);
  await expect
    .poll(async () =>
      page
        .frames()
        .find((f) => f.url().startsWith(viewerBase))
        ?.isVisible('#empty'),
    )
    .toBe(true);
  await page.waitForTimeout(500);
  expect(server.requests).not.toContain('GET /framed.pdf');
  await page.close();
});

test('a PDF without a text layer says so', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${viewerBase}?file=${encodeURIComponent(`${server.url}/scan.pdf`)}`);
  await expect
    .poll(() => page.textContent('#notice'), { timeout: 10_000 })
    .toMatch(/no text layer/);
  await page.close();
});

test('with the switch on, a PDF navigated to opens in the viewer; off, it does not', async () => {
  await setOpenPdfs(true);
  const page = await browser.context.newPage();
  const pdfUrl = `${server.url}/decision.pdf`;
  await page.goto(pdfUrl);
  await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/pdf-viewer\.html\?file=/);
  expect(page.url().startsWith(viewerBase)).toBe(true);
  await waitForHighlights(page, 8);
  // The original address is shown.
  expect(await page.textContent('#source-link')).toBe(pdfUrl);
  const texts = Object.values(await highlightTexts(tp(page))).flat();
  expect(texts).toContain('Правосудие');

  // Back to the browser's own viewer: not redirected again.
  await page.click('#native').catch(() => undefined);
  await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(pdfUrl);
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(pdfUrl);
  await page.close();

  await setOpenPdfs(false);
  const off = await browser.context.newPage();
  await off.goto(pdfUrl).catch(() => undefined);
  await off.waitForTimeout(1000);
  expect(off.url()).not.toMatch(/pdf-viewer\.html/);
  await off.close();
});

test('downloads (Content-Disposition: attachment) and POST answers are left to the browser', async () => {
  await setOpenPdfs(true);
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/download/decision.pdf`).catch(() => undefined);
  await page.waitForTimeout(1000);
  expect(page.url()).not.toMatch(/pdf-viewer\.html/);

  await page.goto(`${server.url}/form.html`);
  await page.click('#go');
  await page.waitForTimeout(1500);
  expect(page.url()).not.toMatch(/pdf-viewer\.html/);
  expect(server.requests).toContain('POST /post/decision.pdf');
  expect(server.requests).not.toContain('GET /post/decision.pdf');
  await page.close();
  await setOpenPdfs(false);
});

test('a 50-page PDF: time from navigation to the first highlight (logged, not asserted)', async () => {
  await setOpenPdfs(true);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const t0 = Date.now();
  await page.goto(`${server.url}/long.pdf`);
  await page.waitForFunction(() => (CSS.highlights.get('atazan-exact')?.size ?? 0) > 0, null, {
    timeout: 30_000,
    polling: 'raf',
  });
  const first = Date.now() - t0;
  const pages = await page.evaluate(() => document.querySelectorAll('.pdfViewer .page').length);
  expect(pages).toBe(50);
  const textAt = await page.evaluate(() => {
    const m = performance.getEntriesByName('atazan-pdf-first-text')[0] as
      PerformanceMark | undefined;
    return m ? Math.round(m.startTime) : null;
  });
  console.log(
    `pdf viewer: 50-page PDF, navigation → first highlight ${first} ms (viewer page start → first text layer ${textAt} ms)`,
  );
  await page.close();
  await setOpenPdfs(false);
});
