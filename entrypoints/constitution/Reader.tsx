/**
 * The parallel reader of the Constitution: one edition (2026 or 1995), its
 * Kazakh and Russian texts side by side, article by article, clause rows
 * aligned. The address says where to start (`?edition=2026&article=10&clause=1`,
 * lib/official-links.ts): that article is scrolled to and marked, and the
 * clause too when given. The glossary's highlights and hover cards come from
 * the content script's app, started by main.tsx on this page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Edition, Lang } from '../../glossary/types';
import type { Translate } from '../../lib/i18n';
import { constitutionLink, readerPath } from '../../lib/official-links';
import { Choice } from '../../components/Field';
import { Message } from '../../components/Message';
import { articleHeading, articleId, clauseId, loadEdition, type SectionBlock } from './text';

const LANGS: readonly Lang[] = ['kk', 'ru'];
const EDITIONS: readonly Edition[] = ['2026', '1995'];

export interface ReaderTarget {
  edition: Edition;
  article: string | null;
  clause: string | null;
}

export interface ReaderProps {
  t: Translate;
  initial: ReaderTarget;
  /** An edition's text is on the page (and scrolled to the place asked for). */
  onShown?: (edition: Edition) => void;
}

export function Reader({ t, initial, onShown }: ReaderProps) {
  const [target, setTarget] = useState<ReaderTarget>(initial);
  const [sections, setSections] = useState<SectionBlock[] | null>(null);
  const [loaded, setLoaded] = useState<Edition | null>(null);

  useEffect(() => {
    let live = true;
    setSections(null);
    void loadEdition(target.edition).then((s) => {
      if (!live) return;
      setSections(s);
      setLoaded(target.edition);
    });
    return () => {
      live = false;
    };
  }, [target.edition]);

  const articles = sections?.flatMap((s) => s.articles.map((a) => a.article)) ?? [];
  const missing =
    sections !== null && target.article !== null && !articles.includes(target.article);

  // Scroll to the article asked for, once its edition is on the page.
  useEffect(() => {
    if (sections === null || loaded !== target.edition || target.article === null) return;
    const el =
      document.getElementById(clauseId(target.article, target.clause)) ??
      document.getElementById(articleId(target.article));
    el?.scrollIntoView({ block: 'start' });
  }, [sections, loaded, target]);

  useEffect(() => {
    if (sections !== null && loaded !== null) onShown?.(loaded);
  }, [sections, loaded]);

  const go = (next: ReaderTarget): void => {
    history.replaceState(null, '', readerPath(next));
    setTarget(next);
  };

  const official = (lang: Lang): string => constitutionLink(target.edition, lang).url;

  return (
    <div class="reader">
      <header class="reader-bar">
        <h1>{t('reader.title')}</h1>
        <label>
          {t('reader.edition')}{' '}
          <Choice
            name="edition"
            value={target.edition}
            choices={EDITIONS}
            show={(edition) => t(`reader.edition.${edition}`)}
            onChange={(edition) => go({ edition, article: null, clause: null })}
          />
        </label>
        <label>
          {t('reader.article')}{' '}
          <Choice
            name="article"
            value={target.article ?? ''}
            disabled={sections === null}
            choices={['', ...articles]}
            show={(a) => a || '—'}
            onChange={(a) => go({ edition: target.edition, article: a || null, clause: null })}
          />
        </label>
        <span class="reader-official">
          {t('reader.official')}:{' '}
          {LANGS.map((l) => (
            <a key={l} href={official(l)} target="_blank" rel="noopener noreferrer" lang={l}>
              {t(`reader.lang.${l}`)}
            </a>
          ))}
        </span>
      </header>
      <Message
        role="status"
        class="reader-notice"
        text={missing && t('reader.noArticle', { article: target.article ?? '' })}
      />
      <main class="reader-text" data-edition={loaded ?? undefined} aria-busy={sections === null}>
        {sections === null ? (
          <p role="status">{t('reader.loading')}</p>
        ) : (
          <>
            <div class="reader-row reader-langs" aria-hidden="true">
              {LANGS.map((l) => (
                <div key={l}>{t(`reader.lang.${l}`)}</div>
              ))}
            </div>
            {sections.map((s, i) => (
              <section key={i} class="reader-section">
                <h2 class="reader-row">
                  <span lang="kk">{s.kk}</span>
                  <span lang="ru">{s.ru}</span>
                </h2>
                {s.articles.map((a) => {
                  const marked = a.article === target.article;
                  return (
                    <article
                      key={a.article}
                      id={articleId(a.article)}
                      class={marked ? 'reader-article reader-target' : 'reader-article'}
                      data-article={a.article}
                      aria-current={marked ? 'location' : undefined}
                    >
                      <h3 class="reader-row">
                        {LANGS.map((l) => (
                          <span key={l} lang={l}>
                            {articleHeading(a.article, l)}
                          </span>
                        ))}
                      </h3>
                      {a.clauses.map((c) => {
                        const hit = marked && c.clause !== null && c.clause === target.clause;
                        return (
                          <div
                            key={c.clause ?? ''}
                            id={c.clause === null ? undefined : clauseId(a.article, c.clause)}
                            class={`reader-row reader-clause${hit ? ' reader-target-clause' : ''}${c.repealed ? ' reader-repealed' : ''}`}
                            data-clause={c.clause ?? undefined}
                          >
                            {LANGS.map((l) => (
                              <p key={l} lang={l}>
                                {c.clause !== null ? <b class="reader-num">{c.clause}. </b> : null}
                                {c.repealed ? (
                                  <em class="reader-repealed-label">{t('reader.repealed')}: </em>
                                ) : null}
                                {c[l]}
                              </p>
                            ))}
                          </div>
                        );
                      })}
                    </article>
                  );
                })}
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
