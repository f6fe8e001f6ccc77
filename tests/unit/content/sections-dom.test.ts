/**
 * Which section a text node is in (the `first` mode's unit), and document
 * order into an open shadow root, in a DOM without a browser: a table of
 * paragraph pairs and whether they share a section.
 */
import { expect, test } from 'vitest';
import { installWindow } from '../support/window';

const win = installWindow('https://example.kz/');
const { orderedTexts } = await import('../../../entrypoints/content/sections');

const doc = win.document as unknown as Document;
doc.body.innerHTML = `
<header><p id="nav">menu</p></header>
<main>
  <h1>Act</h1><p id="intro">intro</p>
  <h3>Article 1</h3><p id="a1">one</p><p id="a1b">one more</p>
  <h3>Article 2</h3><p id="a2">two</p>
  <article><p id="art-top">in article</p><h4>Part</h4><p id="art-part">part</p></article>
  <p id="after-article">after the article</p>
</main>
<law-note id="host"></law-note>`;
const host = doc.getElementById('host')!;
const shadow = host.attachShadow({ mode: 'open' });
shadow.innerHTML = '<p id="inner">shadow text</p>';

const idOf = (node: Node): string => (node.parentNode as Element).id;
const all = orderedTexts(doc.body, (t) => idOf(t) !== '');
const sectionOf = new Map(all.map(({ node, section }) => [idOf(node), section]));

// Pairs of paragraphs and whether they are in one section.
const cases: [string, string, boolean][] = [
  ['a1', 'a1b', true], // same heading run
  ['a1', 'a2', false], // the next article's heading
  ['intro', 'a1', false],
  ['nav', 'intro', false], // the header is in the body, the act in <main>
  ['art-top', 'art-part', false], // a heading inside the <article>
  ['art-top', 'a2', false], // a nested sectioning element is its own section
  ['after-article', 'a2', true], // back in <main>, still under "Article 2"
  ['inner', 'nav', true], // a shadow root's text is in its host's section
];

test.each(cases)('%s and %s in one section: %s', (a, b, same) => {
  expect(sectionOf.get(a)).toBeDefined();
  expect(sectionOf.get(a) === sectionOf.get(b)).toBe(same);
});

test('document order, into an open shadow root at its host, only the wanted nodes', () => {
  expect(all.map(({ node }) => idOf(node))).toEqual([
    'nav',
    'intro',
    'a1',
    'a1b',
    'a2',
    'art-top',
    'art-part',
    'after-article',
    'inner',
  ]);
  const some = orderedTexts(doc.body, (t) => idOf(t) === 'a2' || idOf(t) === 'inner');
  expect(some.map(({ node }) => idOf(node))).toEqual(['a2', 'inner']);
});
