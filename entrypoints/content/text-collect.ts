/**
 * Collects the visible text of a document region as "flows": the text nodes
 * of a block joined across inline elements (<b>, <a>, <span>…), so a term
 * split by markup still reads as one string. Block elements add a separator
 * that belongs to no node and that no match can run across; <br> adds a line
 * break, which a multi-word term may span.
 *
 * Collection is a generator of bounded chunks, each ending at a block
 * boundary, so the caller can scan and paint one chunk, then yield the main
 * thread. It never changes the DOM.
 *
 * Web components: an element's open shadow root is a separate tree. The
 * collector reads the element's light children in the flow as usual (slots
 * show them) and hands each open shadow root it passes to the caller, who
 * reads it as a region of its own.
 */

/** What can be read as a region: an element, or an open shadow root. */
export type ScanRoot = Element | ShadowRoot;

/** A text node's place in a chunk's text. */
export interface Segment {
  node: Text;
  /** Offset of the node's first character in the chunk text. */
  start: number;
  /** start + the node's length at collection time. */
  end: number;
}

export interface TextChunk {
  text: string;
  /** In text order, non-overlapping. */
  segments: Segment[];
}

/**
 * Elements that lay out inline by default: their text continues the flow of
 * the block around them. Everything else separates (a deliberately simple rule:
 * asking the computed style of every element would cost layout on big pages).
 */
const INLINE = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM',
  'FONT', 'I', 'INS', 'KBD', 'LABEL', 'MARK', 'NOBR', 'Q', 'RUBY', 'RB', 'S', 'SAMP', 'SMALL',
  'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]); // prettier-ignore

/** Never read: code, form fields, media, embedded documents. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'HEAD', 'TITLE',
]); // prettier-ignore

export function isInline(el: Element): boolean {
  // Custom elements default to display: inline.
  return INLINE.has(el.tagName) || el.tagName.includes('-');
}

/** Whether an element's subtree is left out of the collected text. */
export function isSkipped(el: Element, ownUi: Element | null): boolean {
  if (SKIPPED.has(el.tagName.toUpperCase()) || el === ownUi) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.hasAttribute('hidden')) return true;
  // display: none (and ancestors' content-visibility); cheap once style is computed.
  return typeof el.checkVisibility === 'function' && !el.checkVisibility();
}

/** The nearest ancestor-or-self that is not inline: the element whose flow holds `node` (or the root). */
export function blockOf(node: Node, root: Element): Element;
export function blockOf(node: Node, root: ScanRoot): ScanRoot;
export function blockOf(node: Node, root: ScanRoot): ScanRoot {
  let el: Element | null =
    node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && el !== root && isInline(el)) el = el.parentElement;
  return el ?? root;
}

export interface CollectOptions {
  /** The region to read. */
  root: ScanRoot;
  /** Start here (a descendant of root) and go to the end of root… */
  from?: Node;
  /** …or stop before this node. */
  until?: Node;
  /** The extension's own host element, never read. */
  ownUi?: Element | null;
  /** A chunk closes at the first block boundary after this many characters. */
  chunkChars?: number;
  /** Told of each open shadow root of a read element (to be read on its own). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Between blocks: U+FFFC, a symbol to the matcher (a word boundary that is not
 * whitespace), so no multi-word term runs from one block into the next.
 */
const SEP_BLOCK = '\ufffc';
/** <br> is a line break inside the flow: terms continue across it like across any whitespace. */
const SEP_BREAK = '\n';

/** Yield the region's text in chunks, in document order. */
export function* collectText(options: CollectOptions): Generator<TextChunk> {
  const { root, until, ownUi = null } = options;
  const chunkChars = options.chunkChars ?? 16_384;
  let parts: string[] = [];
  let length = 0;
  let segments: Segment[] = [];
  let lastSep = true;

  const sep = (s: string): void => {
    if (lastSep) return;
    parts.push(s);
    length += 1;
    lastSep = true;
  };
  const take = (): TextChunk => {
    const chunk = { text: parts.join(''), segments };
    parts = [];
    length = 0;
    segments = [];
    lastSep = true;
    return chunk;
  };

  let node: Node | null = options.from ?? root;
  while (node) {
    if (node === until) break;
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        segments.push({ node: node as Text, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
        lastSep = false;
        // A giant inline run (a <pre> of a whole law): close it at a node boundary anyway.
        if (length >= chunkChars * 4) yield take();
      }
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.tagName === 'BR') sep(SEP_BREAK);
      else if (!isInline(el)) sep(SEP_BLOCK);
      const shadow = options.onShadowRoot ? el.shadowRoot : null;
      const read = (el.firstChild !== null || shadow !== null) && !isSkipped(el, ownUi);
      descend = read && el.firstChild !== null;
      if (read && shadow) options.onShadowRoot?.(shadow);
    } else if (node === root) {
      // A shadow root: a fragment, read from its first child.
      descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Leave the node and every ancestor that has no next sibling, closing blocks.
    while (node) {
      if (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element)) {
        sep(SEP_BLOCK);
        if (length >= chunkChars) yield take();
      }
      if (node === root) {
        node = null;
        break;
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
    }
  }
  if (segments.length > 0) yield take();
}

/** The index of the item of a list sorted by offset whose [start, end) holds `offset` (binary search), or -1. */
export function indexCovering(
  list: readonly { readonly start: number; readonly end: number }[],
  offset: number,
): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The index of the segment holding chunk offset `offset`, or -1 in a separator. */
export function segmentIndexAt(segments: readonly Segment[], offset: number): number {
  return indexCovering(segments, offset);
}
