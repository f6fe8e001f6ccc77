/**
 * Search queries typed as people type: whole terms, prefixes, typos, Kazakh
 * on a Russian keyboard, Latin, definition words, and a single letter. The
 * tests that compare two search indexes answer each of them.
 */
export const TYPED_QUERIES: readonly string[] = [
  'суд',
  'сот',
  'Конституционный Суд',
  'конституциялык',
  'канституция',
  'правосуд',
  'sot',
  'konstitutsiya',
  'азаматтык',
  'прокурор',
  'неприкосновенность',
  'жеке басына',
  'орган власти',
  'право собственности',
  'мемлекет',
  'q',
];
