/**
 * The one card that shows a glossary entry: in the page's hover card, the
 * toolbar popup and the options page. It shows the term in the reading
 * language (and the form found on the page), its equivalent in the other
 * language, the definition (the other language a click away), and the
 * Constitution citations quoted word for word. Everything is rendered as text.
 *
 * Styles: TERM_CARD_CSS (components/term-card-css.ts), class names prefixed
 * `atz-`; the hover card puts them in its shadow root, pages add them once.
 */
import { useState } from 'preact/hooks';
import { foldTerm } from '../glossary/normalize';
import type { Citation, Lang } from '../glossary/types';
import { cardText, type CardLang } from '../lib/i18n/card';
import type { StoredEntry } from '../lib/protocol';

export interface TermCardProps {
  entry: StoredEntry;
  /** The language of the text the term was found in: the card reads in it first. */
  lang: Lang;
  /** The term as it appears on the page (an inflected form), if it came from a page. */
  matchedText?: string;
  /** The dictionary form that matched: the term or one of its variants (Match.term). */
  matchedTerm?: string;
  /** The match needed substitute letters or is an ambiguous form. */
  approximate?: boolean;
  /** Language of the card's labels. */
  uiLanguage?: CardLang;
  /** Copy the text; the default writes to the clipboard. */
  onCopy?: (text: string) => void | Promise<void>;
  /** "Open in glossary"; hidden when absent. */
  onOpen?: (id: string) => void;
  /** A close button is shown when given. */
  onClose?: () => void;
}

const other = (l: Lang): Lang => (l === 'kk' ? 'ru' : 'kk');

/** "Constitution 2026, art. 76, cl. 1" in the UI language. */
export function citationLabel(c: Citation, ui: CardLang): string {
  const parts = [
    cardText(ui, `card.edition.${c.edition}`),
    cardText(ui, 'card.article', { article: c.article }),
  ];
  if (c.clause) parts.push(cardText(ui, 'card.clause', { clause: c.clause }));
  return parts.join(', ');
}

/** The plain text the copy action puts on the clipboard. */
export function cardPlainText(entry: StoredEntry, lang: Lang, ui: CardLang): string {
  const a = entry[lang];
  const b = entry[other(lang)];
  const lines = [`${a.term} — ${b.term}`];
  if (a.definition) lines.push(a.definition);
  for (const c of entry.citations) {
    const quote = c.quote[lang];
    lines.push(`${citationLabel(c, ui)}${quote ? `: «${quote}»` : ''}`);
  }
  return lines.join('\n');
}

async function clipboardCopy(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function TermCard(props: TermCardProps) {
  const { entry, lang, matchedText, approximate = false, onOpen, onClose } = props;
  const ui = props.uiLanguage ?? 'en';
  const [shown, setShown] = useState<Lang>(lang);
  const [copied, setCopied] = useState(false);
  const main = entry[lang];
  const equivalent = entry[other(lang)];
  // The headline is the dictionary form of what was found (maybe a variant), then the entry's term.
  const headline = props.matchedTerm || main.term;
  const viaVariant = foldTerm(headline) !== foldTerm(main.term);
  const showsForm =
    matchedText !== undefined && matchedText !== '' && foldTerm(matchedText) !== foldTerm(headline);
  const personal = entry.source === 'personal';

  const copy = async (): Promise<void> => {
    try {
      await (props.onCopy ?? clipboardCopy)(cardPlainText(entry, shown, ui));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };

  return (
    <article class="atz-card" data-entry-id={entry.id} data-source={entry.source}>
      <header class="atz-head">
        {showsForm ? (
          <div class="atz-found" lang={lang}>
            {matchedText}
          </div>
        ) : null}
        <div
          class="atz-term"
          lang={lang}
          title={showsForm ? cardText(ui, 'card.dictionaryForm') : undefined}
        >
          {headline}
        </div>
        {viaVariant ? (
          <div class="atz-main-term" lang={lang}>
            = {main.term}
          </div>
        ) : null}
        <div class="atz-equivalent">
          <span class="atz-lang">{cardText(ui, `card.equivalent.${other(lang)}`)}</span>{' '}
          <span class="atz-equivalent-term" lang={other(lang)}>
            {equivalent.term}
          </span>
        </div>
        <div class="atz-badges">
          {approximate ? (
            <span class="atz-badge atz-approximate" title={cardText(ui, 'card.approximate.title')}>
              {cardText(ui, 'card.approximate')}
            </span>
          ) : null}
          {personal ? (
            <span class="atz-badge atz-personal">{cardText(ui, 'card.personal')}</span>
          ) : null}
        </div>
        {onClose ? (
          <button
            type="button"
            class="atz-close"
            aria-label={cardText(ui, 'card.close')}
            onClick={onClose}
          >
            ×
          </button>
        ) : null}
      </header>
      <p class="atz-definition" lang={shown}>
        {entry[shown].definition || cardText(ui, 'card.noDefinition')}
      </p>
      {entry.citations.length > 0 ? (
        <ul class="atz-citations">
          {entry.citations.map((c, i) => (
            <li key={i} class="atz-citation" data-edition={c.edition}>
              <div class="atz-cite">{citationLabel(c, ui)}</div>
              {c.quote[shown] ? (
                <blockquote class="atz-quote" lang={shown}>
                  {c.quote[shown]}
                </blockquote>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <footer class="atz-actions">
        <button type="button" class="atz-toggle" onClick={() => setShown(other(shown))}>
          {cardText(ui, `card.showIn.${other(shown)}`)}
        </button>
        <button type="button" class="atz-copy" onClick={() => void copy()}>
          {cardText(ui, copied ? 'card.copied' : 'card.copy')}
        </button>
        {onOpen ? (
          <button type="button" class="atz-open" onClick={() => onOpen(entry.id)}>
            {cardText(ui, 'card.open')}
          </button>
        ) : null}
      </footer>
    </article>
  );
}
