/**
 * Every error the reader can meet is a code with parameters, translated from
 * the message catalogue (glossary/error-messages.ts): each code has Kazakh, Russian and
 * English text with the same placeholders, and no English word reaches the
 * Russian and Kazakh interfaces on any error path — file import (every
 * format, every XML fault), entry validation and limits, requests to the
 * background, settings, and a message channel the browser closed.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { AtaZanDatabase } from '../../../db/database';
import { GlossaryService } from '../../../entrypoints/background/requests';
import { validateEntry } from '../../../glossary/entry-model';
import { checkImportSize, decodeText, MAX_IMPORT_BYTES, parseImport } from '../../../glossary/io';
import { LIMITS } from '../../../glossary/limits';
import { channelError, CodedError, errorInfoOf, type ErrorInfo } from '../../../glossary/errors';
import { translator, UI_LANGS } from '../../../lib/i18n';
import {
  ERROR_STRINGS,
  FIELD_STRINGS,
  WHERE_STRINGS,
  formatError,
  type ErrorCode,
} from '../../../glossary/error-messages';
import { UI_STRINGS } from '../../../lib/i18n/ui';

/**
 * Latin words allowed in Kazakh and Russian text: names of formats, encodings
 * and the XML elements a TBX file must have, which are written so in every language.
 */
const ALLOWED = new Set([
  'JSON',
  'PDF',
  'CSV',
  'TBX',
  'XML',
  'UTF',
  'DOCTYPE',
  'CDATA',
  'CSS',
  'Windows',
  'windows',
  'Excel',
  'entries',
  'tbx',
  'martif',
  'v2',
  'v3',
  'example',
  'kz',
  'Enter',
]);
/** Latin words of a text; placeholders (`{count}`) are not words. */
const englishWords = (s: string) =>
  (s.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter(
    (w) => w.length > 1 && !ALLOWED.has(w),
  );

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  test('every error code, place and field has kk, ru and en text with the same placeholders', () => {
    for (const table of [ERROR_STRINGS, WHERE_STRINGS, FIELD_STRINGS] as Record<
      string,
      Record<string, string>
    >[]) {
      const keys = Object.keys(table.en!).sort();
      for (const lang of UI_LANGS) {
        expect(Object.keys(table[lang]!).sort(), lang).toEqual(keys);
        for (const k of keys) {
          const s = table[lang]![k]!;
          expect(s.trim(), `${lang} ${k}`).not.toBe('');
          expect(holes(s), `${lang} ${k}`).toEqual(holes(table.en![k]!));
          if (lang !== 'en') expect(englishWords(s), `${lang} ${k}: ${s}`).toEqual([]);
        }
      }
    }
  });

  test('no English word in the Kazakh and Russian interface strings', () => {
    for (const lang of ['kk', 'ru'] as const) {
      for (const [k, s] of Object.entries(UI_STRINGS[lang])) {
        expect(englishWords(s), `${lang} ${k}: ${s}`).toEqual([]);
      }
    }
  });
});

