/**
 * Puts the `::highlight()` rules into the page. They must apply in the
 * document itself (rules inside a shadow root do not reach the page's text),
 * so they go into one constructed stylesheet appended to
 * `document.adoptedStyleSheets`, which leaves the DOM untouched.
 *
 * Firefox's content scripts see the page through Xray wrappers and may refuse a
 * sheet constructed in the extension's compartment; there the rules go into a
 * <style> inside the extension's own host element (the one DOM node Ata Zan
 * adds), which applies to the whole document just the same.
 *
 * Rules in the document do not reach into shadow trees: each open shadow root
 * the scanner reads adopts the same constructed sheet (no DOM change either).
 * With the fallback <style>, shadow trees get no rules (their terms are still
 * hoverable): a <style> in them would change the page's DOM.
 *
 * The rules name the root only, where the page takes them from there by
 * highlight inheritance (highlight-css.ts, HighlightScope): checked once the
 * page has rendered, else every element is named.
 */
import { HIGHLIGHT_PROBE, type HighlightScope } from './highlight-css';
export class HighlightStyle {
  private sheet: CSSStyleSheet | null = null;
  private fallback: HTMLStyleElement | null = null;
  private readonly shadowRoots = new Set<ShadowRoot>();
  /** The rules last set, written for a scope. */
  private rules: ((scope: HighlightScope) => string) | null = null;
  /** `:root` until a rendered page shows that highlight styles do not inherit (checkScope). */
  private scope: HighlightScope = ':root';
  private scopeChecked = false;

  constructor(
    private readonly doc: Document,
    private readonly host: () => Element,
  ) {}

  /** Put in the rules (see highlight-css.ts), written for the scope that works in this browser. */
  set(rules: (scope: HighlightScope) => string): void {
    this.rules = rules;
    this.put(rules(this.scope));
  }

  /**
   * Once the page has rendered (its style is then up to date, so reading one
   * element's costs little): if the body did not take the root's highlight
   * style, name every element from now on.
   */
  checkScope(): void {
    if (this.scopeChecked || !this.rules || !this.doc.body) return;
    this.scopeChecked = true;
    let inherits = false;
    try {
      const probe = getComputedStyle(this.doc.body, `::highlight(${HIGHLIGHT_PROBE.name})`);
      inherits = probe.backgroundColor === HIGHLIGHT_PROBE.color;
    } catch {
      // A browser that cannot answer for a highlight pseudo-element: name every element.
    }
    if (inherits) return;
    this.scope = '';
    this.put(this.rules(this.scope));
  }

  private put(css: string): void {
    if (this.sheet) {
      this.sheet.replaceSync(css);
      if (!this.doc.adoptedStyleSheets.includes(this.sheet)) this.adopt(this.sheet);
      return;
    }
    if (this.fallback) {
      this.fallback.textContent = css;
      return;
    }
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.adopt(sheet);
      this.sheet = sheet;
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = css;
      this.host().appendChild(style);
      this.fallback = style;
    }
  }

  private adopt(sheet: CSSStyleSheet): void {
    // Append, never replace: the page may have adopted sheets of its own.
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    for (const root of this.shadowRoots) this.adoptSheet(root, sheet);
  }

  /** The same rules inside an open shadow root (idempotent). */
  adoptInto(root: ShadowRoot): void {
    this.shadowRoots.add(root);
    if (this.sheet) this.adoptSheet(root, this.sheet);
  }

  private adoptSheet(root: ShadowRoot, sheet: CSSStyleSheet): void {
    if (root.adoptedStyleSheets.includes(sheet)) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A sheet from another document's compartment: the terms stay hoverable, unpainted.
    }
  }

  remove(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      for (const root of this.shadowRoots) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    }
    this.shadowRoots.clear();
    this.fallback?.remove();
    this.fallback = null;
  }
}
