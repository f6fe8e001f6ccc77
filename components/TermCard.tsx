/**
 * The one card that shows a glossary entry: in the page's hover card, the
 * toolbar popup and the options page. It shows the term in the reading
 * language (and the form found on the page), its equivalent in the other
 * language, the status of the term found (preferred, admitted, historical),
 * the definition (the other language a click away), the citations — the
 * Constitution or a code, article and clause in the reader's language, quoted
 * word for word, with a link to the act on the official legal database — and
 * the word's other senses one click away. Everything is rendered as text.
 *
 * Compact by design: the term, its equivalent and the definition first; each
 * citation folded to one line (its quote, official link, "copy quote" and
 * "read the whole article" a click away); the actions in a footer that stays
 * in view while the body scrolls.
 *
 * Styles: TERM_CARD_CSS (components/term-card-css.ts), class names prefixed
 * `atz-`; the hover card puts them in its shadow root, pages add them once.
 */
import { useState } from 'preact/hooks';
import { foldTerm } from '../glossary/normalize';
import type { Citation, Entry, Lang, TermStatus } from '../glossary/types';
import { ask } from '../lib/client';
import { cardText, type CardLang } from '../lib/i18n/card';
import { officialLink, officialUrl, type ReaderPlace } from '../lib/official-links';
import type { StoredEntry } from '../lib/protocol';
import { citationLabel } from './citation-label';

export { officialUrl };

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
  /** The other senses of the word found (Match.senses), shown one click away. */
  senses?: StoredEntry[];
  /** Language of the card's labels. */
  uiLanguage?: CardLang;
  /** Copy the text; the default writes to the clipboard. */
  onCopy?: (text: string) => void | Promise<void>;
  /** "Open in glossary"; hidden when absent. */
  onOpen?: (id: string) => void;
  /** A close button is shown when given. */
  onClose?: () => void;
  /** "Mute this term" (no more highlights of this entry); hidden when absent. */
  onMute?: () => void;
  /** "Read the whole article" of a Constitution citation; the default asks the background to open the reader. */
  onReadArticle?: (place: ReaderPlace) => void;
  /** The hover card: a dialog for assistive technology, labelled by the term and its equivalent. */
  dialog?: boolean;
}

const other = (l: Lang): Lang => (l === 'kk' ? 'ru' : 'kk');

/**
 * The status of the term found: the variant's when a variant matched (admitted
 * unless it says otherwise), else the entry's (preferred unless it says otherwise).
 */
export function matchedStatus(entry: Entry, lang: Lang, matchedTerm?: string): TermStatus {
  const side = entry[lang];
  if (matchedTerm && foldTerm(matchedTerm) !== foldTerm(side.term)) {
    const variant = side.variants.find((v) => foldTerm(v) === foldTerm(matchedTerm));
    if (variant !== undefined) return side.variantStatus?.[variant] ?? 'admitted';
  }
  return entry.status ?? 'preferred';
}

/**
 * The citation that attests the entry: the first whose quotes name its terms
 * (a citation with `mentions: false` establishes the concept without naming it).
 */
export function attestingCitation(entry: Entry): Citation | undefined {
  return entry.citations.find((c) => c.mentions !== false);
}

/** What "copy quote" puts on the clipboard: the quote, then where it is from. */
export function quotePlainText(c: Citation, lang: Lang, ui: CardLang): string {
  return `«${c.quote[lang]}» (${citationLabel(c, ui)})`;
}

/** The plain text "copy entry" puts on the clipboard. */
export function cardPlainText(entry: StoredEntry, lang: Lang, ui: CardLang): string {
  const a = entry[lang];
  const b = entry[other(lang)];
  const lines = [`${a.term} — ${b.term}`];
  if (a.definition) lines.push(a.definition);
  for (const c of entry.citations) {
    const quote = c.quote[lang];
    lines.push(`${citationLabel(c, ui)}${quote ? `: «${quote}»` : ''} (${officialUrl(c, lang)})`);
  }
  return lines.join('\n');
}

