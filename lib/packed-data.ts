/**
 * Plain data with typed arrays in it (a stored matcher index) as one binary
 * file and back: the arrays' bytes laid end to end, each aligned for its
 * element size, and the rest of the value as JSON that points at them.
 * Unpacking copies no array: they are views of the file's buffer. Long
 * strings and long lists of strings (a matcher's stems and terms) are laid
 * out as UTF-16 too, which decodes in one call where JSON would parse them
 * character by character. A string or list of strings the value holds twice
 * (a stored index's ids, its matcher's too) is laid out once and unpacked
 * once: both places get the same string or list.
 *
 * Layout: "AZPK", the header's byte length (uint32, little-endian), the
 * header (UTF-8 JSON), then the arrays, each at a multiple of 8 bytes.
 */

const MAGIC = 0x4b505a41; // "AZPK", little-endian
const ALIGN = 8;
/** The header's key for an array's place (a NUL cannot start a key of the data itself). */
const ARRAY_KEY = '\u0000array';

/** A string this long, or a list of strings this long, is stored as UTF-16 bytes. */
const LONG_STRING = 1024;
const MANY_STRINGS = 256;
/** What joins a list of strings stored as one (a list holding it is stored as JSON). */
const SEPARATOR = '\u0000';

const ARRAY_TYPES = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type AnyTypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

interface ArrayPlace {
  [ARRAY_KEY]: ArrayTypeName | 'string' | 'strings';
  at: number;
  /** Elements; for strings, UTF-16 code units. */
  length: number;
}

function isManyStrings(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length >= MANY_STRINGS &&
    v.every((x) => typeof x === 'string' && !x.includes(SEPARATOR))
  );
}

/** A string's UTF-16 code units, little-endian. */
function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 * i] = c & 0xff;
    bytes[2 * i + 1] = c >>> 8;
  }
  return bytes;
}

/** Why bytes are not a packed value. */
export class PackedDataError extends Error {
  constructor(message: string) {
    super(`packed data: ${message}`);
    this.name = 'PackedDataError';
  }
}

const alignUp = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

function typeName(value: unknown): ArrayTypeName | null {
  if (!ArrayBuffer.isView(value)) return null;
  const name = value.constructor.name;
  return name in ARRAY_TYPES ? (name as ArrayTypeName) : null;
}

export function packData(value: unknown): Uint8Array<ArrayBuffer> {
  const arrays: ArrayBufferView[] = [];
  let at = 0;
  const put = (kind: ArrayPlace[typeof ARRAY_KEY], bytes: ArrayBufferView, length: number) => {
    const place: ArrayPlace = { [ARRAY_KEY]: kind, at, length };
    arrays.push(bytes);
    at = alignUp(at + bytes.byteLength);
    return place;
  };
  /** Each text laid out so far, by kind and content: a repeat points at the first. */
  const texts = new Map<string, ArrayPlace>();
  const putText = (kind: 'string' | 'strings', text: string) => {
    const key = `${kind}:${text}`;
    let place = texts.get(key);
    if (!place) texts.set(key, (place = put(kind, utf16(text), text.length)));
    return place;
  };
  const header = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length >= LONG_STRING) return putText('string', v);
    if (isManyStrings(v)) return putText('strings', v.join(SEPARATOR));
    const name = typeName(v);
    if (name === null) {
      if (ArrayBuffer.isView(v)) throw new PackedDataError(`cannot pack a ${v.constructor.name}`);
      return v;
    }
    return put(name, v as AnyTypedArray, (v as AnyTypedArray).length);
  });
  const headerBytes = new TextEncoder().encode(header);
  const base = alignUp(8 + headerBytes.length);
  const out = new Uint8Array(base + at);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  let offset = base;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = alignUp(offset + array.byteLength);
  }
  return out;
}

const UTF16 = new TextDecoder('utf-16le');

export function unpackData(buffer: ArrayBuffer): unknown {
  if (buffer.byteLength < 8) throw new PackedDataError('too short');
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new PackedDataError('not a packed file');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new PackedDataError('header cut short');
  const base = alignUp(8 + headerLength);
  let header: string;
  try {
    header = new TextDecoder('utf-8', { fatal: true }).decode(
      new Uint8Array(buffer, 8, headerLength),
    );
  } catch {
    throw new PackedDataError('header is not UTF-8');
  }
  /** Texts decoded so far, by place: a text laid out once is decoded once. */
  const decodedAt = new Map<string, string | string[]>();
  try {
    return JSON.parse(header, (_key, v: unknown) => {
      if (typeof v !== 'object' || v === null || !(ARRAY_KEY in v)) return v;
      const { [ARRAY_KEY]: name, at, length } = v as ArrayPlace;
      const text = name === 'string' || name === 'strings';
      const Type = !text && Object.hasOwn(ARRAY_TYPES, name) ? ARRAY_TYPES[name] : null;
      if (
        (!text && !Type) ||
        !Number.isInteger(at) ||
        !Number.isInteger(length) ||
        at < 0 ||
        length < 0
      )
        throw new PackedDataError('bad array place');
      const start = base + at;
      const bytes = length * (Type ? Type.BYTES_PER_ELEMENT : 2);
      if (start % ALIGN !== 0 || start + bytes > buffer.byteLength)
        throw new PackedDataError('array outside the file');
      if (Type) return new Type(buffer, start, length);
      const place = `${name} ${start} ${length}`;
      const known = decodedAt.get(place);
      if (known !== undefined) return known;
      const decoded = UTF16.decode(new Uint8Array(buffer, start, bytes));
      const strings = name === 'string' ? decoded : decoded.split(SEPARATOR);
      decodedAt.set(place, strings);
      return strings;
    }) as unknown;
  } catch (err) {
    if (err instanceof PackedDataError) throw err;
    throw new PackedDataError('header is not JSON');
  }
}
