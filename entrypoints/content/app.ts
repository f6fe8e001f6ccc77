/**
 * The content script's state and wiring: settings and the glossary snapshot
 * from the background, the matcher compiled from it, and the painter, scanner,
 * observer, hover and card working together. Settings apply at once and a
 * glossary change rebuilds the matcher and repaints, without a reload.
 */
import { browser } from 'wxt/browser';
import { compileMatcher, matchableOf, type Matcher } from '../../glossary/matcher';
import type { Lang, Match } from '../../glossary/types';
import { HighlightPainter, highlightCss, type Span } from '../../lib/highlight';
import { HighlightStyle } from '../../lib/highlight-style';
import type { CardLang } from '../../lib/i18n/card';
import type {
  Broadcast,
  GlossarySnapshot,
  HighlightKind,
  Request,
  Settings,
  StoredEntry,
} from '../../lib/protocol';
import { CardHost } from './card-host';
import { boundingRect, HoverController, spanRects } from './hover';
import { PageObserver } from './observer';
import { Scanner, type ScanStats } from './scanner';
import { siteHost, siteDisabled } from './site';

async function ask<T>(request: Request): Promise<T> {
  const res: unknown = await browser.runtime.sendMessage(request);
  if (res && typeof res === 'object' && 'error' in res) throw new Error(String(res.error));
  return res as T;
}

export class ContentApp {
  private settings: Settings | null = null;
  private revision = -1;
  private matcher: Matcher | null = null;
  private entries = new Map<string, StoredEntry>();
  private active = false;

  private readonly painter = new HighlightPainter();
  private readonly card = new CardHost();
  private readonly style = new HighlightStyle(document, () => this.card.ensure());
  private readonly scanner = new Scanner(
    this.painter,
    () => this.matcher,
    (m) => this.kindOf(m),
    () => this.card.element,
    (stats) => reportStats(stats),
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
  private readonly hover = new HoverController(this.painter, this.card, (span, anchor) =>
    this.showCard(span, anchor),
  );

  async start(): Promise<void> {
    const [settings, snapshot] = await Promise.all([
      ask<Settings>({ type: 'settings/get' }),
      ask<GlossarySnapshot>({ type: 'glossary/get' }),
    ]);
    this.settings = settings;
    this.useSnapshot(snapshot);
    this.apply();
  }

  /** Handle a broadcast from the background. */
  onBroadcast(msg: Broadcast): void {
    switch (msg.type) {
      case 'settings/changed':
        this.settings = msg.settings;
        this.apply();
        break;
      case 'glossary/changed':
        if (msg.revision !== this.revision) void this.reloadGlossary();
        break;
      case 'card/show-selection':
        this.showSelection();
        break;
    }
  }

  stop(): void {
    this.setActive(false);
    this.style.remove();
    this.card.destroy();
  }

  private async reloadGlossary(): Promise<void> {
    const snapshot = await ask<GlossarySnapshot>({ type: 'glossary/get' });
    if (snapshot.revision === this.revision) return;
    this.useSnapshot(snapshot);
    if (this.active) this.scanner.scanAll();
  }

  private useSnapshot(snapshot: GlossarySnapshot): void {
    this.revision = snapshot.revision;
    this.entries = new Map(snapshot.entries.map((e) => [e.id, e]));
    this.matcher = compileMatcher(snapshot.entries.map(matchableOf));
  }

  /** Switch highlighting on or off per the settings, and restyle. */
  private apply(): void {
    const s = this.settings;
    if (!s) return;
    const on = s.enabled && !siteDisabled(s.disabledSites, siteHost());
    if (on) this.style.set(highlightCss(s.colors));
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

  private kindOf(m: Match): HighlightKind {
    if (this.entries.get(m.id)?.source === 'personal') return 'personal';
    return m.approximate ? 'approximate' : 'exact';
  }

  private uiLanguage(): CardLang {
    const pref = this.settings?.uiLanguage ?? 'auto';
    if (pref !== 'auto') return pref;
    const nav = navigator.language.toLowerCase();
    return nav.startsWith('kk') ? 'kk' : nav.startsWith('ru') ? 'ru' : 'en';
  }

  private showCard(span: Span, anchor: DOMRect): void {
    this.showEntry(span.match.id, span.match.lang, span.text, span.match.approximate, anchor);
  }

  private showEntry(
    id: string,
    lang: Lang,
    text: string,
    approximate: boolean,
    anchor: DOMRect,
  ): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.card.show(
      {
        entry,
        lang,
        matchedText: text,
        approximate,
        uiLanguage: this.uiLanguage(),
        onCopy: (t) => copyText(t, this.card.element),
        onOpen: (entryId) => void ask({ type: 'options/open', entryId }),
        onClose: () => this.hover.close(),
      },
      anchor,
    );
  }

  /** The keyboard shortcut: the card for the term at (or inside) the selection. */
  private showSelection(): void {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || !this.matcher) return;
    const range = sel.getRangeAt(0);
    let span = this.painter.spanAt(range.startContainer, range.startOffset);
    if (!span) {
      // The first painted span that overlaps the selection.
      for (const s of this.painter.spans()) {
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
    // Not painted (highlighting off here, or text in a field): match the selected text itself.
    const text = sel.toString();
    const m = this.matcher.scan(text)[0];
    if (!m) return;
    this.hover.opened(null);
    this.showEntry(
      m.id,
      m.lang,
      text.slice(m.start, m.end),
      m.approximate,
      range.getBoundingClientRect(),
    );
  }
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
function reportStats(stats: ScanStats): void {
  try {
    performance.mark('atazan-scan-done', {
      detail: JSON.stringify({ ...stats, finishedAt: stats.finishedAt ?? performance.now() }),
    });
  } catch {
    // Marks are a nicety.
  }
}
