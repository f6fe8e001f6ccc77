/**
 * "First occurrence per section" for the `first` highlight mode. A section is
 * the run of text under one heading (h1–h6) inside the nearest sectioning
 * element (`section`, `article`, `main`, else the body): a law's article, a
 * judgment's part. A term is painted once per section, so a reader still sees
 * where each term first comes up without a page of yellow.
 *
 * The pure part (which occurrences are first) is separate from the DOM part
 * (the page's text in order, with the section of each node), so it can be
 * checked as a table.
 */

/** One occurrence, in document order: its entry id and its section's key. */
export interface Occurrence {
  id: string;
  section: string;
}

/** For each occurrence, whether it is the first of its entry id in its section. */
export function firstPerSection(occurrences: readonly Occurrence[]): boolean[] {
  const seen = new Set<string>();
  return occurrences.map(({ id, section }) => {
    // A key no id or section can forge: section keys hold no newline.
    const key = `${section}\n${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SECTIONING = new Set(['SECTION', 'ARTICLE', 'MAIN']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The nearest sectioning ancestor, crossing shadow roots into their hosts; the body otherwise. */
function sectioningOf(node: Node): Element | null {
  let n: Node | null = node;
  while (n) {
    if (n instanceof Element && (SECTIONING.has(n.tagName) || n.tagName === 'BODY')) return n;
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return null;
}

/** A text node in reading order, with the key of its section. */
export interface OrderedText {
  node: Text;
  section: string;
}

/**
 * The wanted text nodes under `root` in document order, each with its
 * section's key, in one walk: an open shadow root's text comes at its host.
 * One pass over the DOM, not a sort: comparing node positions costs a walk
 * among siblings each time, which on a long law's flat list of paragraphs
 * adds up to seconds.
 */
export function orderedTexts(root: Node, wanted: (node: Text) => boolean): OrderedText[] {
  const out: OrderedText[] = [];
  const ids = new Map<Element | null, number>();
  /** Per sectioning element: how many of its own headings the walk has passed. */
  const headings = new Map<Element | null, number>();
  /** The sectioning element of each text node's parent, looked up once per parent. */
  const sections = new Map<Node | null, Element | null>();
  const sectionOf = (node: Node): Element | null => {
    const parent = node.parentNode;
    let c = sections.get(parent);
    if (c === undefined) {
      c = sectioningOf(node);
      sections.set(parent, c);
    }
    return c;
  };
  const idOf = (c: Element | null): number => {
    let id = ids.get(c);
    if (id === undefined) {
      id = ids.size;
      ids.set(c, id);
    }
    return id;
  };
  const visit = (from: Node): void => {
    const doc = from.ownerDocument ?? (from as Document);
    const walker = doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (!wanted(n as Text)) continue;
        const c = sectionOf(n);
        out.push({ node: n as Text, section: `${idOf(c)}/${headings.get(c) ?? 0}` });
        continue;
      }
      const el = n as Element;
      if (HEADINGS.has(el.tagName)) {
        const c = sectioningOf(el);
        headings.set(c, (headings.get(c) ?? 0) + 1);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}
