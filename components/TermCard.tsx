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
 * Styles: TERM_CARD_CSS (components/term-card-css.ts), class names prefixed
 * `atz-`; the hover card puts them in its shadow root, pages add them once.
 */
import { useState } from 'preact/hooks';
import { CODES } from '../glossary/codes';
import { foldTerm } from '../glossary/normalize';
import type { Citation, Entry, Lang, TermStatus } from '../glossary/types';
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
  onMute?: () => void;
}

const other = (l: Lang): Lang => (l === 'kk' ? 'ru' : 'kk');

/**
 * "Constitution 2026, art. 76, cl. 1", «ГПК РК, ст. 148», «АПК, 148-бап» in
 * the UI language.
 */
export function citationLabel(c: Citation, ui: CardLang): string {
  const parts = [
    c.code !== undefined ? CODES[c.code].short[ui] : cardText(ui, `card.edition.${c.edition}`),
    cardText(ui, 'card.article', { article: c.article }),
  ];
  if (c.clause === 'intro') parts.push(cardText(ui, 'card.clause.intro'));
  else if (c.clause) parts.push(cardText(ui, 'card.clause', { clause: c.clause }));
  return parts.join(', ');
}

/**
 * The act's number on adilet.zan.kz for a citation. The 1995 Constitution is
 * K950001000_. Our sources give no number for the 2026 Constitution
 * (glossary/sources/PROVENANCE.md names only its git mirror), so its citations
 * link to the 1995 document's page, where the database keeps the Constitution
 * and its later texts; replace it here once the number is known.
 */
export const CONSTITUTION_DOC: Readonly<Record<'2026' | '1995', string>> = {
  '1995': 'K950001000_',
  '2026': 'K950001000_',
};

/** The official text of the cited act on adilet.zan.kz, in the reader's language. */
export function officialUrl(c: Citation, lang: Lang): string {
  const doc = c.code !== undefined ? CODES[c.code].adiletDoc : CONSTITUTION_DOC[c.edition];
  return `https://adilet.zan.kz/${lang === 'kk' ? 'kaz' : 'rus'}/docs/${doc}`;
}

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

/** The plain text the copy action puts on the clipboard. */
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

export function TermCard(props: TermCardProps) {
  const { lang, matchedText, approximate = false, onOpen, onClose } = props;
  const ui = props.uiLanguage ?? 'en';
  const [shown, setShown] = useState<Lang>(lang);
  const [copied, setCopied] = useState(false);
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
          <span
            class={`atz-badge atz-status atz-status-${status}`}
            data-status={status}
            title={cardText(ui, `card.status.${status}.title`)}
          >
            {cardText(ui, `card.status.${status}`)}
          </span>
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
            <li key={i} class="atz-citation" data-edition={c.edition} data-code={c.code}>
              <div class="atz-cite">
                <span
                  title={
                    c.code !== undefined
                      ? cardText(ui, 'card.codeEdition', { edition: c.edition })
                      : undefined
                  }
                >
                  {citationLabel(c, ui)}
                </span>{' '}
                <a
                  class="atz-source"
                  href={officialUrl(c, shown)}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={cardText(ui, 'card.officialText.title')}
                >
                  {cardText(ui, 'card.officialText')}
                </a>
              </div>
              {c.quote[shown] ? (
                <blockquote class="atz-quote" lang={shown}>
                  {c.quote[shown]}
                </blockquote>
              ) : null}
            </li>
          ))}
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