/** Every error path we can drive, as the errors they throw or answer. */
async function everyErrorPath(): Promise<CodedError[]> {
  const caught: CodedError[] = [];
  const collect = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      expect(err, String(err)).toBeInstanceOf(CodedError);
      caught.push(err as CodedError);
      return;
    }
    throw new Error(`no error from ${String(f)}`);
  };
  const files: [string, string][] = [
    ['a.json', 'not json at all'],
    ['a.json', '{"foo": 1}'],
    ['a.json', '[]'],
    ['a.json', '[1]'],
    ['a.json', '[{"kk":{"term":"заң"},"ru":{"term":""}}]'],
    ['a.json', '[{"kk":{"term":5},"ru":{"term":"б"}}]'],
    ['a.json', '[{"kk":{"term":"а","variants":"x"},"ru":{"term":"б"}}]'],
    ['a.json', '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":{}}]'],
    ['a.json', '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[1]}]'],
    [
      'a.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"edition":"1990","article":"1"}]}]',
    ],
    [
      'a.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"code":"x","edition":"1","article":"1"}]}]',
    ],
    [
      'a.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"edition":"2026","article":""}]}]',
    ],
    [
      'a.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"edition":"2026","article":"999"}]}]',
    ],
    [
      'a.json',
      '[{"kk":{"term":"а"},"ru":{"term":"б"},"citations":[{"edition":"2026","article":"76","clause":"9"}]}]',
    ],
    ['a.csv', 'term,translation\nзаң,закон\n'],
    ['a.csv', 'kk_term\nзаң\n'],
    ['a.csv', 'kk_term,ru_term\n"заң,закон\n'],
    ['a.csv', 'kk_term,ru_term\nзаң,закон,артық\n'],
    ['a.csv', 'kk_term,ru_term,citations\nзаң,закон,[oops\n'],
    ['a.csv', 'kk_term,ru_term,sense\nзаң,закон,{oops\n'],
    ['a.tbx', '<html/>'],
    ['a.tbx', '<tbx><text/></tbx>'],
    [
      'a.tbx',
      '<tbx><conceptEntry id="c9"><langSec xml:lang="ru"><termSec><term>суд</term></termSec></langSec></conceptEntry></tbx>',
    ],
    ['a.tbx', '<tbx><1/></tbx>'],
    ['a.tbx', '<tbx>a & b</tbx>'],
    ['a.tbx', '<tbx>&#xZZ;</tbx>'],
    ['a.tbx', '<tbx>&foo;</tbx>'],
    ['a.tbx', '<?xml version="1.0"'],
    ['a.tbx', '<!-- x'],
    ['a.tbx', '<!DOCTYPE x [<!ENTITY a "aaaa">]><tbx/>'],
    ['a.tbx', 'text only'],
    ['a.tbx', '<tbx a="1"'],
    ['a.tbx', '<tbx a></tbx>'],
    ['a.tbx', '<tbx a=1></tbx>'],
    ['a.tbx', '<tbx a="1></tbx>'],
    ['a.tbx', '<tbx a="<"></tbx>'],
    ['a.tbx', '<tbx><a>'],
    ['a.tbx', '<tbx></a>'],
    ['a.tbx', '<tbx></tbx x>'],
    ['a.tbx', '<tbx><![CDATA[x</tbx>'],
    ['a.tbx', '<tbx><!ELEMENT x></tbx>'],
    ['a.tbx', '<!-- only a comment -->'],
    ['a.tbx', '<tbx/><b/>'],
    ['a.json', 'binary\u0000file'],
  ];
  for (const [name, text] of files) collect(() => parseImport(name, text));
  collect(() => checkImportSize(MAX_IMPORT_BYTES + 1));
  collect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])));
  const long = 'ж'.repeat(LIMITS.definition + 1);
  for (const patch of [
    { kk: { term: long } },
    { ru: { term: 'б', variants: Array.from({ length: 60 }, (_, i) => `в${i}`) } },
    { ru: { term: 'б', definition: long } },
    { tags: [long] },
    { en: { term: long } },
    { id: long },
    { citations: [{ edition: '2026', article: '1', quote: { kk: long + long, ru: '' } }] },
  ]) {
    collect(() => validateEntry({ kk: { term: 'а' }, ru: { term: 'б' }, ...patch }));
  }
  collect(() => validateEntry(null));
  collect(() => validateEntry({ kk: { term: 'а' }, ru: { term: 'б' }, sense: { group: 1 } }));
  // The background's answers.
  const svc = new GlossaryService(new AtaZanDatabase(`atazan-errors-${Date.now()}`));
  const answers: unknown[] = [
    'nope',
    {},
    { type: 'nope' },
    { type: 'entry/get' },
    { type: 'entry/save', entry: { kk: { term: 'а' } } },
    { type: 'entry/restore', entry: { kk: { term: 'а' }, ru: { term: 'б' } } },
    { type: 'entries/import', entries: 'x', policy: 'skip' },
    { type: 'entries/import', entries: [], policy: 'merge' },
    { type: 'entries/import', entries: [{ kk: { term: 'а' } }], policy: 'skip' },
    { type: 'entries/delete', ids: [1] },
    { type: 'batch/undo', id: 12345 },
    { type: 'text/scan', texts: 'x' },
    { type: 'entries/list', source: 'x' },
    { type: 'pdf/native', url: 'javascript:void 0' },
    { type: 'reader/open', edition: '2020' },
    { type: 'reader/open', edition: '2026', article: '<b>' },
    { type: 'text/scan', texts: ['x'.repeat(1_000_001)] },
    { type: 'settings/set', patch: 1 },
    { type: 'settings/set', patch: { enabled: 'yes' } },
    { type: 'settings/set', patch: { openPdfs: 'yes' } },
    { type: 'settings/set', patch: { disabledSites: 'x' } },
    { type: 'settings/set', patch: { uiLanguage: 'de' } },
    { type: 'settings/set', patch: { highlightMode: 'some' } },
    { type: 'settings/set', patch: { highlightLook: 'wavy' } },
    { type: 'settings/set', patch: { mutedIds: [1] } },
    { type: 'settings/set', patch: { colors: 1 } },
    { type: 'settings/set', patch: { colors: { neon: 'red' } } },
    { type: 'settings/set', patch: { colors: { exact: 'red;}' } } },
    { type: 'import/chunk', importId: 'gone', entries: [], offset: 0 },
    { type: 'import/chunk', importId: 'x', entries: Array.from({ length: 10_001 }), offset: 0 },
    { type: 'search/query', query: 1 },
    { type: 'entries/page', filter: '', sort: { key: 'x', dir: 1 }, limit: 10 },
    { type: 'entries/page', filter: '', offset: -1, limit: 10 },
    { type: 'entries/with-term', lang: 'en', term: 'x' },
  ];
  // A chunk sent after its import was cancelled.
  const begun = (await svc.handle({ type: 'import/begin', policy: 'skip' })).response as {
    importId: string;
  };
  await svc.handle({ type: 'import/cancel', importId: begun.importId });
  answers.push({ type: 'import/commit', importId: begun.importId });
  for (const request of answers) {
    const res = (await svc.handle(request)).response as { error?: unknown };
    const info = errorInfoOf(res.error);
    expect(info, JSON.stringify(request)).not.toBeNull();
    caught.push(new CodedError(info!.code, info!.params, info!.where ?? null));
  }
  caught.push(
    channelError(
      new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
    ),
  );
  return caught;
}

