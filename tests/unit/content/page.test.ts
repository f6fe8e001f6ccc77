/**
 * Content-side modules in a DOM without a browser: the text collector (flows
 * across inline tags, block separators, skipped regions, chunks, the
 * visible-first split), the painter's span index, the per-site switch and the
 * TermCard component.
 */
import { describe, expect, test } from 'vitest';
import { installWindow } from '../support/window';

installWindow('https://example.kz/');
const g = globalThis as Record<string, unknown>;

const { h, render } = await import('preact');
const { collectText, segmentIndexAt } = await import('../../../entrypoints/content/text-collect');
const { HighlightPainter } = await import('../../../entrypoints/content/highlight');
const { siteDisabled } = await import('../../../lib/sites');
const { highlightCss, HIGHLIGHT_PROBE } =
  await import('../../../entrypoints/content/highlight-css');
const { HighlightStyle } = await import('../../../entrypoints/content/highlight-style');
const { DEFAULT_SETTINGS } = await import('../../../lib/settings');
const { TermCard, cardPlainText, officialUrl, matchedStatus } =
  await import('../../../components/TermCard');
const { citationLabel } = await import('../../../components/citation-label');
const { act } = await import('preact/test-utils');
import type { TextChunk } from '../../../entrypoints/content/text-collect';
import type { PageMatch } from '../../../lib/scan-wire';
import type { HighlightKind } from '../../../lib/settings';
import type { StoredEntry } from '../../../lib/protocol';
import { spanText } from '../../../entrypoints/content/span';

const BLOCK = '\ufffc';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function texts(chunks: TextChunk[]): string {
  return chunks.map((c) => c.text).join('|');
}

describe('text collection', () => {
  test('joins text across inline tags; blocks separate; <br> is a line break', () => {
    const body = page(
      '<p>Решения <b>Конститу</b>ционного <a href="#">Суда</a></p><div>Суд</div><p>Конституциялық<br>Сотына</p>',
    );
    const chunks = [...collectText({ root: body })];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.text).toBe(
      `${BLOCK}Решения Конституционного Суда${BLOCK}Суд${BLOCK}Конституциялық\nСотына${BLOCK}`.slice(
        1,
      ),
    );
    // Every segment maps back to its own text node.
    for (const s of chunks[0]!.segments) {
      expect(chunks[0]!.text.slice(s.start, s.end)).toBe(s.node.data);
    }
  });

  test('skips scripts, styles, form fields, editable and hidden elements, and our own host', () => {
    const body = page(
      '<p>один</p><script>var суд = 1;</script><style>p{}</style><textarea>суд</textarea>' +
        '<select><option>суд</option></select><div contenteditable="true">суд</div>' +
        '<div hidden>суд</div><atazan-card>суд</atazan-card><p>два</p>',
    );
    const own = body.querySelector('atazan-card');
    const text = texts([...collectText({ root: body, ownUi: own })]);
    expect(text.replaceAll(BLOCK, ' ').trim().split(/\s+/)).toEqual(['один', 'два']);
  });

  test('chunks end at block boundaries', () => {
    const body = page(
      Array.from({ length: 20 }, (_, i) => `<p>абзац номер ${i} <b>суд</b></p>`).join(''),
    );
    const chunks = [...collectText({ root: body, chunkChars: 50 })];
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.text.endsWith(BLOCK)).toBe(true);
    expect(
      chunks
        .map((c) => c.text)
        .join('')
        .split('абзац').length - 1,
    ).toBe(20);
  });

  test('from + until cover every text node exactly once (visible part first)', () => {
    const body = page(Array.from({ length: 10 }, (_, i) => `<p>п${i} <i>и${i}</i></p>`).join(''));
    const start = body.children[6]!;
    const first = [...collectText({ root: body, from: start })];
    const rest = [...collectText({ root: body, until: start })];
    const nodes = [...first, ...rest].flatMap((c) => c.segments.map((s) => s.node.data));
    expect(nodes.slice(0, 2)).toEqual(['п6 ', 'и6']);
    expect([...nodes].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => [`п${i} `, `и${i}`])
        .flat()
        .sort(),
    );
  });

  test('segmentIndexAt finds the node of an offset, -1 in a separator', () => {
    const body = page('<p>аб<b>вг</b></p><p>де</p>');
    const [chunk] = [...collectText({ root: body })];
    expect(segmentIndexAt(chunk!.segments, 0)).toBe(0);
    expect(segmentIndexAt(chunk!.segments, 3)).toBe(1);
    expect(segmentIndexAt(chunk!.segments, 4)).toBe(-1);
    expect(segmentIndexAt(chunk!.segments, 5)).toBe(2);
  });
});

