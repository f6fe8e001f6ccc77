/**
 * The error messages in English, the reference language (every code exists
 * here; glossary/error-messages.ts adds Kazakh and Russian with the same
 * keys), and how a message is put together. Apart from the other languages
 * because the background and the CLI, which word errors only for logs and the
 * console, need English alone.
 */
const en = {
  // The channel to the background and anything unforeseen.
  'error.restarted': 'The extension was restarted. Please try again.',
  'error.internal': 'Ata Zan could not do that. Please try again.',
  // A file as a whole.
  'import.tooLarge': 'The file is {size} MB; the limit is {limit} MB.',
  'import.binary': 'The file is not text.',
  'import.unknownEncoding':
    'The text encoding of the file was not recognised. Save it as UTF-8 (or UTF-16, or Windows Cyrillic, windows-1251).',
  'import.empty': 'The file holds no entries.',
  'import.notJson': 'The file is not valid JSON.',
  'import.jsonShape': 'A JSON file must hold a list of entries, or an object with an entries list.',
  'import.csv.unknownColumns': 'Unknown columns: {columns}. Expected: {expected}.',
  'import.csv.missingColumns': 'Required columns are missing: {columns}.',
  'import.csv.quotes': 'A quoted cell is never closed.',
  'import.csv.fieldCount': 'The row has a different number of cells from the header.',
  'import.csv.citations': 'The citations cell is not a JSON list.',
  'import.csv.json': 'The {column} cell is not valid JSON.',
  'import.tbx.notTbx': 'Not a TBX file: the root element is <{root}>, not <tbx> or <martif>.',
  'import.tbx.noConcepts': 'The file holds no <{element}> elements.',
  'import.notList': 'The entries to import must be a list.',
  'import.policy': 'Unknown duplicate policy.',
  // Broken XML (the place is the line and column).
  'xml.nameExpected': 'Broken XML: a name was expected.',
  'xml.badAmp': 'Broken XML: an “&” that starts no entity.',
  'xml.badCharRef': 'Broken XML: bad character reference &{ref};.',
  'xml.unknownEntity': 'Broken XML: unknown entity &{ref};.',
  'xml.unclosedPi': 'Broken XML: a processing instruction is never closed.',
  'xml.unclosedComment': 'Broken XML: a comment is never closed.',
  'xml.doctype': 'The file has a DOCTYPE, which is not allowed in an imported file.',
  'xml.elementExpected': 'Broken XML: an element was expected.',
  'xml.tagNotClosed': 'Broken XML: the tag <{name}> is not closed.',
  'xml.eqExpected': 'Broken XML: “=” expected after the attribute {attr}.',
  'xml.quoteExpected': 'Broken XML: a quoted value expected for the attribute {attr}.',
  'xml.attrNotClosed': 'Broken XML: the value of the attribute {attr} is not closed.',
  'xml.ltInAttr': 'Broken XML: “<” inside the value of the attribute {attr}.',
  'xml.neverClosed': 'Broken XML: the element <{name}> is never closed.',
  'xml.mismatch': 'Broken XML: </{closing}> closes <{name}>.',
  'xml.gtExpected': 'Broken XML: “>” expected after </{closing}.',
  'xml.unclosedCdata': 'Broken XML: a CDATA section is never closed.',
  'xml.declaration': 'Broken XML: a declaration inside an element.',
  'xml.noElement': 'The file holds no XML element.',
  'xml.afterRoot': 'Broken XML: content after the root element.',
  // One entry.
  'entry.notObject': 'An entry must be an object.',
  'entry.required': '{field} is required.',
  'entry.notString': '{field} must be text.',
  'entry.notList': '{field} must be a list.',
  'entry.tooLong': '{field} is too long: {length} characters; the limit is {max}.',
  'entry.tooMany': '{field}: {count} items; the limit is {max}.',
  'entry.citation.notObject': 'Citation {n} must be an object.',
  'entry.rules': 'The entry’s context rules (senses, quiet words) are not valid.',
  'entry.citation.edition': 'Citation {n}: the edition must be 2026 or 1995.',
  'entry.citation.code': 'Citation {n}: unknown code.',
  'entry.citation.noClause':
    'Citation {n}: the Constitution ({edition}) has no article {article}, clause {clause}.',
  'entry.citation.noArticle':
    'Citation {n}: the Constitution ({edition}) has no article {article}.',
  'entry.citation.quote': 'Citation {n}: the quote is not in the text of the clause ({lang}).',
  'entry.bundledDelete': 'A bundled entry cannot be deleted, only edited.',
  'entry.restoreNeedsId': 'Only an entry with its id can be restored.',
  'batch.notFound': 'This change can no longer be undone.',
  // Requests.
  'request.noType': 'The request has no type.',
  'request.unknownType': 'Unknown request.',
  'request.idRequired': 'An entry id is required.',
  'request.ids': 'The entries must be given as a list of ids.',
  'request.texts': 'The texts to scan must be a list of strings.',
  'request.tooMuchText': 'At most {max} characters can be scanned at once.',
  'request.source': 'Unknown source of entries.',
  'request.url': 'Not a web address.',
  'request.place':
    'No such place in the Constitution (edition 2026 or 1995, an article and clause number).',
  // Settings.
  'settings.patch': 'The settings change must be an object.',
  'settings.enabled': 'The highlighting switch must be on or off.',
  'settings.openPdfs': 'The PDF switch must be on or off.',
  'settings.sites': 'The sites must be a list of host names.',
  'settings.mode': 'Unknown highlight mode.',
  'settings.look': 'Unknown highlight style.',
  'settings.muted': 'The muted terms must be a list of entry ids.',
  'settings.language': 'Unknown interface language.',
  'settings.colors': 'The colours must be an object.',
  'settings.colorKind': 'Unknown highlight kind.',
  'settings.color': 'Not a CSS colour.',
  'import.cancelled': 'The import was cancelled; nothing was saved.',
  'request.tooMany': 'At most {max} entries can be sent at once.',
  'request.query': 'The search text must be a string.',
  'request.sort': 'Unknown order of entries.',
  'request.range': 'A page of entries starts at 0 or later and holds 1 to {max} rows.',
  'request.lang': 'The language of a term must be Kazakh or Russian.',
  'import.expired':
    'The import was interrupted (the extension was restarted); nothing was saved. Please import the file again.',
};

