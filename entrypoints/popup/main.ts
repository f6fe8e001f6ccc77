/**
 * The popup's first module, kept small so the first results come at once: it
 * labels the page's own search box (index.html), sends the query as soon as
 * there is one and shows the rows (quick-results.ts). The full popup (Preact,
 * the card, the switches: full-popup.tsx) is loaded after the first answer
 * and takes over without losing the query, the caret or the results. The
 * stored index's code is loaded only when the worker is late (popup-search.ts).
 */
import '../../components/ui.css';
import './popup.css';
import { ask } from '../../lib/client';
import { translator } from '../../lib/i18n';
import { once } from '../../lib/once';
import { openInOptions } from './open-options';
import { openStoredLater, popupSearch } from './popup-search';
import { labelFirstScreen, startQuickResults } from './quick-results';
import { rememberedUi } from './ui-language';

/** How long the full popup waits for the first answer before it loads anyway. */
const FULL_POPUP_AT_LATEST_MS = 1000;

// When the first module ran, beside popup-search.ts's marks of which source answered.
performance.mark('atazan-popup-script');
const shell = document.getElementById('popup-shell')!;
const ui = rememberedUi();
const t = translator(ui);

labelFirstScreen(shell, t, ui);
shell.querySelector('.popup-head button')!.addEventListener('click', () => openInOptions(''));

const searching = popupSearch(
  (query, limit) => ask('search/query', { query, limit }),
  openStoredLater,
);
const loadFullPopup = once(async () => {
  const { takeOver } = await import('./full-popup');
  await takeOver(shell, quick, searching);
});
const quick = startQuickResults(shell, {
  search: searching.search,
  t,
  ui,
  onAnswer: () => void loadFullPopup(),
  onOpen: () => void loadFullPopup(),
});
setTimeout(() => void loadFullPopup(), FULL_POPUP_AT_LATEST_MS);
