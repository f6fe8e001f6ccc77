/**
 * TBX (ISO 30042) export as TBX v3, TBX-Basic dialect, DCA style; import of
 * TBX v3 (`<tbx>`, conceptEntry/langSec/termSec) and TBX v2 (`<martif>`,
 * termEntry/langSet/tig or ntig).
 *
 * Mapping: one concept entry per glossary entry; a language section per
 * language (kk, ru, and en when the entry has an English term); the term
 * first, then the variants, each with its `administrativeStatus` (TBX-Basic's
 * picklist): the entry's `status` for the term, `variantStatus` for a variant
 * (admitted when not given) — preferred → preferredTerm-admn-sts, admitted →
 * admittedTerm-admn-sts, historical → supersededTerm-admn-sts; on import
 * deprecatedTerm-admn-sts reads as historical too. The definition is a
 * `descrip type="definition"`; tags are `descrip type="subjectField"`.
 * Citations and context rules (sense, quiet) have no TBX-Basic field of their
 * own: each is a concept-level `<note>` holding `atazan-citation:` (or
 * `atazan-sense:`, `atazan-quiet:`) and the value as JSON, so our own files
 * round-trip without loss and other tools show it as a note.
 */
import type { WhereInfo } from '../errors';
import type { Citation, Entry, Lang, TermStatus } from '../types';
import { checkEntries, ImportError } from './entries';
import { elements, escapeXml, parseXml, textOf, type XmlElement } from './xml';

const CITATION_NOTE = 'atazan-citation:';
const SENSE_NOTE = 'atazan-sense:';
const QUIET_NOTE = 'atazan-quiet:';
/** The schemas an export names in its `xml-model` instructions (tests/fixtures/tbx holds a copy of the RNG). */
export const TBX_CORE_RNG =
  'https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng';
export const TBX_BASIC_SCH =
  'https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch';
const PREFERRED = 'preferredTerm-admn-sts';

/** Our statuses as TBX-Basic's administrativeStatus values. */
const ADMIN_STATUS: Readonly<Record<TermStatus, string>> = {
  preferred: PREFERRED,
  admitted: 'admittedTerm-admn-sts',
  historical: 'supersededTerm-admn-sts',
};

/** A TBX administrativeStatus as our status (deprecated terms read as historical). */
function statusOf(value: string): TermStatus | null {
  if (value.startsWith('preferred')) return 'preferred';
  if (value.startsWith('admitted')) return 'admitted';
  if (value.startsWith('superseded') || value.startsWith('deprecated')) return 'historical';
  return null;
}
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
    if (e.sense)
      out.push(`        <note>${escapeXml(SENSE_NOTE + JSON.stringify(e.sense))}</note>`);
    if (e.quiet)
      out.push(`        <note>${escapeXml(QUIET_NOTE + JSON.stringify(e.quiet))}</note>`);
    for (const lang of ['kk', 'ru'] as const) {
      const side = e[lang];
      out.push(`        <langSec xml:lang="${lang}">`);
      if (side.definition)
        out.push(`          <descrip type="definition">${escapeXml(side.definition)}</descrip>`);
      out.push(termSec(side.term, ADMIN_STATUS[e.status ?? 'preferred']));
      for (const v of side.variants)
        out.push(termSec(v, ADMIN_STATUS[side.variantStatus?.[v] ?? 'admitted']));
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
  /** The term's administrativeStatus, when it has one we know. */
  status: TermStatus | null;
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
        status: status ? statusOf(textOf(status).trim()) : null,
      },
    ];
  });
}

export function importTbx(text: string): Entry[] {
  // A broken file's XmlError carries its code and line (glossary/errors.ts).
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
    type Side = {
      term: string;
      variants: string[];
      definition: string;
      variantStatus?: Record<string, TermStatus>;
    };
    const sides: Record<'kk' | 'ru', Side> = {
      kk: { term: '', variants: [], definition: '' },
      ru: { term: '', variants: [], definition: '' },
    };
    /** The status of the term of each language (the entry's status when they agree). */
    const termStatus: (TermStatus | null)[] = [];
    let en = '';
    for (const section of elements(concept, sectionName)) {
      const lang = langOf(section);
      if (lang === null) continue;
      const terms = termsOf(section);
      // The term: the first, unless it is only admitted (or unmarked) and a later one is preferred.
      // (A historical entry exports its term first, as superseded.)
      const first =
        terms[0]?.status === 'historical'
          ? terms[0]
          : (terms.find((t) => t.status === 'preferred') ?? terms[0]);
      if (lang === 'en') {
        en ||= first?.term ?? '';
        continue;
      }
      const side = sides[lang];
      if (!side.term && first) {
        side.term = first.term;
        termStatus.push(first.status);
      }
      for (const t of terms) {
        if (t.term === side.term) continue;
        side.variants.push(t.term);
        if (t.status && t.status !== 'admitted') (side.variantStatus ??= {})[t.term] = t.status;
      }
      side.definition ||= descripsOf(section, 'definition')[0] ?? '';
    }
    const citations: Citation[] = [];
    let sense: unknown;
    let quiet: unknown;
    for (const note of elements(concept, 'note')) {
      const body = textOf(note).trim();
      const prefix = [CITATION_NOTE, SENSE_NOTE, QUIET_NOTE].find((p) => body.startsWith(p));
      if (!prefix) continue;
      try {
        const value: unknown = JSON.parse(body.slice(prefix.length));
        if (prefix === CITATION_NOTE) citations.push(value as Citation);
        else if (prefix === SENSE_NOTE) sense = value;
        else quiet = value;
      } catch {
        // A hand-edited note that no longer parses: keep the terms, drop the note.
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
    // The entry's status: the status its terms share, when not preferred.
    const known = termStatus.filter((t): t is TermStatus => t !== null);
    if (known.length > 0 && known.every((t) => t === known[0]) && known[0] !== 'preferred')
      entry.status = known[0];
    if (sense !== undefined) entry.sense = sense;
    if (quiet !== undefined) entry.quiet = quiet;
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
