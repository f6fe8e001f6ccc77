/**
 * Which section a text node is in (the `first` mode's unit), and document
 * order across an open shadow root, in a DOM without a browser: a table of
 * paragraphs and the section each shares a key with.
 */
import { expect, test } from 'vitest';
import { Window } from 'happy-dom';

const win = new Window({ url: 'https://example.kz/' });
const g = globalThis as Record<string, unknown>;
for (const name of ['document', 'Node', 'Element', 'ShadowRoot']) {
  g[name] = (win as unknown as Record<string, unknown>)[name];
}
const { SectionKeys, compareComposed } = await import('../../../entrypoints/content/sections');

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

const text = (id: string): Node =>
  (doc.getElementById(id) ?? shadow.getElementById(id))!.firstChild!;

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
  const keys = new SectionKeys();
  expect(keys.key(text(a)) === keys.key(text(b))).toBe(same);
});

test('document order reaches into an open shadow root', () => {
  expect(compareComposed(text('a1'), text('a2'))).toBe(-1);
  expect(compareComposed(text('a2'), text('a1'))).toBe(1);
  expect(compareComposed(text('after-article'), text('inner'))).toBe(-1);
  expect(compareComposed(text('inner'), text('nav'))).toBe(1);
  expect(compareComposed(host, text('inner'))).toBe(-1);
});