async function clipboardCopy(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

let cards = 0;

/** Which copy action just succeeded: its button says so for a moment. */
type Copied = 'equivalent' | 'entry' | `quote:${number}` | null;

function askReader(place: ReaderPlace): void {
  void ask('reader/open', {
    edition: place.edition,
    ...(place.article ? { article: place.article } : {}),
    ...(place.article && place.clause ? { clause: place.clause } : {}),
  }).catch(() => undefined);
}

export function TermCard(props: TermCardProps) {
  const { lang, matchedText, approximate = false, onOpen, onClose, onMute } = props;
  const ui = props.uiLanguage ?? 'en';
  const [shown, setShown] = useState<Lang>(lang);
  const [copied, setCopied] = useState<Copied>(null);
  // Ids for the dialog's label and description, unique among the cards of a page.
  const [uid] = useState(() => `atz-${++cards}`);
  // The sense on show: the one the page's context chose, or another the reader picked.
  const [senseId, setSenseId] = useState(props.entry.id);
  const senses = [props.entry, ...(props.senses ?? [])];
  const entry = senses.find((e) => e.id === senseId) ?? props.entry;
  const otherSenses = senses.filter((e) => e.id !== entry.id);
  const chosen = entry.id === props.entry.id;
  const main = entry[lang];
  const equivalent = entry[other(lang)];
  // The headline is the dictionary form of what was found (maybe a variant), then the entry's term.
  const headline = (chosen && props.matchedTerm) || main.term;
  const status = matchedStatus(entry, lang, chosen ? props.matchedTerm : undefined);
  const viaVariant = foldTerm(headline) !== foldTerm(main.term);
  const showsForm =
    matchedText !== undefined && matchedText !== '' && foldTerm(matchedText) !== foldTerm(headline);
  const personal = entry.source === 'personal';
  const attested = attestingCitation(entry);
  const readArticle = props.onReadArticle ?? askReader;

  const copy = async (what: Exclude<Copied, null>, text: string): Promise<void> => {
    try {
      await (props.onCopy ?? clipboardCopy)(text);
      setCopied(what);
      setTimeout(() => setCopied((now) => (now === what ? null : now)), 1500);
    } catch {
      setCopied(null);
    }
  };
  const copyLabel = (what: Exclude<Copied, null>, key: string): string =>
    cardText(ui, copied === what ? 'card.copied' : key);

  return (
    <section
      class="atz-card"
      data-entry-id={entry.id}
      data-source={entry.source}
      role={props.dialog ? 'dialog' : undefined}
      aria-labelledby={`${uid}-term ${uid}-equivalent`}
      aria-describedby={`${uid}-definition`}
      tabIndex={props.dialog ? -1 : undefined}
    >
      <div class="atz-body">
        <header class="atz-head">
          {showsForm ? (
            <div class="atz-found" lang={lang}>
              {matchedText}
            </div>
          ) : null}
          <div
            class="atz-term"
            id={`${uid}-term`}
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
          <div class="atz-equivalent" id={`${uid}-equivalent`}>
            <span class="atz-lang">{cardText(ui, `card.equivalent.${other(lang)}`)}</span>{' '}
            <span class="atz-equivalent-term" lang={other(lang)}>
              {equivalent.term}
            </span>
          </div>
        </header>
        <p class="atz-definition" id={`${uid}-definition`} lang={shown}>
          {entry[shown].definition || cardText(ui, 'card.noDefinition')}
        </p>
        <div class="atz-badges">
          <span
            class={`atz-badge atz-status atz-status-${status}`}
            data-status={status}
            title={cardText(ui, `card.status.${status}.title`)}
          >
            {cardText(ui, `card.status.${status}`)}
          </span>
          {approximate ? (
            <span class="atz-badge atz-approximate" title={cardText(ui, 'card.approximate.title')}>
              {cardText(ui, 'card.approximate')}
            </span>
          ) : null}
          {personal ? (
            <span class="atz-badge atz-personal">{cardText(ui, 'card.personal')}</span>
          ) : null}
        </div>
        {attested ? (
          <div class="atz-attested">
            {cardText(ui, 'card.attested', { place: citationLabel(attested, ui) })}
          </div>
        ) : null}
        {entry.citations.length > 0 ? (
          <ul class="atz-citations">
            {entry.citations.map((c, i) => {
              const link = officialLink(c, shown);
              return (
                <li key={i} class="atz-citation" data-edition={c.edition} data-code={c.code}>
                  <details class="atz-cite-fold">
                    <summary
                      class="atz-cite"
                      title={
                        c.code !== undefined
                          ? cardText(ui, 'card.codeEdition', { edition: c.edition })
                          : undefined
                      }
                    >
                      {citationLabel(c, ui)}
                    </summary>
                    {c.quote[shown] ? (
                      <blockquote class="atz-quote" lang={shown}>
                        {c.quote[shown]}
                      </blockquote>
                    ) : null}
                    <div class="atz-cite-actions">
                      <a
                        class="atz-source"
                        href={link.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        data-site={link.site}
                        title={cardText(
                          ui,
                          link.site === 'zan.gov.kz'
                            ? 'card.officialText.title.zan'
                            : 'card.officialText.title',
                        )}
                      >
                        {cardText(ui, 'card.officialText')}
                      </a>
                      {c.quote[shown] ? (
                        <button
                          type="button"
                          class="atz-copy-quote"
                          onClick={() => void copy(`quote:${i}`, quotePlainText(c, shown, ui))}
                        >
                          {copyLabel(`quote:${i}`, 'card.copyQuote')}
                        </button>
                      ) : null}
                      {c.code === undefined ? (
                        <button
                          type="button"
                          class="atz-read"
                          onClick={() =>
                            readArticle({
                              edition: c.edition,
                              article: c.article,
                              clause: c.clause,
                            })
                          }
                        >
                          {cardText(ui, 'card.readArticle')}
                        </button>
                      ) : null}
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        ) : null}
        {otherSenses.length > 0 ? (
          <div class="atz-senses">
            <span class="atz-senses-label">
              {cardText(ui, chosen ? 'card.senses.other' : 'card.senses.back')}
            </span>{' '}
            {otherSenses.map((e) => (
              <button
                key={e.id}
                type="button"
                class="atz-sense"
                data-entry-id={e.id}
                onClick={() => setSenseId(e.id)}
              >
                <span lang={lang}>{e[lang].term}</span> —{' '}
                <span lang={other(lang)}>{e[other(lang)].term}</span>
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <footer class="atz-actions">
        <button
          type="button"
          class="atz-copy-equivalent"
          onClick={() => void copy('equivalent', equivalent.term)}
        >
          {copyLabel('equivalent', 'card.copyEquivalent')}
        </button>
        <button
          type="button"
          class="atz-copy"
          onClick={() => void copy('entry', cardPlainText(entry, shown, ui))}
        >
          {copyLabel('entry', 'card.copyEntry')}
        </button>
        <button type="button" class="atz-toggle" onClick={() => setShown(other(shown))}>
          {cardText(ui, `card.showIn.${other(shown)}`)}
        </button>
        {onOpen ? (
          <button type="button" class="atz-open" onClick={() => onOpen(entry.id)}>
            {cardText(ui, 'card.open')}
          </button>
        ) : null}
        {onMute ? (
          <button type="button" class="atz-mute" onClick={onMute}>
            {cardText(ui, 'card.mute')}
          </button>
        ) : null}
      </footer>
      <span class="atz-status-line" role="status">
        {copied ? cardText(ui, 'card.copied') : ''}
      </span>
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
    </section>
  );
}