describe('painter span index', () => {
  const match = (
    start: number,
    end: number,
    id: string,
    kind: HighlightKind = 'exact',
  ): PageMatch => ({
    start,
    end,
    id,
    lang: 'ru',
    term: id,
    approximate: false,
    kind,
  });

  test('records spans across nodes and finds them by node and offset; rescans replace them', () => {
    const body = page('<p>Решения <b>Конституционного</b> Суда и суд</p>');
    const [chunk] = [...collectText({ root: body })];
    const painter = new HighlightPainter();
    const text = chunk!.text;
    const a = text.indexOf('Конституционного');
    const b = text.indexOf('суд');
    painter.paintChunk(chunk!, [
      match(a, a + 'Конституционного Суда'.length, 'ks'),
      match(b, b + 3, 'sud'),
    ]);
    expect(painter.size).toBe(2);
    const bold = body.querySelector('b')!.firstChild!;
    expect(painter.spanAt(bold, 3)?.match.id).toBe('ks');
    expect(spanText(painter.spanAt(bold, 3)!)).toBe('Конституционного Суда');
    const tail = body.querySelector('b')!.nextSibling!;
    expect(painter.spanAt(tail, 1)?.match.id).toBe('ks');
    expect(painter.spanAt(tail, 6)).toBeNull();
    expect(painter.spanAt(tail, (tail as Text).data.indexOf('суд'))?.match.id).toBe('sud');
    // Painting the same chunk again replaces, never duplicates.
    painter.paintChunk(chunk!, [match(b, b + 3, 'sud', 'personal')]);
    expect(painter.spanAt(tail, (tail as Text).data.indexOf('суд'))?.kind).toBe('personal');
    expect(painter.size).toBe(1);
    expect(painter.spanAt(bold, 3)).toBeNull();
    // A node that leaves the page loses its spans.
    body.querySelector('p')!.remove();
    painter.sweep();
    expect(painter.size).toBe(0);
  });
});

describe('highlight rules', () => {
  test('the rules name the root, or every element where the body does not take the root’s', () => {
    // What the body's probe highlight computes to → the rules after the check.
    const cases: [string, string][] = [
      [HIGHLIGHT_PROBE.color, ':root::highlight(atazan-exact)'],
      ['rgba(0, 0, 0, 0)', '\n::highlight(atazan-exact)'],
    ];
    const real = g.getComputedStyle;
    try {
      for (const [probe, rule] of cases) {
        g.getComputedStyle = () => ({ backgroundColor: probe });
        // No constructed sheets in this DOM: the rules go into a <style> in the host.
        const host = document.createElement('div');
        const style = new HighlightStyle(document, () => host);
        const css = (): string => host.querySelector('style')?.textContent ?? '';
        style.set((scope) => highlightCss(DEFAULT_SETTINGS.colors, 'background', scope));
        expect(css()).toContain(':root::highlight(atazan-exact)');
        expect(css()).toContain(`::highlight(${HIGHLIGHT_PROBE.name})`);
        style.checkScope();
        expect(`\n${css()}`).toContain(rule);
        // Later settings keep the scope found.
        style.set((scope) => highlightCss(DEFAULT_SETTINGS.colors, 'underline', scope));
        expect(`\n${css()}`).toContain(rule);
      }
    } finally {
      g.getComputedStyle = real;
    }
  });
});

