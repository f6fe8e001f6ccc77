/**
 * Test pages for the content-script browser tests, built from the official
 * Constitution texts in ../shared/constitution (read at run time) and the
 * sample corpus, plus helpers to read highlights and talk to the background.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { TestPage } from './driver';

/**
 * The shared data: $ATAZAN_SHARED, else the nearest `shared/` holding `constitution/`
 * beside the repository or beside one of its parents (a clone in /work/main and a
 * worktree in /work/wt/NAME both find /work/shared).
 */
export const SHARED_DIR = ((): string => {
  if (process.env.ATAZAN_SHARED) return resolve(process.env.ATAZAN_SHARED);
  const near = resolve(import.meta.dirname, '../../../shared');
  for (let dir = resolve(import.meta.dirname, '../../..'); ;) {
    const candidate = resolve(dir, 'shared');
    if (existsSync(resolve(candidate, 'constitution'))) return candidate;
    const up = dirname(dir);
    if (up === dir) return near;
    dir = up;
  }
})();

interface ClauseRecord {
  edition: string;
  article: string;
  clause: string | null;
  text: string;
}

/** A Constitution file's records; fails loudly when ../shared is not beside the clone. */
export function constitution(file: '2026.kk' | '2026.ru' | '1995.kk' | '1995.ru'): ClauseRecord[] {
  const path = resolve(SHARED_DIR, 'constitution', `${file}.json`);
  if (!existsSync(path)) {
    throw new Error(
      `Missing ${path}: the browser tests read the official Constitution texts from ../shared/constitution beside the repository (or set ATAZAN_SHARED).`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ClauseRecord[];
}

export function clause(records: ClauseRecord[], article: string, clauseNo: string | null): string {
  const r = records.find((x) => x.article === article && x.clause === clauseNo);
  if (!r) throw new Error(`No article ${article} clause ${clauseNo} in the Constitution text`);
  return r.text;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Text of every range of each Ata Zan highlight, read from the page's main world. */
export async function highlightTexts(page: TestPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const name of ['atazan-exact', 'atazan-approximate', 'atazan-personal']) {
      const h = CSS.highlights.get(name);
      out[name] = h
        ? [...h].map((r) => {
            const x = document.createRange();
            x.setStart(r.startContainer, r.startOffset);
            x.setEnd(r.endContainer, r.endOffset);
            return x.toString();
          })
        : [];
    }
    return out;
  });
}

/** All highlighted texts, whatever the kind. */
export async function allHighlighted(page: TestPage): Promise<string[]> {
  return Object.values(await highlightTexts(page)).flat();
}

/** The highlighted texts inside the element matching `selector` (what a reader sees marked there). */
export async function highlightedIn(page: TestPage, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    const out: string[] = [];
    for (const name of ['atazan-exact', 'atazan-approximate', 'atazan-personal']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        if (!el?.contains(r.startContainer)) continue;
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        out.push(x.toString());
      }
    }
    return out;
  }, selector);
}

/** The centre of the first occurrence of `text` inside the element matching `selector`. */
export function textCenter(
  page: TestPage,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return centreOfText(page, { selector, shadow: false }, text);
}

/** Rest the pointer at (x, y), arriving from just left of it: a hover needs a move onto the spot. */
export async function hoverAt(page: TestPage, at: { x: number; y: number }): Promise<void> {
  await page.mouseMove(at.x - 3, at.y);
  await page.mouseMove(at.x, at.y);
}

/** Rest the pointer on the first occurrence of `text` inside the element matching `selector`. */
export async function hoverText(page: TestPage, selector: string, text: string): Promise<void> {
  await hoverAt(page, await textCenter(page, selector, text));
}

/** The open card's entry id and text, or null. */
export async function cardState(page: TestPage): Promise<{ id: string; text: string } | null> {
  return page.evaluate(() => {
    const card = document.querySelector('atazan-card')?.shadowRoot?.querySelector('.atz-card');
    if (!card || (card.parentElement as HTMLElement).hidden) return null;
    return { id: card.getAttribute('data-entry-id') ?? '', text: card.textContent ?? '' };
  });
}

/** One article of a law page: its heading and its clauses. */
export interface LawArticle {
  heading: string;
  clauses: string[];
}

/**
 * A page laid out like adilet.zan.kz: the site's header and menu, the act's
 * title, then each article under its own heading with a paragraph per clause,
 * inside <main>. What the highlight modes are measured on.
 */
