/**
 * The browser's floor: an extension that does nothing but answer. Its service
 * worker replies to every message at once; its content script (at
 * document_start, the earliest a script can ask) asks once and, on the reply,
 * highlights the page's first word and leaves the same mark Ata Zan's content
 * script leaves (`atazan-scan-done`); its popup asks on each keystroke in its
 * search box and lists one row per reply. Whatever Ata Zan takes beyond this
 * extension in the same run is Ata Zan's; what this extension takes is the
 * browser's (starting a worker, opening an extension page, passing a message)
 * on this machine. bench/page.ts and bench/termbase.ts run it beside the builds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MANIFEST = {
  manifest_version: 3,
  name: 'Ata Zan benchmark floor',
  version: '1.0',
  background: { service_worker: 'background.js' },
  action: { default_popup: 'popup.html' },
  content_scripts: [
    { matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', js: ['content.js'] },
  ],
  host_permissions: ['http://*/*', 'https://*/*'],
};

// The marks the benchmarks wait for before stopping a worker (it has nothing to seed or store).
const BACKGROUND = `
for (const name of ['start', 'seeded', 'adopted']) performance.mark('atazan-worker-' + name);
chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });
`;

const CONTENT = `
chrome.runtime.sendMessage({ type: 'floor' }).then(() => {
  const paint = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !/\\S/.test(node.data));
    if (node) {
      const range = new Range();
      const start = node.data.search(/\\S/);
      range.setStart(node, start);
      range.setEnd(node, start + 1);
      CSS.highlights.set('atazan-floor', new Highlight(range));
    }
    performance.mark('atazan-scan-done', { detail: JSON.stringify({ firstPaintAt: performance.now() }) });
  };
  if (document.body) paint(); else addEventListener('DOMContentLoaded', paint, { once: true });
});
`;

const PAGE = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>${script}</head>` +
  `<body><input id="search" type="search"><ul id="results" role="listbox"></ul></body></html>`;

const POPUP = `
const field = document.getElementById('search');
const ask = () => chrome.runtime.sendMessage({ type: 'floor', query: field.value }).then(() => {
  const row = document.createElement('li');
  row.setAttribute('role', 'option');
  row.textContent = field.value;
  document.getElementById('results').replaceChildren(row);
});
field.addEventListener('input', ask);
if (field.value) ask();
`;

/** Write the floor extension to a new temporary directory; returns it. */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atazan-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  writeFileSync(join(dir, 'popup.js'), POPUP);
  writeFileSync(join(dir, 'popup.html'), PAGE('<script type="module" src="popup.js"></script>'));
  // The benchmarks open options.html#add to stop the worker from an extension page.
  writeFileSync(join(dir, 'options.html'), PAGE(''));
  return dir;
}
