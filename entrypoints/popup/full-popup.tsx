/**
 * The full popup taking the place of its first results (main.ts): the
 * settings and the tab's site are read first, so it renders in the reader's
 * language with its switches set; then, in one task (nothing is painted in
 * between), it renders from the first results' state, the first screen is
 * removed, and the focus, caret and scroll of the results are carried over.
 */
import { render } from 'preact';
import { TERM_CARD_CSS } from '../../components/term-card-css';
import { ask } from '../../lib/client';
import { activeHostname, Popup } from './Popup';
import type { PopupSearch } from './popup-search';
import type { QuickResults } from './quick-results';

export async function takeOver(
  shell: HTMLElement,
  quick: QuickResults,
  searching: PopupSearch,
): Promise<void> {
  const [settings, host] = await Promise.all([
    ask('settings/get').catch(() => null),
    activeHostname().catch(() => null),
  ]);
  // A word being composed in an input method is finished in the box it was begun in.
  await quick.settled();

  const cardStyle = document.createElement('style');
  cardStyle.textContent = TERM_CARD_CSS;
  document.head.append(cardStyle);

  const box = shell.querySelector<HTMLInputElement>('#search')!;
  const focused = document.activeElement === box;
  const { selectionStart, selectionEnd, selectionDirection } = box;
  const scrolled = shell.querySelector('#results')?.scrollTop ?? 0;
  const search = quick.state();
  quick.stop();

  render(<Popup start={{ settings, host, searching, search }} />, document.getElementById('app')!);
  shell.remove();

  const input = document.querySelector<HTMLInputElement>('#search');
  if (input && focused && !search.opened) {
    input.focus();
    if (selectionStart !== null && selectionEnd !== null) {
      input.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
    }
  }
  const list = document.querySelector('#results');
  if (list) list.scrollTop = scrolled;
}