export function lawPage(title: string, lang: 'kk' | 'ru', articles: LawArticle[]): string {
  const nav =
    lang === 'ru'
      ? 'Информационно-правовая система нормативных правовых актов Республики Казахстан · Главная · Законодательство · Кодексы · Законы · Указы Президента · Постановления Правительства'
      : 'Қазақстан Республикасының нормативтік құқықтық актілерінің ақпараттық-құқықтық жүйесі · Басты бет · Заңнама · Кодекстер · Заңдар · Президент Жарлықтары · Үкімет қаулылары';
  const body = articles
    .map(
      (a, i) =>
        `<h3 id="art-${i}">${escapeHtml(a.heading)}</h3>\n` +
        a.clauses.map((c) => `<p>${escapeHtml(c)}</p>`).join('\n'),
    )
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;font-size:16px"><header><nav>${escapeHtml(nav)}</nav></header>
<main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

/** The Constitution's articles in one language, clauses grouped under their article. */
export function constitutionArticles(
  file: '2026.kk' | '2026.ru' | '1995.kk' | '1995.ru',
  fromArticle: number,
  toArticle: number,
): LawArticle[] {
  const word = file.endsWith('kk') ? 'бап' : 'Статья';
  const out = new Map<string, LawArticle>();
  for (const r of constitution(file)) {
    const n = Number.parseInt(r.article, 10);
    if (!(n >= fromArticle && n <= toArticle)) continue;
    const heading = word === 'бап' ? `${r.article}-${word}` : `${word} ${r.article}`;
    const a = out.get(r.article) ?? { heading, clauses: [] };
    a.clauses.push(r.clause ? `${r.clause}. ${r.text}` : r.text);
    out.set(r.article, a);
  }
  return [...out.values()];
}

interface CodeFile {
  title: Record<'kk' | 'ru', string>;
  concepts: { article: string; clause: string | null; kk: string; ru: string }[];
}

/** A code's article of concepts (its definitions), one clause a paragraph. */
export function codeConcepts(
  code: string,
  lang: 'kk' | 'ru',
): { title: string; articles: LawArticle[] } {
  const path = resolve(SHARED_DIR, 'codes', `${code}.json`);
  const data = JSON.parse(readFileSync(path, 'utf8')) as CodeFile;
  const byArticle = new Map<string, LawArticle>();
  for (const c of data.concepts) {
    const heading = lang === 'kk' ? `${c.article}-бап` : `Статья ${c.article}`;
    const a = byArticle.get(c.article) ?? { heading, clauses: [] };
    a.clauses.push(c.clause ? `${c.clause}) ${c[lang]}` : c[lang]);
    byArticle.set(c.article, a);
  }
  return { title: data.title[lang], articles: [...byArticle.values()] };
}

/** How many ranges the three Ata Zan highlights hold together. */
export async function paintedCount(page: TestPage): Promise<number> {
  return page.evaluate(() =>
    ['atazan-exact', 'atazan-approximate', 'atazan-personal'].reduce(
      (n, name) => n + (CSS.highlights.get(name)?.size ?? 0),
      0,
    ),
  );
}

/** Words in the page's visible text (letters in them), the base of "highlights per 100 words". */
export async function wordCount(page: TestPage): Promise<number> {
  return page.evaluate(
    () => document.body.innerText.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length,
  );
}

/** Wait until the painted count holds still (the scan and the `first` choice are done). */
export async function settledCount(page: TestPage, timeoutMs = 8000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  for (;;) {
    const now = await paintedCount(page);
    if (now === last) return now;
    if (Date.now() > end) throw new Error(`highlights still changing: ${last} → ${now}`);
    last = now;
    await page.wait(400);
  }
}

/** The centre of the first occurrence of `text` inside the open shadow root of the element matching `hostSelector`. */
export function shadowTextCenter(
  page: TestPage,
  hostSelector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return centreOfText(page, { selector: hostSelector, shadow: true }, text);
}

/** Where `text` is looked for: inside the element matching `selector`, or inside its open shadow root. */
interface TextPlace {
  selector: string;
  shadow: boolean;
}

/** The centre of the first occurrence of `text` in the place, measured in the page. */
function centreOfText(
  page: TestPage,
  place: TextPlace,
  text: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ place, text }) => {
      const host = document.querySelector(place.selector);
      const root = place.shadow ? host?.shadowRoot : host;
      const where = place.shadow ? `the shadow root of ${place.selector}` : place.selector;
      if (!root)
        throw new Error(place.shadow ? `no open shadow root on ${place.selector}` : `no ${where}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      throw new Error(`"${text}" not in ${where}`);
    },
    { place, text },
  );
}
