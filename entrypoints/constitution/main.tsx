/**
 * The Constitution's parallel reader page (constitution.html): the reader
 * (./Reader.tsx) in the user's interface language, with the glossary's
 * highlights and hover cards from the content script's app, as on any page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentApp } from '../content/app';
import { ask } from '../../lib/client';
import { resolveUiLanguage, translator } from '../../lib/i18n';
import { readerPlace } from '../../lib/official-links';
import type { Broadcast } from '../../lib/protocol';
import { Reader } from './Reader';
import '../../components/ui.css';
import './reader.css';

async function main(): Promise<void> {
  const settings = await ask('settings/get').catch(() => null);
  const t = translator(resolveUiLanguage(settings?.uiLanguage ?? 'auto'));
  document.documentElement.lang = t.lang;
  document.title = `${t('reader.title')} — ${t('app.name')}`;
  // The app starts once the first edition's text is on the page and scrolled to the place
  // asked for, so its first scan reads from the article in view; the observer follows later changes.
  let app: ContentApp | null = null;
  const startHighlights = (): void => {
    if (app) return;
    const started = new ContentApp();
    app = started;
    browser.runtime.onMessage.addListener((msg: unknown) => {
      if (msg && typeof msg === 'object' && 'type' in msg) started.onBroadcast(msg as Broadcast);
      return undefined;
    });
    void started.start().catch((err: unknown) => console.debug('Ata Zan: no highlights', err));
  };
  render(
    <Reader t={t} initial={readerPlace(location.search)} onShown={startHighlights} />,
    document.getElementById('app')!,
  );
}

void main();
