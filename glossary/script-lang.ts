/**
 * Which glossary language a piece of text is written in, judged by its letters:
 * a Kazakh-only Cyrillic letter (ә ғ қ ң ө ұ ү һ і) makes it Kazakh, other
 * Cyrillic makes it Russian. Used for the context menu's pre-filled form and
 * for the side a search result's card opens on.
 */
import type { Lang } from './types';

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** kk or ru; null when the text has no Cyrillic letter at all. */
export function scriptLang(text: string): Lang | null {
  if (KAZAKH_LETTERS.test(text)) return 'kk';
  if (CYRILLIC.test(text)) return 'ru';
  return null;
}
