/**
 * The compact card (components/TermCard.tsx) rendered in a DOM: what comes
 * first, the folded citations and their actions, the footer's copy actions
 * and what each puts on the clipboard, the optional mute action, the dialog
 * role with its label and description, the attestation line.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { installWindow } from '../support/window';

installWindow('https://example.kz/');

const { h, render } = await import('preact');
const { act } = await import('preact/test-utils');
const { TermCard, attestingCitation, quotePlainText } =
  await import('../../../components/TermCard');
import type { StoredEntry } from '../../../lib/protocol';
import type { ReaderPlace } from '../../../lib/official-links';

const entry: StoredEntry = {
  id: 'constitutional-court',
  kk: { term: 'Конституциялық Сот', variants: [], definition: 'Конституциялық бақылау органы.' },
  ru: { term: 'Конституционный Суд', variants: [], definition: 'Орган конституционного контроля.' },
  citations: [
    {
      edition: '2026',
      article: '76',
      clause: '1',
      quote: { kk: 'kk concept', ru: 'ru concept' },
      mentions: false,
    },
    { edition: '1995', article: '71', clause: '1', quote: { kk: 'kk quote', ru: 'ru quote' } },
    {
      code: 'civil-procedure',
      edition: '2021-12-20',
      article: '148',
      clause: null,
      quote: { kk: 'kk title', ru: 'ru title' },
    },
  ],
  tags: [],
  source: 'bundled',
  createdAt: 0,
  updatedAt: 0,
};

let root: HTMLElement;
function mount(props: Partial<Parameters<typeof TermCard>[0]> = {}): HTMLElement {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(h(TermCard, { entry, lang: 'ru', uiLanguage: 'en', ...props }), root);
  return root;
}
afterEach(() => render(null, root));

const classes = (els: Iterable<Element>) => [...els].map((e) => e.className);

describe('the compact card', () => {
  test('the term, its equivalent and the definition come first, then status and attestation', () => {
    const r = mount();
    const order = classes(r.querySelector('.atz-body')!.children);
    expect(order.slice(0, 4)).toEqual(['atz-head', 'atz-definition', 'atz-badges', 'atz-attested']);
    expect(r.querySelector('.atz-equivalent-term')!.textContent).toBe('Конституциялық Сот');
    expect(r.querySelector('.atz-status')!.textContent).toBe('Preferred term');
    // The first citation establishes the concept without naming it: the second attests the entry.
    expect(attestingCitation(entry)).toBe(entry.citations[1]);
    expect(r.querySelector('.atz-attested')!.textContent).toBe(
      'Attested: Constitution 1995, ed. 01.01.2023, art. 71, cl. 1',
    );
  });

  test('each citation is one folded line; its quote, link and actions are inside the fold', () => {
    const r = mount();
    const folds = [...r.querySelectorAll('details.atz-cite-fold')];
    expect(folds.length).toBe(3);
    expect(folds.every((d) => !d.hasAttribute('open'))).toBe(true);
    expect([...r.querySelectorAll('summary.atz-cite')].map((s) => s.textContent)).toEqual([
      'Constitution 2026, art. 76, cl. 1',
      'Constitution 1995, ed. 01.01.2023, art. 71, cl. 1',
      'Civil Procedure Code, art. 148',
    ]);
    const inFold = (i: number, sel: string) => folds[i]!.querySelector(sel);
    expect(inFold(0, '.atz-quote')!.textContent).toBe('ru concept');
    expect(inFold(0, 'a.atz-source')!.getAttribute('href')).toBe(
      'https://zan.gov.kz/client/#!/doc/223244/rus',
    );
    expect(inFold(0, 'a.atz-source')!.getAttribute('data-site')).toBe('zan.gov.kz');
    expect(inFold(1, 'a.atz-source')!.getAttribute('href')).toBe(
      'https://adilet.zan.kz/rus/docs/K950001000_',
    );
    // Only the Constitution has the extension's reader.
    expect(inFold(0, '.atz-read')).not.toBeNull();
    expect(inFold(2, '.atz-read')).toBeNull();
    expect(inFold(2, '.atz-copy-quote')).not.toBeNull();
  });

  test('the footer: copy equivalent, copy entry, language, open; mute only when given', async () => {
    let muted = 0;
    expect(
      classes(mount({ onOpen: () => undefined }).querySelectorAll('.atz-actions button')),
    ).toEqual(['atz-copy-equivalent', 'atz-copy', 'atz-toggle', 'atz-open']);
    render(null, root);
    const r = mount({ onMute: () => muted++ });
    expect(classes(r.querySelectorAll('.atz-actions button'))).toEqual([
      'atz-copy-equivalent',
      'atz-copy',
      'atz-toggle',
      'atz-mute',
    ]);
    expect(r.querySelector('.atz-mute')!.textContent).toBe('Mute this term');
    await act(() => r.querySelector<HTMLElement>('.atz-mute')!.click());
    expect(muted).toBe(1);
  });

  test('copy the equivalent alone, one quote, or the whole entry', async () => {
    const copied: string[] = [];
    const r = mount({ onCopy: (t) => void copied.push(t) });
    await act(async () => r.querySelector<HTMLElement>('.atz-copy-equivalent')!.click());
    expect(copied.at(-1)).toBe('Конституциялық Сот');
    expect(r.querySelector('.atz-copy-equivalent')!.textContent).toBe('Copied');
    expect(r.querySelector('[role=status]')!.textContent).toBe('Copied');
    await act(async () => r.querySelectorAll<HTMLElement>('.atz-copy-quote')[1]!.click());
    expect(copied.at(-1)).toBe('«ru quote» (Constitution 1995, ed. 01.01.2023, art. 71, cl. 1)');
    expect(quotePlainText(entry.citations[2]!, 'kk', 'kk')).toBe('«kk title» (АПК, 148-бап)');
    await act(async () => r.querySelector<HTMLElement>('.atz-copy')!.click());
    expect(copied.at(-1)!.split('\n')[0]).toBe('Конституционный Суд — Конституциялық Сот');
    expect(copied.length).toBe(3);
  });

  test('"read the whole article" asks for the cited place', async () => {
    const places: ReaderPlace[] = [];
    const r = mount({ onReadArticle: (p) => void places.push(p) });
    await act(() => r.querySelectorAll<HTMLElement>('.atz-read')[1]!.click());
    expect(places).toEqual([{ edition: '1995', article: '71', clause: '1' }]);
  });

  test('as the hover card, a dialog labelled by the term and its equivalent, described by the definition', () => {
    const r = mount({ dialog: true, matchedText: 'Конституционного Суда' });
    const card = r.querySelector('.atz-card')!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('tabindex')).toBe('-1');
    const text = (attr: string) =>
      card
        .getAttribute(attr)!
        .split(' ')
        .map((id) => document.getElementById(id)!.textContent)
        .join(' ');
    expect(text('aria-labelledby')).toBe('Конституционный Суд Kazakh Конституциялық Сот');
    expect(text('aria-describedby')).toBe('Орган конституционного контроля.');
    render(null, root);
    // In the popup and options page the card is part of the page, not a dialog.
    expect(mount().querySelector('.atz-card')!.hasAttribute('role')).toBe(false);
  });
});
