import { describe, expect, test } from 'vitest';
import { PackedDataError, packData, unpackData } from '../../../lib/packed-data';
import { compileGlossary, restoreGlossary } from '../../../entrypoints/background/stored-index';
import { scanWith } from '../../../entrypoints/background/matcher-cache';
import { BUNDLED_ENTRIES } from '../../../glossary/data';
import { bundledRowsOf } from '../../../lib/bundled-glossary-file';

const bufferOf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('packed data', () => {
  test('typed arrays of every kind, nested in objects and lists, come back equal and aligned', () => {
    const value = {
      name: 'индекс',
      n: 3,
      none: null,
      list: [new Uint8Array([1, 2, 3]), { deep: new Int32Array([-1, 2 ** 31 - 1]) }],
      empty: new Uint32Array(0),
      halves: new Uint16Array([65535, 7]),
      real: new Float64Array([0.5, -2]),
    };
    const back = unpackData(bufferOf(packData(value))) as typeof value;
    expect(back).toEqual(value);
    expect(back.list[0]).toBeInstanceOf(Uint8Array);
    expect((back.list[1] as { deep: Int32Array }).deep).toBeInstanceOf(Int32Array);
    expect(back.real.byteOffset % 8).toBe(0);
  });

  test('long strings and long lists of strings come back equal, a NUL inside one included', () => {
    const many = Array.from({ length: 300 }, (_, k) => (k % 7 === 0 ? '' : `сөз ${k} ё`));
    const value = {
      stems: 'сот төрелігі '.repeat(200),
      terms: many,
      withNul: [...many.slice(1), 'a\u0000b'],
      short: ['a', 'b'],
    };
    const bytes = packData(value);
    expect(unpackData(bufferOf(bytes))).toEqual(value);
    // Laid out as UTF-16, not JSON: the header stays small.
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBeLessThan(
      JSON.stringify(value).length / 2,
    );
  });

  test('a list of strings or a long string held twice is laid out once and unpacked once', () => {
    const ids = Array.from({ length: 300 }, (_, k) => `id-${k}`);
    const stems = 'сот төрелігі '.repeat(200);
    const once = packData({ ids, stems });
    const twice = packData({ ids, stems, matcher: { entryIds: [...ids], stems: `${stems}` } });
    // Only the header grows: no second copy of the texts.
    expect(twice.byteLength - once.byteLength).toBeLessThan(200);
    const back = unpackData(bufferOf(twice)) as {
      ids: string[];
      matcher: { entryIds: string[]; stems: string };
    };
    expect(back).toEqual({ ids, stems, matcher: { entryIds: ids, stems } });
    expect(back.matcher.entryIds).toBe(back.ids);
    // A list that differs by one string is laid out apart.
    const other = [...ids.slice(0, -1), 'id-x'];
    const apart = unpackData(bufferOf(packData({ ids, other }))) as {
      ids: string[];
      other: string[];
    };
    expect(apart).toEqual({ ids, other });
  });

  test.each([
    ['empty', new Uint8Array(0)],
    ['another file', new TextEncoder().encode('{"format":"json"}')],
    ['cut short', packData({ a: new Int32Array(64) }).slice(0, 100)],
  ])('%s: a clear error, never a wrong value', (_name, bytes) => {
    expect(() => unpackData(bufferOf(bytes))).toThrow(PackedDataError);
  });

  test('an array pointing outside the file is refused', () => {
    const bytes = packData({ a: new Int32Array(4) });
    const text = new TextDecoder().decode(bytes);
    const forged = new TextEncoder().encode(text.replace('"length":4', '"length":9'));
    expect(() => unpackData(bufferOf(forged))).toThrow(/outside the file/);
  });
});

describe('the bundled glossary built into the extension', () => {
  test('its packed index scans exactly as the glossary compiled in place', () => {
    const { compiled, stored } = compileGlossary({
      revision: 0,
      entries: bundledRowsOf(BUNDLED_ENTRIES),
    });
    const parts = stored();
    expect(parts).toHaveLength(1);
    const restored = restoreGlossary(unpackData(bufferOf(packData(parts[0]))));
    const texts = [
      'Конституциялық Сот Конституцияның нормаларын түсіндіреді; азаматтық іс жүргізу.',
      'Правосудие осуществляется только судом. Конституционный Суд Республики Казахстан.',
    ];
    const expected = scanWith(compiled, texts);
    expect(expected.terms.map((t) => t.term)).toEqual(
      expect.arrayContaining(['Конституциялық Сот', 'правосудие']),
    );
    expect(scanWith(restored, texts)).toEqual(expected);
    expect(restored.context.terms).toEqual(compiled.context.terms);
  });
});
