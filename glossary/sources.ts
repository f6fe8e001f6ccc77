/**
 * The official texts of the Constitution that the glossary quotes (copies in
 * glossary/sources/, see PROVENANCE.md there): the 2026 Constitution and the
 * 1995 Constitution in its edition of 01.01.2023, in Kazakh and Russian, one
 * record per numbered clause. The JSON is imported statically so the bundler
 * includes it.
 */
import kk2026 from './sources/2026.kk.json';
import ru2026 from './sources/2026.ru.json';
import kk1995 from './sources/1995.kk.json';
import ru1995 from './sources/1995.ru.json';
import type { Edition, Lang } from './types';

/** One clause of an official text. */
export interface ClauseRecord {
  /** "2026", or "1995 (ed. 01.01.2023)" for the 1995 edition. */
  edition: string;
  article: string;
  /** null for an article without numbered clauses (then `text` is the whole article). */
  clause: string | null;
  section: string;
  /** The clause as Cyrillic text. */
  text: string;
  /** The clause as published, where the official site used Latin look-alike letters. */
  text_as_published?: string;
  /** 1995 clauses repealed before 01.01.2023: `text` is the repeal note. */
  repealed?: boolean;
}

const RECORDS: Readonly<Record<Edition, Readonly<Record<Lang, readonly ClauseRecord[]>>>> = {
  '2026': { kk: kk2026, ru: ru2026 },
  '1995': { kk: kk1995, ru: ru1995 },
};

const key = (article: string, clause: string | null): string => `${article}|${clause ?? ''}`;

const indexes = new Map<string, ReadonlyMap<string, ClauseRecord>>();

function indexOf(edition: Edition, lang: Lang): ReadonlyMap<string, ClauseRecord> {
  const name = `${edition}.${lang}`;
  let index = indexes.get(name);
  if (!index) {
    const m = new Map<string, ClauseRecord>();
    for (const r of RECORDS[edition][lang]) m.set(key(r.article, r.clause), r);
    index = m;
    indexes.set(name, index);
  }
  return index;
}

/** Every clause record of one edition in one language, in the order of the text. */
export function clauses(edition: Edition, lang: Lang): readonly ClauseRecord[] {
  return RECORDS[edition][lang];
}

/** The record of a clause (repealed 1995 clauses included), or undefined when there is none. */
export function findRecord(
  edition: Edition,
  lang: Lang,
  article: string,
  clause: string | null,
): ClauseRecord | undefined {
  return indexOf(edition, lang).get(key(article, clause));
}

/**
 * The text of a clause: `clause` null for an article without numbered
 * clauses. Undefined when the clause does not exist or (1995) was repealed.
 */
export function findClause(
  edition: Edition,
  lang: Lang,
  article: string,
  clause: string | null,
): string | undefined {
  const r = findRecord(edition, lang, article, clause);
  return r && !r.repealed ? r.text : undefined;
}
