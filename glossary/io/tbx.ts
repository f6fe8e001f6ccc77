/**
 * TBX (ISO 30042) export as TBX v3, TBX-Basic dialect, DCA style; import of
 * TBX v3 (`<tbx>`, conceptEntry/langSec/termSec) and TBX v2 (`<martif>`,
 * termEntry/langSet/tig or ntig).
 *
 * Mapping: one concept entry per glossary entry; a language section per
 * language (kk, ru, and en when the entry has an English term); the term is
 * the preferredTerm, variants are admittedTerms; the definition is a
 * `descrip type="definition"`; tags are `descrip type="subjectField"`.
 * Citations have no TBX-Basic field of their own: each is a concept-level
 * `<note>` holding `atazan-citation:` and the citation as JSON, so our own
 * files round-trip without loss and other tools show it as a note.
 */
import type { WhereInfo } from '../../lib/errors';
import type { Citation, Entry, Lang } from '../types';
import { checkEntries, ImportError } from './entries';
import { elements, escapeXml, parseXml, textOf, type XmlElement } from './xml';

const CITATION_NOTE = 'atazan-citation:';
/** The schemas an export names in its `xml-model` instructions (tests/fixtures/tbx holds a copy of the RNG). */
export const TBX_CORE_RNG =
  'https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng';
export const TBX_BASIC_SCH =
  'https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch';
const PREFERRED = 'preferredTerm-admn-sts';
const ADMITTED = 'admittedTerm-admn-sts';
/** The elements that hold one term with its notes, in v3 and v2. */
const TERM_GROUPS = new Set(['termSec', 'tig', 'ntig']);

export function exportTbx(entries: readonly Entry[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // TBX-Core's structure (RELAX NG) and TBX-Basic's dialect rules (Schematron), as TBX-Basic 1.2.1
    // (2023) points to them; the integrated TBX-Basic RNG was removed then.
    `<?xml-model href="${TBX_CORE_RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
    `<?xml-model href="${TBX_BASIC_SCH}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>`,
    '<tbx type="TBX-Basic" style="dca" xml:lang="kk" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc><p>Ata Zan glossary export</p></sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const e of entries) {
    out.push(`      <conceptEntry id="${escapeXml(e.id)}">`);
    for (const tag of e.tags)
      out.push(`        <descrip type="subjectField">${escapeXml(tag)}</descrip>`);
    for (const c of e.citations)
      out.push(`        <note>${escapeXml(CITATION_NOTE + JSON.stringify(c))}</note>`);
    for (const lang of ['kk', 'ru'] as const) {
      const side = e[lang];
      out.push(`        <langSec xml:lang="${lang}">`);
      if (side.definition)
        out.push(`          <descrip type="definition">${escapeXml(side.definition)}</descrip>`);
      out.push(termSec(side.term, PREFERRED));
      for (const v of side.variants) out.push(termSec(v, ADMITTED));
      out.push('        </langSec>');
    }
    if (e.en) {
      out.push(
        '        <langSec xml:lang="en">',
        termSec(e.en.term, PREFERRED),
        '        </langSec>',
      );
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

function termSec(term: string, status: string): string {
  return `          <termSec><term>${escapeXml(term)}</term><termNote type="administrativeStatus">${status}</termNote></termSec>`;
}

/** The primary subtag of xml:lang, when it is one of ours. */
function langOf(el: XmlElement): Lang | 'en' | null {
  const tag = (el.attrs['xml:lang'] ?? el.attrs.lang ?? '').toLowerCase().split(/[-_]/)[0];
  return tag === 'kk' || tag === 'ru' || tag === 'en' ? tag : null;
}

/** Descendants with a name, in document order. */
function descendants(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of elements(el)) {
    if (c.name === name) found.push(c);
    found.push(...descendants(c, name));
  }
  return found;
}

function descripsOf(el: XmlElement, type: string): string[] {
  return descendants(el, 'descrip')
    .filter((d) => d.attrs.type === type)
    .map((d) => textOf(d).trim())
    .filter((s) => s.length > 0);
}

interface TermInfo {
  term: string;
  preferred: boolean;
}

/** Terms of a language section: v3 termSec, v2 tig or ntig/termGrp. */
function termsOf(section: XmlElement): TermInfo[] {
  const groups = elements(section).filter((c) => TERM_GROUPS.has(c.name));
  return groups.flatMap((g) => {
    const term = descendants(g, 'term')[0];
    if (!term) return [];
    const status = descendants(g, 'termNote').find((n) => n.attrs.type === 'administrativeStatus');
    return [
      {
        term: textOf(term).trim(),
        preferred: status ? textOf(status).trim().startsWith('preferred') : false,
      },
    ];
  });
}

export function importTbx(text: string): Entry[] {
  // A broken file's XmlError carries its code and line (lib/errors.ts).
  const root: XmlElement = parseXml(text);
  const v3 = root.name === 'tbx';
  if (!v3 && root.name !== 'martif') {
    throw new ImportError('import.tbx.notTbx', { root: root.name });
  }
  const conceptName = v3 ? 'conceptEntry' : 'termEntry';
  const sectionName = v3 ? 'langSec' : 'langSet';
  const concepts = descendants(root, conceptName);
  if (concepts.length === 0)
    throw new ImportError('import.tbx.noConcepts', { element: conceptName });

  const raw = concepts.map((concept) => {
    const sides: Record<'kk' | 'ru', { term: string; variants: string[]; definition: string }> = {
      kk: { term: '', variants: [], definition: '' },
      ru: { term: '', variants: [], definition: '' },
    };
    let en = '';
    for (const section of elements(concept, sectionName)) {
      const lang = langOf(section);
      if (lang === null) continue;
      const terms = termsOf(section);
      const first = terms.find((t) => t.preferred) ?? terms[0];
      if (lang === 'en') {
        en ||= first?.term ?? '';
        continue;
      }
      const side = sides[lang];
      if (!side.term && first) side.term = first.term;
      side.variants.push(...terms.map((t) => t.term).filter((t) => t !== side.term));
      side.definition ||= descripsOf(section, 'definition')[0] ?? '';
    }
    const citations: Citation[] = [];
    for (const note of elements(concept, 'note')) {
      const body = textOf(note).trim();
      if (!body.startsWith(CITATION_NOTE)) continue;
      try {
        citations.push(JSON.parse(body.slice(CITATION_NOTE.length)) as Citation);
      } catch {
        // A hand-edited note that no longer parses: keep the terms, drop the citation.
      }
    }
    const entry: Record<string, unknown> = {
      id: concept.attrs.id ?? '',
      kk: sides.kk,
      ru: sides.ru,
      citations,
      tags: elements(concept, 'descrip')
        .filter((d) => d.attrs.type === 'subjectField')
        .map((d) => textOf(d).trim()),
    };
    if (en) entry.en = { term: en };
    return entry;
  });
  return checkEntries(raw, (i) => {
    const id = concepts[i]?.attrs.id;
    const where: WhereInfo = id
      ? { code: 'where.conceptId', params: { n: i + 1, id } }
      : { code: 'where.concept', params: { n: i + 1 } };
    return where;
  });
}