/** The error's text with what a file or a user supplied (not our words) taken out. */
function ourWords(text: string, err: CodedError): string {
  const supplied = [
    ...Object.entries(err.params).filter(([k]) => k !== 'field' && k !== 'lang'),
    ...Object.entries(err.where?.params ?? {}),
  ]
    .map(([, v]) => String(v))
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of supplied) out = out.split(v).join(' ');
  return out;
}

test('every error path, in Kazakh and Russian: translated, with no English word', async () => {
  const errors = await everyErrorPath();
  const codes = new Set(errors.map((e) => e.code));
  // The paths reach (nearly) the whole catalogue; what they do not reach is named here.
  const unreached = (Object.keys(ERROR_STRINGS.en) as ErrorCode[]).filter((c) => !codes.has(c));
  expect(unreached.sort()).toEqual(
    ['entry.bundledDelete', 'entry.citation.quote', 'error.internal'].sort(),
  );
  for (const lang of ['kk', 'ru'] as const) {
    const t = translator(lang);
    for (const err of errors) {
      const text = t.error(err);
      expect(text).not.toBe(err.message);
      expect(englishWords(ourWords(text, err)), `${lang} ${err.code}: ${text}`).toEqual([]);
    }
  }
});

test('a closed message channel reads "the extension was restarted, please try again"', () => {
  const err = channelError(new Error('The message port closed before a response was received.'));
  expect(translator('ru').error(err)).toBe('Расширение было перезапущено. Повторите, пожалуйста.');
  expect(translator('kk').error(err)).toBe('Кеңейтпе қайта іске қосылды. Қайталап көріңіз.');
  expect(translator('en').error(err)).toBe('The extension was restarted. Please try again.');
  // Anything that is not ours is "could not do that", never the raw text.
  expect(translator('ru').error(new Error('Something broke'))).toBe(
    'Ата Заң не смог это сделать. Повторите, пожалуйста.',
  );
});

test('a size error carries its numbers and reads naturally in each language', () => {
  const info: ErrorInfo = { code: 'import.tooLarge', params: { size: '8.0', limit: '5.0' } };
  expect(formatError('ru', info)).toBe('Размер файла — 8.0 МБ; предел — 5.0 МБ.');
  expect(formatError('kk', { ...info, where: { code: 'where.row', params: { n: 4 } } })).toBe(
    '4-жол: Файл көлемі — 8.0 МБ; шегі — 5.0 МБ.',
  );
});
