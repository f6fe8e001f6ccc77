/**
 * A painted occurrence of a term and where it lies: its share of each text
 * node it touches, kept sorted per node so the hover finds it by offset.
 */
import type { PageMatch } from '../../lib/scan-wire';
import type { HighlightKind } from '../../lib/settings';
import { indexCovering } from './text-collect';

export /** One painted occurrence of a term. */
interface Span {
  readonly match: PageMatch;
  readonly kind: HighlightKind;
  readonly range: StaticRange;
  /** Every text node the span touches. */
  readonly nodes: Text[];
}

/**
 * A span whose StaticRange is made when first asked for (registered, hovered,
 * listed): on a long page most spans are never near the viewport, and each
 * range is a DOM object the garbage collector traces through the renderer.
 */
export class PageSpan implements Span {
  private made: StaticRange | null = null;

  constructor(
    readonly match: PageMatch,
    readonly kind: HighlightKind,
    /** From the first node the span touches to the last. */
    readonly nodes: Text[],
    private readonly startOffset: number,
    private readonly endOffset: number,
  ) {}

  get range(): StaticRange {
    this.made ??= new StaticRange({
      startContainer: this.nodes[0]!,
      startOffset: this.startOffset,
      endContainer: this.nodes[this.nodes.length - 1]!,
      endOffset: this.endOffset,
    });
    return this.made;
  }
}

export /** A span's share of one text node: [start, end) in that node's offsets. */
interface NodePart {
  start: number;
  end: number;
  span: Span;
}

/** The page text a span covers, as it appears (markup removed). */
export function spanText(span: Span): string {
  const { startContainer, startOffset, endContainer, endOffset } = span.range;
  if (startContainer === endContainer) {
    return (startContainer as Text).data.slice(startOffset, endOffset);
  }
  let out = '';
  for (const n of span.nodes) {
    const d = n.data;
    out += d.slice(
      n === startContainer ? startOffset : 0,
      n === endContainer ? endOffset : d.length,
    );
  }
  return out;
}

/** Put `part` in its place in a node's list (sorted by start). */
export function insertSorted(list: NodePart[], part: NodePart): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > part.start) i--;
  list.splice(i, 0, part);
}

/** The span whose share of a node's list covers `offset`, if any. */
export function partAt(list: readonly NodePart[], offset: number): Span | null {
  const k = indexCovering(list, offset);
  return k < 0 ? null : list[k]!.span;
}
