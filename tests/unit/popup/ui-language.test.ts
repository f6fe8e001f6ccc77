/**
 * The language the popup's first screen is labelled in: the one the popup last
 * showed, else the browser's; anything else kept there is ignored.
 */
import { describe, expect, test } from 'vitest';
import { rememberedUi, rememberUi } from '../../../entrypoints/popup/ui-language';

function memory(): Storage {
  const kept = new Map<string, string>();
  return {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  } as Storage;
}

describe('the first screen’s language', () => {
  test.each(['kk', 'ru', 'en'] as const)('%s, once a popup showed it', (ui) => {
    const storage = memory();
    rememberUi(ui, storage);
    expect(rememberedUi(storage)).toBe(ui);
  });

  test.each([
    ['nothing kept', null],
    ['a language the popup does not have', 'de'],
    ['no storage at all', undefined],
  ])('with %s, the browser’s', (_, kept) => {
    const storage = kept === undefined ? null : memory();
    if (kept) storage!.setItem('atazan-popup-ui', kept);
    // No browser languages here (Node): English.
    expect(rememberedUi(storage)).toBe('en');
  });

  test('a storage that refuses a write costs nothing', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberUi('kk', full)).not.toThrow();
  });
});
