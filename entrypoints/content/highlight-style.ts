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
 */
export class HighlightStyle {
  private sheet: CSSStyleSheet | null = null;
  private fallback: HTMLStyleElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly host: () => Element,
  ) {}

  set(css: string): void {
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
  }

  remove(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.fallback?.remove();
    this.fallback = null;
  }
}
