/**
 * A tiny, safe XML reader for TBX files: elements, attributes, text, CDATA;
 * comments and processing instructions are skipped. A DOCTYPE is refused
 * outright, so no entity can expand (billion laughs) and no external entity is
 * ever fetched. Only the five predefined entities and character references
 * are decoded. Pure: the same code runs in the options page and in Node tests.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = 'XmlError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
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
  const fail = (message: string, at = pos): never => {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    throw new XmlError(message, line, at - before.lastIndexOf('\n'));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail('an "&" that starts no entity', at);
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!Number.isFinite(code) || code < 1 || code > 0x10ffff)
          fail(`bad character reference &${ref};`, at);
        return String.fromCodePoint(code);
      }
      const value = ENTITIES[ref];
      if (value === undefined) fail(`unknown entity &${ref};`, at);
      return value!;
    });
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) fail('a name was expected');
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
        if (end < 0) fail('an unclosed processing instruction');
        pos = end + 2;
      } else if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('an unclosed comment');
        pos = end + 3;
      } else if (source.startsWith('<!DOCTYPE', pos) || source.startsWith('<!doctype', pos)) {
        fail('a DOCTYPE, which is not allowed in an imported file');
      } else return;
    }
  };

  const readElement = (): XmlElement => {
    const start = pos;
    if (source[pos] !== '<') fail('an element was expected');
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
      if (pos >= source.length) fail(`the tag <${name}> is not closed`, start);
      const attr = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`"=" expected after the attribute ${attr}`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`a quoted value expected for the attribute ${attr}`);
      const end = source.indexOf(quote!, pos + 1);
      if (end < 0) fail(`the value of the attribute ${attr} is not closed`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" inside the value of the attribute ${attr}`);
      attrs[attr] = decode(raw, pos);
      pos = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (pos >= source.length) fail(`the element <${name}> is never closed`, start);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[pos] !== '>') fail(`">" expected after </${closing}`);
        pos++;
        return { name, attrs, children };
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('an unclosed CDATA section');
        children.push(source.slice(pos + 9, end));
        pos = end + 3;
      } else if (source.startsWith('<!--', pos) || source.startsWith('<?', pos)) {
        skipMisc();
      } else if (source.startsWith('<!', pos)) {
        fail('a declaration, which is not allowed inside an element');
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
  if (pos >= source.length) fail('the file holds no XML element');
  const root = readElement();
  skipMisc();
  if (pos < source.length) fail('content after the root element');
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