export type ErrorCode = keyof typeof en;

/** Where in a file: prefixed to the message, "Row 4: …". */
const whereEn = {
  'where.entry': 'Entry {n}',
  'where.row': 'Row {n}',
  'where.concept': 'Concept {n}',
  'where.conceptId': 'Concept {n} (id {id})',
  'where.header': 'Header (line 1)',
  'where.line': 'Line {line}, column {column}',
};
export type WhereCode = keyof typeof whereEn;

/** The fields an error can name (`field` parameter). */
const fieldEn = {
  id: 'Id',
  'kk.term': 'Kazakh term',
  'kk.variants': 'Kazakh variants',
  'kk.variant': 'A Kazakh variant',
  'kk.definition': 'Kazakh definition',
  'ru.term': 'Russian term',
  'ru.variants': 'Russian variants',
  'ru.variant': 'A Russian variant',
  'ru.definition': 'Russian definition',
  'en.term': 'English term',
  tags: 'Tags',
  tag: 'A tag',
  citations: 'Citations',
  'citation.edition': 'Citation {n}: edition',
  'citation.article': 'Citation {n}: article',
  'citation.clause': 'Citation {n}: clause',
  'citation.quote.kk': 'Citation {n}: Kazakh quote',
  'citation.quote.ru': 'Citation {n}: Russian quote',
};
export type FieldCode = keyof typeof fieldEn;

type Params = Record<string, string | number>;

/** A language's messages, the places they point to, its field and language names. */
export interface ErrorTables {
  errors: Record<ErrorCode, string>;
  where: Record<WhereCode, string>;
  fields: Record<FieldCode, string>;
  langNames: Record<string, string>;
}

export const ENGLISH_ERRORS: ErrorTables = {
  errors: en,
  where: whereEn,
  fields: fieldEn,
  langNames: { kk: 'Kazakh', ru: 'Russian' },
};

/** Whether `x` is one of our error codes. */
export function isErrorCodeKey(x: string): x is ErrorCode {
  return Object.hasOwn(en, x);
}

/** A message with its `{name}` placeholders filled; a placeholder without a value stays as written. */
export function fillPlaceholders(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translate the parameters that are our own identifiers (a field, a language). */
function localParams(tables: ErrorTables, params: Params): Params {
  const out = { ...params };
  if (typeof out.field === 'string' && Object.hasOwn(fieldEn, out.field)) {
    out.field = fillPlaceholders(tables.fields[out.field as FieldCode], params);
  }
  if (typeof out.lang === 'string' && tables.langNames[out.lang]) {
    out.lang = tables.langNames[out.lang]!;
  }
  return out;
}

export interface ErrorInfoText {
  code: ErrorCode;
  params?: Params;
  where?: { code: WhereCode; params?: Params };
}

/** An error in the language of `tables`: "Row 4: Russian term is required." */
export function formatErrorWith(tables: ErrorTables, info: ErrorInfoText): string {
  const template = tables.errors[info.code] ?? en[info.code] ?? info.code;
  const text = fillPlaceholders(template, localParams(tables, info.params ?? {}));
  if (!info.where) return text;
  const where = tables.where[info.where.code] ?? info.where.code;
  return `${fillPlaceholders(where, info.where.params ?? {})}: ${text}`;
}
