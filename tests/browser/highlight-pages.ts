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

/** The centre of the first occurrence of `text` inside the element matching `selector`. */
export async function textCenter(
  page: TestPage,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
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
      throw new Error(`"${text}" not in ${selector}`);
    },
    { selector, text },
  );
}

/** The open card's entry id and text, or null. */
export async function cardState(page: TestPage): Promise<{ id: string; text: string } | null> {
  return page.evaluate(() => {
    const card = document.querySelector('atazan-card')?.shadowRoot?.querySelector('.atz-card');
    if (!card || (card.parentElement as HTMLElement).hidden) return null;
    return { id: card.getAttribute('data-entry-id') ?? '', text: card.textContent ?? '' };
  });
}