describe('per-site switch', () => {
  test('a listed host and its subdomains are off', () => {
    expect(siteDisabled(['example.kz'], 'example.kz')).toBe(true);
    expect(siteDisabled(['example.kz'], 'www.Example.kz')).toBe(true);
    expect(siteDisabled(['example.kz'], 'notexample.kz')).toBe(false);
    expect(siteDisabled([], 'adilet.zan.kz')).toBe(false);
  });
});

describe('TermCard', () => {
  const entry: StoredEntry = {
    id: 'constitutional-court',
    kk: { term: 'Конституциялық Сот', variants: [], definition: '<b>Kazakh</b> definition' },
    ru: {
      term: 'Конституционный Суд',
      variants: [],
      definition: 'Орган конституционного контроля.',
    },
    citations: [
      { edition: '1995', article: '71', clause: '1', quote: { kk: 'kk quote', ru: 'ru quote' } },
    ],
    tags: [],
    source: 'bundled',
    createdAt: 0,
    updatedAt: 0,
  };

  test('renders the entry as text, in the page language first, with the citation and edition', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    let opened = '';
    render(
      h(TermCard, {
        entry,
        lang: 'ru',
        matchedText: 'Конституционного Суда',
        approximate: true,
        uiLanguage: 'ru',
        onOpen: (id: string) => (opened = id),
      }),
      root,
    );
    const card = root.querySelector('.atz-card')!;
    expect(card.getAttribute('data-entry-id')).toBe('constitutional-court');
    expect(card.textContent).toContain('Конституционного Суда');
    expect(card.textContent).toContain('Конституциялық Сот');
    expect(card.textContent).toContain('Приблизительное совпадение');
    expect(card.textContent).toContain('Конституция 1995, ред. 01.01.2023, ст. 71, п. 1');
    expect(card.textContent).toContain('ru quote');
    (root.querySelector('.atz-toggle') as HTMLElement).click();
    // Preact re-renders asynchronously; flush by rendering the same tree again is not needed for text checks below.
    (root.querySelector('.atz-open') as HTMLElement).click();
    expect(opened).toBe('constitutional-court');
    render(null, root);
  });

  test('a match through a variant shows the variant as the dictionary form, then the entry term', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(h(TermCard, { entry, lang: 'ru', matchedText: 'КС', matchedTerm: 'КС' }), root);
    expect(root.querySelector('.atz-term')!.textContent).toBe('КС');
    expect(root.querySelector('.atz-main-term')!.textContent).toBe('= Конституционный Суд');
    expect(root.querySelector('.atz-found')).toBeNull();
    render(null, root);
  });

  test('user text with markup stays text', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(h(TermCard, { entry, lang: 'kk' }), root);
    expect(root.querySelector('.atz-definition')!.textContent).toBe('<b>Kazakh</b> definition');
    expect(root.querySelector('.atz-definition b')).toBeNull();
    render(null, root);
  });

  test('the copy text has both terms, the definition and the quotes', () => {
    expect(cardPlainText(entry, 'ru', 'en')).toBe(
      'Конституционный Суд — Конституциялық Сот\nОрган конституционного контроля.\nConstitution 1995, ed. 01.01.2023, art. 71, cl. 1: «ru quote» (https://adilet.zan.kz/rus/docs/K950001000_)',
    );
  });

  test('a code citation: the code and article in the reader’s language, and a link to adilet', () => {
    const c = {
      code: 'civil-procedure' as const,
      edition: '2021-12-20',
      article: '148',
      clause: null,
      quote: { kk: 'kk title', ru: 'ru title' },
    };
    expect(citationLabel(c, 'ru')).toBe('ГПК РК, ст. 148');
    expect(citationLabel(c, 'kk')).toBe('АПК, 148-бап');
    expect(citationLabel({ ...c, clause: '14' }, 'en')).toBe(
      'Civil Procedure Code, art. 148, cl. 14',
    );
    expect(officialUrl(c, 'ru')).toBe('https://adilet.zan.kz/rus/docs/K1500000377');
    expect(officialUrl(c, 'kk')).toBe('https://adilet.zan.kz/kaz/docs/K1500000377');
    expect(officialUrl(entry.citations[0]!, 'kk')).toBe(
      'https://adilet.zan.kz/kaz/docs/K950001000_',
    );

    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(
      h(TermCard, { entry: { ...entry, citations: [c] }, lang: 'kk', uiLanguage: 'kk' }),
      root,
    );
    expect(root.querySelector('.atz-cite')!.textContent).toContain('АПК, 148-бап');
    const link = root.querySelector('a.atz-source')!;
    expect(link.getAttribute('href')).toBe('https://adilet.zan.kz/kaz/docs/K1500000377');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(root.querySelector('.atz-quote')!.textContent).toBe('kk title');
    render(null, root);
  });

  test('shows the status of the term found: the entry’s, or the variant’s when a variant matched', () => {
    const senate: StoredEntry = {
      ...entry,
      id: 'legacy-senate',
      status: 'historical',
      ru: {
        ...entry.ru,
        term: 'Сенат',
        variants: ['верхняя палата', 'Сенат Парламента'],
        variantStatus: { 'Сенат Парламента': 'historical' },
      },
    };
    expect(matchedStatus(senate, 'ru')).toBe('historical');
    expect(matchedStatus(senate, 'ru', 'верхняя палата')).toBe('admitted');
    expect(matchedStatus(senate, 'ru', 'Сенат Парламента')).toBe('historical');
    expect(matchedStatus(entry, 'ru')).toBe('preferred');
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(h(TermCard, { entry: senate, lang: 'ru', uiLanguage: 'ru' }), root);
    expect(root.querySelector('.atz-status')!.textContent).toBe('Исторический термин');
    render(
      h(TermCard, { entry, lang: 'ru', uiLanguage: 'en', matchedTerm: 'Конституционный Суд' }),
      root,
    );
    expect(root.querySelector('.atz-status')!.getAttribute('data-status')).toBe('preferred');
    render(null, root);
  });

  test('the other senses of the word are one click away, and back', async () => {
    const civil: StoredEntry = {
      ...entry,
      id: 'civil',
      kk: { term: 'азаматтық', variants: [], definition: 'азаматтық құқыққа қатысты' },
      ru: { term: 'гражданский', variants: [], definition: 'относящийся к гражданскому праву' },
    };
    const citizenship: StoredEntry = {
      ...entry,
      id: 'citizenship',
      kk: { term: 'азаматтық', variants: [], definition: 'адамның мемлекетпен байланысы' },
      ru: { term: 'гражданство', variants: [], definition: 'устойчивая правовая связь' },
    };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(
      h(TermCard, {
        entry: civil,
        senses: [citizenship],
        lang: 'kk',
        matchedText: 'азаматтық',
        uiLanguage: 'ru',
      }),
      root,
    );
    expect(root.querySelector('.atz-equivalent-term')!.textContent).toBe('гражданский');
    expect(root.querySelector('.atz-senses')!.textContent).toContain('Другое значение:');
    const button = root.querySelector<HTMLElement>('.atz-sense[data-entry-id="citizenship"]')!;
    expect(button.textContent).toBe('азаматтық — гражданство');
    await act(() => button.click());
    expect(root.querySelector('.atz-card')!.getAttribute('data-entry-id')).toBe('citizenship');
    expect(root.querySelector('.atz-equivalent-term')!.textContent).toBe('гражданство');
    expect(root.querySelector('.atz-definition')!.textContent).toBe(
      'адамның мемлекетпен байланысы',
    );
    await act(() => root.querySelector<HTMLElement>('.atz-sense[data-entry-id="civil"]')!.click());
    expect(root.querySelector('.atz-card')!.getAttribute('data-entry-id')).toBe('civil');
    render(null, root);
  });

  test('a card without other senses has no senses row', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(h(TermCard, { entry, lang: 'ru' }), root);
    expect(root.querySelector('.atz-senses')).toBeNull();
    render(null, root);
  });
});
