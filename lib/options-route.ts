/**
 * The options page's deep links: `#entry=<id>` opens that entry,
 * `#add?text=…&lang=kk` opens the add form pre-filled (the context menu builds
 * these with `addFormHash`).
 */
import type { Lang } from '../glossary/types';

export type Route =
  | { view: 'list' }
  | { view: 'entry'; id: string }
  | { view: 'add'; text: string; lang: Lang | null };

/** The deep link to an entry (parsed back by parseRoute). */
export function entryHash(id: string): string {
  return `#entry=${encodeURIComponent(id)}`;
}

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('entry=')) {
    const id = safeDecode(h.slice('entry='.length));
    return id ? { view: 'entry', id } : { view: 'list' };
  }
  if (h === 'add' || h.startsWith('add?')) {
    const params = new URLSearchParams(h.slice(4));
    const lang = params.get('lang');
    return {
      view: 'add',
      text: params.get('text') ?? '',
      lang: lang === 'kk' || lang === 'ru' ? lang : null,
    };
  }
  return { view: 'list' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
