/**
 * The content script's state and wiring: the settings from the background,
 * and the painter, scanner, observer, hover and card working together. The
 * background holds the glossary and its compiled matcher; a tab sends it text
 * to scan and asks for an entry only when its card is shown, so a page (and
 * every frame in it) carries neither the glossary nor the cost of compiling
 * it. Settings apply at once; a glossary change repaints, without a reload.
 */
import type { Match } from '../../glossary/types';
import { highlightCss } from './highlight-css';
import { HighlightPainter, type Span } from './highlight';
import { HighlightStyle } from './highlight-style';
import type { CardLang } from '../../lib/i18n/card';
import type { Broadcast, StoredEntry } from '../../lib/protocol';
import type { Settings } from '../../lib/settings';
import { CardHost } from './card-host';
import { boundingRect, HoverController, spanRects } from './hover';
import { PageObserver } from './observer';
import { PageTerms } from './page-terms';
import type { PageMessage, PageTermsAnswer, StepAnswer } from '../../lib/page-protocol';
import { Scanner, type ScanStats } from './scanner';
import { siteHost } from './site';
import { siteDisabled } from '../../lib/sites';
import { ask } from '../../lib/client';
import { resolveUiLanguage } from '../../lib/i18n/language';
import { decodeScanResult, type PageMatch } from '../../lib/scan-wire';
import { spanText } from './span';
import { afterRendering } from './main-thread';

export class ContentApp {
  private settings: Settings | null = null;
  private active = false;
  /** Increases with every card request, so a slow answer never shows a stale card. */
  private cardToken = 0;
  private startedAt = 0;
  /** One copy of each id and term string across all matches. */
  private readonly strings = new Map<string, string>();

  private readonly painter = new HighlightPainter();
  private readonly card = new CardHost();
  private readonly style = new HighlightStyle(document, () => this.card.ensure());
  private readonly scanner = new Scanner(
    this.painter,
    (texts) => this.scanTexts(texts),
    () => this.card.element,
    (stats) => reportStats(stats, this.startedAt),
    (root) => {
      // A web component's open shadow root: style its highlights and watch it like the page.
      this.style.adoptInto(root);
      this.observer.observeRoot(root);
    },
  );
  private readonly observer = new PageObserver(
    {
      rescan: (roots) => {
        this.painter.sweep();
        this.scanner.rescan(roots);
      },
      rescanAll: () => this.scanner.scanAll(),
      busy: () => this.scanner.busy,
    },
    () => this.card.element,
  );
  private readonly pageTerms = new PageTerms(this.painter);
  private readonly hover = new HoverController(this.painter, this.card, (span, anchor) =>
    this.showCard(span, anchor),
  );

  async start(): Promise<void> {
    this.startedAt = performance.now();
    // The scan waits for the page's first rendering itself (Scanner.run).
    this.settings = await ask('settings/get');
    this.apply();
    // Whether the rules may name the root alone shows once the page has rendered with them.
    void afterRendering(100).then(() => this.style.checkScope());
  }

  /** Handle a broadcast from the background. */
  onBroadcast(msg: Broadcast): void {
    switch (msg.type) {
      case 'settings/changed':
        this.settings = msg.settings;
        this.apply();
        break;
      case 'glossary/changed':
        // Always rescan: a scan answer may already carry the new revision (the
        // background answers before it broadcasts), yet what was painted before
        // it used the old glossary.
        if (this.active && !msg.sameMatches) this.scanner.scanAll();
        break;
      case 'card/show-selection':
        this.showSelection();
        break;
    }
  }

  /** The side panel's questions (lib/page-protocol.ts). */
  onPageMessage(msg: PageMessage): PageTermsAnswer | StepAnswer | null {
    return this.pageTerms.answer(msg);
  }

  stop(): void {
    this.pageTerms.stop();
    this.setActive(false);
    this.style.remove();
    this.card.destroy();
  }

  /** Matches come from the background, which holds the compiled matcher. */
  private async scanTexts(texts: string[]): Promise<PageMatch[][] | null> {
    try {
      const res = await ask('text/scan', { texts });
      // One copy of each id and term string, shared by its matches and across answers.
      const matches = decodeScanResult(res, (s) => intern(this.strings, s));
      return matches;
    } catch {
      return null;
    }
  }

  /** Switch highlighting on or off per the settings, and restyle. */
  private apply(): void {
    const s = this.settings;
    if (!s) return;
    const on = s.enabled && !siteDisabled(s.disabledSites, siteHost());
    if (on) this.style.set((scope) => highlightCss(s.colors, s.highlightLook, scope));
    // Mode and muted ids choose among the spans already found: no rescan.
    this.painter.setFilter(s.highlightMode, s.mutedIds);
    this.setActive(on);
  }

