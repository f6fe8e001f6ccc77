/**
 * A tiny, safe XML reader for TBX files: elements, attributes, text, CDATA;
 * comments and processing instructions are skipped. A DOCTYPE is refused
 * outright, so no entity can expand (billion laughs) and no external entity is
 * ever fetched. Only the five predefined entities and character references
 * are decoded. Pure: the same code runs in the options page and in Node tests.
 */
import { CodedError, type ErrorCode, type ErrorParams } from '../errors';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Broken XML: a code of glossary/error-messages.ts (`xml.*`) with its parameters, at a line and column. */
export class XmlError extends CodedError {
  override name = 'XmlError';
  constructor(
    code: ErrorCode,
    params: ErrorParams,
    readonly line: number,
    readonly column: number,
  ) {
    super(code, params, { code: 'where.line', params: { line, column } });
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};
const NAME = /[A-Za-z_:][\w:.-]*/y;

/** Parse a document; returns its root element or throws XmlError with the position. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (code: ErrorCode, params: ErrorParams = {}, at = pos): never => {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    throw new XmlError(code, params, line, at - before.lastIndexOf('\n'));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail('xml.badAmp', {}, at);
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!Number.isFinite(code) || code < 1 || code > 0x10ffff)
          fail('xml.badCharRef', { ref }, at);
        return String.fromCodePoint(code);
      }
      const value = ENTITIES[ref];
      if (value === undefined) fail('xml.unknownEntity', { ref }, at);
      return value!;
    });
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) fail('xml.nameExpected');
    pos += m![0].length;
    return m![0];
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  /** Skip the prolog, comments and processing instructions between elements. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', pos)) {
        const end = source.indexOf('?>', pos);
        if (end < 0) fail('xml.unclosedPi');
        pos = end + 2;
      } else if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('xml.unclosedComment');
        pos = end + 3;
      } else if (source.startsWith('<!DOCTYPE', pos) || source.startsWith('<!doctype', pos)) {
        fail('xml.doctype');
      } else return;
    }
  };

  const readElement = (): XmlElement => {
    const start = pos;
    if (source[pos] !== '<') fail('xml.elementExpected');
    pos++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name, attrs, children: [] };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos >= source.length) fail('xml.tagNotClosed', { name }, start);
      const attr = readName();
      skipSpace();
      if (source[pos] !== '=') fail('xml.eqExpected', { attr });
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail('xml.quoteExpected', { attr });
      const end = source.indexOf(quote!, pos + 1);
      if (end < 0) fail('xml.attrNotClosed', { attr });
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail('xml.ltInAttr', { attr });
      attrs[attr] = decode(raw, pos);
      pos = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (pos >= source.length) fail('xml.neverClosed', { name }, start);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail('xml.mismatch', { closing, name });
        skipSpace();
        if (source[pos] !== '>') fail('xml.gtExpected', { closing });
        pos++;
        return { name, attrs, children };
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('xml.unclosedCdata');
        children.push(source.slice(pos + 9, end));
        pos = end + 3;
      } else if (source.startsWith('<!--', pos) || source.startsWith('<?', pos)) {
        skipMisc();
      } else if (source.startsWith('<!', pos)) {
        fail('xml.declaration');
      } else if (source[pos] === '<') {
        children.push(readElement());
      } else {
        const end = source.indexOf('<', pos);
        const stop = end < 0 ? source.length : end;
        children.push(decode(source.slice(pos, stop), pos));
        pos = stop;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  skipMisc();
  if (pos >= source.length) fail('xml.noElement');
  const root = readElement();
  skipMisc();
  if (pos < source.length) fail('xml.afterRoot');
  return root;
}

/** Child elements, optionally only those with one name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );
}

/** All the text inside an element, nested elements included. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Escape text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) =>
      `&${c === '<' ? 'lt' : c === '>' ? 'gt' : c === '&' ? 'amp' : c === '"' ? 'quot' : 'apos'};`,
  );
}
