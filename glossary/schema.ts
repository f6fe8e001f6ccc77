/**
 * The schema of the bundled glossary files (glossary/data/*.json), written with
 * valibot. The tests validate every data file with `parseGlossaryFile`; the
 * extension itself does not validate bundled data at runtime.
 */
import * as v from 'valibot';
import { CODE_SLUGS, TERM_STATUSES } from './codes';
import type { Entry, GlossaryFile } from './types';

/**
 * The fixed list of tags an entry may carry. Add a tag here (and to
 * glossary/README.md) before using it in a data file.
 */
export const TAGS = [
  /** Anything the Constitution itself names or establishes. Requires at least one citation. */
  'constitutional-law',
  /** The foundations: the people, sovereignty, the form of the state, its values and principles. */
  'fundamental-principles',
  /** State bodies and offices in general. */
  'state-bodies',
  /** The President and the Vice-President. */
  'president',
  /** The Kurultai (and the 1995 Parliament: Senate, Mazhilis), deputies, parliamentary procedure. */
  'parliament',
  /** The Government, ministers, the central executive. */
  'government',
  /** Rights and freedoms of a person and a citizen. */
  'rights-and-freedoms',
  /** Constitutional duties. */
  'duties',
  /** Citizenship, nationals, foreigners, stateless persons. */
  'citizenship',
  /** The state language, the Russian language, languages of the people. */
  'languages',
  /** The flag, the emblem, the anthem, the capital. */
  'state-symbols',
  /** Elections, electoral rights, candidates. */
  'elections',
  /** Referendums. */
  'referendum',
  /** Lawmaking: bills, readings, signature, promulgation, legislative initiative. */
  'legislation',
  /** Kinds of normative legal acts and their hierarchy. */
  'normative-acts',
  /** Courts, judges, jurors, principles of justice. */
  'judiciary',
  /** The Constitutional Court and constitutional review. */
  'constitutional-review',
  /** The prosecutor's office. */
  'prosecution',
  /** The human rights commissioner and other protection of rights. */
  'human-rights-protection',
  /** Maslikhats, akims, local self-government, administrative-territorial units. */
  'local-government',
  /** Property, ownership, enterprise. */
  'property',
  /** Land, subsoil, water, natural resources, environment. */
  'land-and-resources',
  /** The economy, the budget, finance, taxes as public finance. */
  'economy',
  /** Social protection, health, education, labour as social rights. */
  'social',
  /** Marriage, family, childhood. */
  'family',
  /** Defence, security, state of emergency, martial law. */
  'defence-and-security',
  /** International treaties, foreign relations, international law. */
  'international',
  /** Amending and revising the Constitution. */
  'constitutional-amendment',
  /** Civil procedure. */
  'civil-procedure',
  /** Criminal procedure. */
  'criminal-procedure',
  /** Administrative law and administrative offences. */
  'administrative',
  /** Administrative procedure (administrative justice, appeals against administrative acts). */
  'administrative-procedure',
  /** Civil law (obligations, contracts, persons). */
  'civil-law',
  /** Criminal law (crimes, punishment). */
  'criminal-law',
  /** Labour law. */
  'labour',
  /** Tax law. */
  'tax',
  /** Terms of the 1995 Constitution and earlier institutions that the 2026 Constitution no longer uses. */
  'historical',
] as const;

export type Tag = (typeof TAGS)[number];

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** A non-empty string with no leading or trailing whitespace. */
const Text = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.check((s) => s.trim() === s, 'must not have leading or trailing whitespace'),
);

const Status = v.picklist(TERM_STATUSES, 'must be "preferred", "admitted" or "historical"');

const TermSideSchema = v.pipe(
  v.strictObject({
    term: Text,
    variants: v.array(Text, 'must be an array of strings'),
    definition: Text,
    variantStatus: v.optional(v.record(Text, Status)),
  }),
  v.forward(
    v.check(
      (s) => Object.keys(s.variantStatus ?? {}).every((k) => s.variants.includes(k)),
      "must only give the status of the side's own variants",
    ),
    ['variantStatus'],
  ),
);

const Article = v.pipe(
  Text,
  v.regex(/^[0-9]+(-[0-9]+)?$/, 'must be an article number such as "76" or "83-1"'),
);

const ConstitutionCitationSchema = v.strictObject({
  edition: v.picklist(['2026', '1995'], 'must be "2026" or "1995"'),
  article: Article,
  clause: v.nullable(
    v.pipe(Text, v.regex(/^[0-9]+(-[0-9]+)?$/, 'must be a clause number such as "1" or "3-1"')),
  ),
  quote: v.strictObject({ kk: Text, ru: Text }),
  mentions: v.optional(v.boolean('must be a boolean')),
});

const CodeCitationSchema = v.strictObject({
  code: v.picklist(CODE_SLUGS, 'must be a code slug of glossary/sources/codes'),
  edition: v.pipe(Text, v.isoDate('must be the edition date, YYYY-MM-DD')),
  article: Article,
  clause: v.nullable(
    v.pipe(
      Text,
      v.regex(
        /^([0-9]+(-[0-9]+)?|intro)$/,
        'must be a clause number such as "1", "3-1" or "intro"',
      ),
    ),
  ),
  quote: v.strictObject({ kk: Text, ru: Text }),
  mentions: v.optional(v.boolean('must be a boolean')),
});

const CitationSchema = v.union(
  [CodeCitationSchema, ConstitutionCitationSchema],
  'must be a Constitution citation (edition, article, clause, quote) or a code citation (code, edition, article, clause, quote)',
);

