/**
 * The text of an imported file from its bytes. Spreadsheets and older tools
 * save in other encodings than UTF-8: Excel in a Russian or Kazakh Windows
 * locale writes windows-1251 ("ANSI"), "Unicode text" is UTF-16. The order:
 *
 * 1. a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE);
 * 2. UTF-16 without a mark is recognised by its zero (or 0x04, Cyrillic) high bytes;
 * 3. otherwise the bytes are decoded strictly as UTF-8 (`fatal: true`);
 * 4. when that fails, as windows-1251, kept only when the result reads as text
 *    (letters, digits, punctuation; no control characters, no byte 0x98, which
 *    windows-1251 leaves undefined);
 * 5. else the file is refused (`import.unknownEncoding`).
 *
 * The encoding used is returned so the page can say it.
 */
import { ImportError } from './entries';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte order mark. */
  bom: boolean;
  /**
   * windows-1251 has no ә, ғ, қ, ң, ө, ұ, ү, һ: a program that saved Kazakh
   * text in it wrote "?" for them. True when "?" sits inside Cyrillic words.
   */
  lossy: boolean;
}

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a byte order mark: most high bytes are 0 (Latin) or 0x04 (Cyrillic). */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 4) evenHigh++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 4) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh > pairs * 0.6 && evenHigh < pairs * 0.1) return 'utf-16le';
  if (evenHigh > pairs * 0.6 && oddHigh < pairs * 0.1) return 'utf-16be';
  return null;
}

/** Text as people write it: letters, digits, punctuation, spaces; no control characters. */
const READABLE = /[\p{L}\p{N}\p{P}\p{Zs}\p{Sc}\p{Sm}\p{So}\t\r\n]/u;

function readsAsText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return false;
  let readable = 0;
  for (const ch of text) if (READABLE.test(ch)) readable++;
  return readable >= text.length * 0.98;
}

const LOSSY = /[\p{Script=Cyrillic}]\?|\?[\p{Script=Cyrillic}]/u;

export function decodeText(bytes: Uint8Array): DecodedText {
  const done = (text: string, encoding: TextEncodingName, bom: boolean): DecodedText => {
    if (text.includes('\u0000')) throw new ImportError('import.binary');
    return { text, encoding, bom, lossy: encoding === 'windows-1251' && LOSSY.test(text) };
  };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text === null) throw new ImportError('import.unknownEncoding');
    return done(text, 'utf-8', true);
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strict(encoding, bytes.subarray(2));
    if (text === null) throw new ImportError('import.unknownEncoding');
    return done(text, encoding, true);
  }
  const sixteen = utf16Guess(bytes);
  if (sixteen) {
    const text = strict(sixteen, bytes);
    if (text !== null && readsAsText(text)) return done(text, sixteen, false);
  }
  if (bytes.includes(0)) throw new ImportError('import.binary');
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return done(utf8, 'utf-8', false);
  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  if (readsAsText(cp1251)) return done(cp1251, 'windows-1251', false);
  throw new ImportError('import.unknownEncoding');
}
