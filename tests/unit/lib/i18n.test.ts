import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveUiLanguage, translator, UI_LANGS } from '../../../lib/i18n';
import { PAGE_STRINGS, UI_STRINGS } from '../../../lib/i18n/ui';
import { addFormHash } from '../../../entrypoints/background/context-menu';
import { parseRoute } from '../../../lib/options-route';

test('every UI language has every string, non-empty, with the same placeholders', () => {
  const keys = Object.keys(UI_STRINGS.en).sort();
  for (const lang of UI_LANGS) {
    expect(Object.keys(UI_STRINGS[lang]).sort()).toEqual(keys);
    for (const k of keys) {
      const s = UI_STRINGS[lang][k as keyof typeof UI_STRINGS.en];
      expect(s.trim(), `${lang} ${k}`).not.toBe('');
      const holes = (x: string) => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(s), `${lang} ${k}`).toEqual(
        holes(UI_STRINGS.en[k as keyof typeof UI_STRINGS.en]),
      );
    }
  }
});

test('each key belongs to one page, so merging the pages loses no string', () => {
  const pageKeys = PAGE_STRINGS.flatMap((page) => Object.keys(page.en));
  expect(pageKeys.length).toBe(new Set(pageKeys).size);
  expect(Object.keys(UI_STRINGS.en).length).toBe(pageKeys.length);
});

test('the card strings are merged into t()', () => {
  expect(translator('kk')('card.copy' as never)).toBe('Көшіру');
  expect(translator('ru')('popup.resultCount', { count: 3 })).toBe('Результатов: 3');
});

test('the default follows the browser language', () => {
  expect(resolveUiLanguage('auto', ['kk-KZ', 'ru'])).toBe('kk');
  expect(resolveUiLanguage('auto', ['ru-RU'])).toBe('ru');
  expect(resolveUiLanguage('auto', ['de-DE'])).toBe('en');
  expect(resolveUiLanguage('ru', ['kk'])).toBe('ru');
});

test('_locales translate the name, description, context menu and command in each language', () => {
  const read = (l: string) =>
    JSON.parse(
      readFileSync(new URL(`../../../public/_locales/${l}/messages.json`, import.meta.url), 'utf8'),
    ) as Record<string, { message: string }>;
  const en = read('en');
  for (const l of ['kk', 'ru']) expect(Object.keys(read(l)).sort()).toEqual(Object.keys(en).sort());
  expect(read('ru').contextMenuAdd?.message).toBe('Добавить в глоссарий Ата Заң');
});

test('the context menu picks the language from the letters of the selection', () => {
  expect(parseRoute(addFormHash('Сот төрелігі'))).toEqual({
    view: 'add',
    text: 'Сот төрелігі',
    lang: 'kk',
  });
  expect(parseRoute(addFormHash(' правосудие\n'))).toEqual({
    view: 'add',
    text: 'правосудие',
    lang: 'ru',
  });
  expect(parseRoute(addFormHash('habeas corpus'))).toEqual({
    view: 'add',
    text: 'habeas corpus',
    lang: null,
  });
  expect(parseRoute('#entry=p-1%20x')).toEqual({ view: 'entry', id: 'p-1 x' });
});