  private setActive(on: boolean): void {
    if (on === this.active) return;
    this.active = on;
    if (on) {
      this.painter.show();
      this.scanner.scanAll();
      this.observer.start();
      this.hover.start();
    } else {
      this.observer.stop();
      this.scanner.cancel();
      this.hover.stop();
      this.painter.hide();
      this.painter.clear();
    }
  }

  private uiLanguage(): CardLang {
    return resolveUiLanguage(this.settings?.uiLanguage ?? 'auto');
  }

  private showCard(span: Span, anchor: DOMRect): void {
    this.showEntry(span.match, spanText(span), anchor);
  }

  /** Ask the background for the entry, then show its card unless the card was closed meanwhile. */
  private showEntry(match: Match, text: string, anchor: DOMRect): void {
    const token = ++this.cardToken;
    const hides = this.card.generation;
    // The entry, and the word's other senses (the card shows them one click away).
    const ids = [match.id, ...(match.senses ?? [])];
    void Promise.all(ids.map((id) => ask('entry/get', { id })))
      .then(([entry, ...others]) => {
        if (entry && token === this.cardToken && hides === this.card.generation) {
          const senses = others.filter((e): e is StoredEntry => e !== null);
          this.renderCard(entry, senses, match, text, anchor);
        }
      })
      .catch(() => undefined);
  }

  private renderCard(
    entry: StoredEntry,
    senses: StoredEntry[],
    match: Match,
    text: string,
    anchor: DOMRect,
  ): void {
    this.card.show(
      {
        entry,
        senses,
        lang: match.lang,
        matchedText: text,
        matchedTerm: match.term,
        approximate: match.approximate,
        uiLanguage: this.uiLanguage(),
        onCopy: (t) => copyText(t, this.card.element),
        onOpen: (entryId) => void ask('options/open', { entryId }),
        onClose: () => this.hover.close(),
        onMute: () => void this.mute(entry.id),
      },
      anchor,
    );
  }

  /** "Mute this term": add the entry to the muted ids (read fresh, another page may have changed them), close the card. */
  private async mute(id: string): Promise<void> {
    this.hover.close();
    const { mutedIds } = await ask('settings/get');
    if (mutedIds.includes(id)) return;
    await ask('settings/set', { patch: { mutedIds: [...mutedIds, id] } });
  }

  /** The keyboard shortcut: the card for the term at (or inside) the selection. */
  private showSelection(): void {
    // A selection inside a form field is not part of the document's selection.
    const field = document.activeElement;
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      const { selectionStart: a, selectionEnd: b } = field;
      if (a !== null && b !== null && b > a) {
        this.showFirstMatch(field.value.slice(a, b), field.getBoundingClientRect());
        return;
      }
    }
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    let span = this.painter.spanAt(range.startContainer, range.startOffset);
    if (!span) {
      // The first painted span that overlaps the selection.
      for (const s of this.painter.spans()) {
        if (this.painter.isMuted(s)) continue;
        const { startContainer, startOffset, endContainer, endOffset } = s.range;
        try {
          if (
            range.comparePoint(startContainer, startOffset) <= 0 &&
            range.comparePoint(endContainer, endOffset) >= 0
          ) {
            span = s;
            break;
          }
        } catch {
          // A span in another document or a detached node.
        }
      }
    }
    if (span) {
      this.hover.opened(span);
      this.showCard(span, boundingRect(spanRects(span)));
      return;
    }
    // Not painted (highlighting off here): match the selected text itself.
    this.showFirstMatch(sel.toString(), range.getBoundingClientRect());
  }

  /** The card for the first term in `text` (a selection), placed at `anchor`. */
  private showFirstMatch(selected: string, anchor: DOMRect): void {
    const text = selected.slice(0, 2000);
    if (!text.trim()) return;
    void this.scanTexts([text]).then((res) => {
      const m = res?.[0]?.[0];
      if (!m) return;
      this.hover.opened(null);
      this.showEntry(m, text.slice(m.start, m.end), anchor);
    });
  }
}

function intern(table: Map<string, string>, s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  table.set(s, s);
  return s;
}

/** Copy through the async clipboard where the page is a secure context, else the legacy command. */
async function copyText(text: string, host: HTMLElement | null): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // The textarea lives in our own shadow root, never in the page's DOM.
  const root = host?.shadowRoot;
  if (!root) throw new Error('no clipboard');
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.style.cssText = 'position:fixed;opacity:0;';
  root.appendChild(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy refused');
}

/**
 * Timing marks for the page benchmark (bench/page.ts) and for anyone profiling:
 * performance entries, not DOM. The detail is a JSON string so it crosses
 * from the content script's world to the page's intact.
 */
function reportStats(stats: ScanStats, scriptStartedAt: number): void {
  try {
    performance.mark('atazan-scan-done', {
      detail: JSON.stringify({ ...stats, scriptStartedAt }),
    });
  } catch {
    // Marks are a nicety.
  }
}
