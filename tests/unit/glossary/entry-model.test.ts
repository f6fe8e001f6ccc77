/**
 * The entry model for personal entries (glossary/entry-model.ts): every
 * problem of an entry is found at once, by field, and the duplicate rule
 * folds both terms and ignores variants.
 */
import { describe, expect, test } from 'vitest';
import { checkEntry, duplicateKey, validateEntry } from '../../../glossary/entry-model';
import { LIMITS } from '../../../glossary/limits';

const side = (term: unknown, extra: object = {}) => ({
  term,
  variants: [],
  definition: '',
  ...extra,
});
const entry = (over: object = {}) => ({
  id: '',
  kk: side('сот'),
  ru: side('суд'),
  citations: [],
  tags: [],
  ...over,
});

/** (what is wrong, the entry, the problems as code@field) */
const PROBLEMS: [string, unknown, string[]][] = [
  ['nothing', entry(), []],
  [
    'not an object',
    'сот',
    ['entry.notObject@', 'entry.required@kk.term', 'entry.required@ru.term'],
  ],
  ['no Kazakh term', entry({ kk: side('  ') }), ['entry.required@kk.term']],
  [
    'both terms missing and a tag too long',
    entry({ kk: side(''), ru: side(null), tags: ['x'.repeat(LIMITS.tag + 1)] }),
    ['entry.required@kk.term', 'entry.required@ru.term', 'entry.tooLong@tag'],
  ],
  [
    'a variant not a string and a definition too long',
    entry({ ru: side('суд', { variants: [1], definition: 'д'.repeat(LIMITS.definition + 1) }) }),
    ['entry.notString@ru.variant', 'entry.tooLong@ru.definition'],
  ],
  [
    'the second citation of an unknown edition',
    entry({
      citations: [
        { edition: '2026', article: '1', clause: null, quote: { kk: 'а', ru: 'б' } },
        { edition: '1937', article: '1', clause: null, quote: { kk: 'а', ru: 'б' } },
      ],
    }),
    ['entry.citation.edition@'],
  ],
];

describe('checkEntry finds every problem, by field', () => {
  test.each(PROBLEMS)('%s', (_what, input, expected) => {
    const { problems } = checkEntry(input);
    expect(problems.map((p) => `${p.code}@${p.params.field ?? ''}`)).toEqual(expected);
    if (expected.length) expect(() => validateEntry(input)).toThrow(problems[0]!.message);
    else expect(validateEntry(input).kk.term).toBe('сот');
  });

  test('the citation problem names its citation', () => {
    const [, input] = PROBLEMS.at(-1)!;
    expect(checkEntry(input).problems[0]!.params).toEqual({ n: 2 });
  });
});

/** (entry A, entry B, duplicates?) */
const DUPLICATES: [[string, string], [string, string], boolean][] = [
  [['сот', 'суд'], ['сот', 'суд'], true],
  [['Сот', 'СУД'], ['  сот ', 'суд'], true],
  [['соттар', 'суд'], ['сот', 'суд'], false],
  [['сот', 'суд'], ['сот', 'суды'], false],
  [['ҚР', 'РК'], ['Қазақстан Республикасы', 'Республика Казахстан'], false],
];

describe('one duplicate rule: both terms, folded', () => {
  test.each(DUPLICATES)('%j and %j: %s', ([kk1, ru1], [kk2, ru2], same) => {
    const a = duplicateKey({ kk: side(kk1), ru: side(ru1) } as never);
    const b = duplicateKey({ kk: side(kk2), ru: side(ru2) } as never);
    expect(a === b).toBe(same);
  });

  test('an entry lacking a term has no key', () => {
    expect(duplicateKey({ kk: side(''), ru: side('суд') } as never)).toBeNull();
  });
});
