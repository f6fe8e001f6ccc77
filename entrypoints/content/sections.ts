/**
 * "First occurrence per section" for the `first` highlight mode. A section is
 * the run of text under one heading (h1–h6) inside the nearest sectioning
 * element (`section`, `article`, `main`, else the body): a law's article, a
 * judgment's part. A term is painted once per section, so a reader still sees
 * where each term first comes up without a page of yellow.
 *
 * The pure part (which occurrences are first) is separate from the DOM part
 * (which section an occurrence is in), so it can be checked as a table.
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
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The node's ancestor chain across shadow roots: inner nodes first, each open root's host next. */
function composedChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    chain.push(root.host);
    root = root.host.getRootNode();
  }
  return chain;
}

/**
 * Document order across shadow trees (compareDocumentPosition calls nodes in
 * different trees disconnected): compare the nodes, or the hosts that bring
 * them into one tree.
 */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = composedChain(a);
  const cb = composedChain(b);
  let i = ca.length - 1;
  let j = cb.length - 1;
  while (i > 0 && j > 0 && ca[i] === cb[j]) {
    i--;
    j--;
  }
  const x = ca[i]!;
  const y = cb[j]!;
  // One is the host of the tree the other is in: the host comes first.
  if (x === y) return i === 0 ? -1 : 1;
  const pos = x.compareDocumentPosition(y);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** The nearest sectioning ancestor, crossing shadow roots into their hosts; the body (or root) otherwise. */
function sectioningOf(node: Node): Element | null {
  let n: Node | null = node;
  while (n) {
    if (n instanceof Element && (SECTIONING.has(n.tagName) || n.tagName === 'BODY')) return n;
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return null;
}

/** The node itself, or the host that puts it into `container`'s tree. */
function inTreeOf(node: Node, container: Node): Node {
  const root = container.getRootNode();
  let n = node;
  for (let r = n.getRootNode(); r !== root && r instanceof ShadowRoot; r = n.getRootNode()) {
    n = r.host;
  }
  return n;
}

/**
 * Section keys for nodes, with the headings and element numbers cached over
 * one pass (a repaint): create one per pass, the page may change in between.
 */
export class SectionKeys {
  private readonly ids = new Map<Node, number>();
  private readonly headings = new Map<Element, Element[]>();

  key(node: Node): string {
    const container = sectioningOf(node);
    if (!container) return 'none';
    let list = this.headings.get(container);
    if (!list) {
      // Headings of this container, not of a nested sectioning element.
      list = [...container.querySelectorAll(HEADINGS)].filter((h) => sectioningOf(h) === container);
      this.headings.set(container, list);
    }
    const at = inTreeOf(node, container);
    // The last heading before the node (binary search in document order).
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return `${this.id(container)}/${found}`;
  }

  private id(node: Node): number {
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(node, id);
    }
    return id;
  }
}