const Words = v.array(Text, 'must be an array of strings');

const WordTestSchema = v.strictObject({
  words: v.optional(Words),
  prefixes: v.optional(Words),
  suffixes: v.optional(Words),
});

const ContextRuleSchema = v.pipe(
  v.strictObject({
    form: v.optional(v.picklist(['bare', 'inflected'], 'must be "bare" or "inflected"')),
    forms: v.optional(Words),
    prev: v.optional(WordTestSchema),
    next: v.optional(WordTestSchema),
    notPrev: v.optional(WordTestSchema),
    notNext: v.optional(WordTestSchema),
    legalContext: v.optional(v.literal(true, 'must be true or absent')),
  }),
  v.check((r) => Object.keys(r).length > 0, 'must hold at least one condition'),
);

const Rules = v.pipe(
  v.array(ContextRuleSchema, 'must be an array of context rules'),
  v.minLength(1, 'must hold at least one rule'),
);

const SenseSchema = v.strictObject({
  group: v.pipe(Text, v.regex(ID_RE, 'must be a lowercase ASCII slug (a-z, 0-9, -)')),
  when: v.optional(Rules),
});

const QuietSchema = v.strictObject({
  lang: v.picklist(['kk', 'ru'], 'must be "kk" or "ru"'),
  terms: v.optional(Words),
  when: Rules,
});

const EntrySchema = v.pipe(
  v.strictObject({
    id: v.pipe(Text, v.regex(ID_RE, 'must be a lowercase ASCII slug (a-z, 0-9, -)')),
    kk: TermSideSchema,
    ru: TermSideSchema,
    en: v.optional(v.strictObject({ term: Text })),
    citations: v.array(CitationSchema, 'must be an array'),
    tags: v.pipe(
      v.array(v.picklist(TAGS, 'must be one of the tags listed in glossary/schema.ts')),
      v.minLength(1, 'must hold at least one tag'),
      v.check((t) => new Set(t).size === t.length, 'must not repeat a tag'),
    ),
    status: v.optional(Status),
    sense: v.optional(SenseSchema),
    quiet: v.optional(v.array(QuietSchema, 'must be an array of quiet rules')),
  }),
  v.forward(
    v.check(
      (e) => !e.tags.includes('constitutional-law') || e.citations.some((c) => !('code' in c)),
      'a constitutional-law entry must cite the Constitution at least once',
    ),
    ['citations'],
  ),
  v.forward(
    v.check(
      (e) =>
        (e.quiet ?? []).every((q) =>
          (q.terms ?? []).every((t) => t === e[q.lang].term || e[q.lang].variants.includes(t)),
        ),
      "a quiet rule must name only the entry's own terms of its language",
    ),
    ['quiet'],
  ),
);

const FileSchema = v.strictObject({
  version: v.pipe(
    Text,
    v.regex(/^[0-9]+(\.[0-9]+)*$/, 'must be a dotted version such as "2026.11.1"'),
  ),
  entries: v.array(v.unknown(), 'must be an array'),
});

export type EntryInput = v.InferOutput<typeof EntrySchema>;

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/**
 * Validate one bundled glossary file. Returns the file (its version and its
 * entries) or throws an Error naming the file, the entry (id, or index when it
 * has no usable id) and the field at fault.
 */
export function parseGlossary(json: unknown, fileName: string): GlossaryFile {
  const file = v.safeParse(FileSchema, json);
  if (!file.success) {
    const issue = file.issues[0];
    throw new Error(`${fileName}: ${pathOf(issue) || '(file)'}: ${issue.message}`);
  }
  const entries: Entry[] = [];
  file.output.entries.forEach((raw, index) => {
    const res = v.safeParse(EntrySchema, raw);
    if (res.success) {
      entries.push(res.output);
      return;
    }
    const id =
      raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string'
        ? `"${raw.id}"`
        : '(no id)';
    const issue = res.issues[0];
    throw new Error(
      `${fileName}: entry #${index} ${id}: ${pathOf(issue) || '(entry)'}: ${issue.message}`,
    );
  });
  return { version: file.output.version, entries };
}

/** Validate one bundled glossary file and return its entries (see `parseGlossary`). */
export function parseGlossaryFile(json: unknown, fileName: string): Entry[] {
  return parseGlossary(json, fileName).entries;
}

/**
 * The context rules (`sense`, `quiet`) of an entry from outside the bundled
 * data (a personal entry, a glossary file given to the CLI), checked against
 * the same schema; absent fields stay absent. Throws an Error naming the field.
 */
export function parseContextRules(raw: {
  sense?: unknown;
  quiet?: unknown;
}): Pick<Entry, 'sense' | 'quiet'> {
  const out: Pick<Entry, 'sense' | 'quiet'> = {};
  if (raw.sense !== undefined) {
    const r = v.safeParse(SenseSchema, raw.sense);
    if (!r.success) throw new Error(`sense.${pathOf(r.issues[0])}: ${r.issues[0].message}`);
    out.sense = r.output;
  }
  if (raw.quiet !== undefined) {
    const r = v.safeParse(v.array(QuietSchema, 'must be an array of quiet rules'), raw.quiet);
    if (!r.success) throw new Error(`quiet.${pathOf(r.issues[0])}: ${r.issues[0].message}`);
    out.quiet = r.output;
  }
  return out;
}

export { compareVersions } from './version';
