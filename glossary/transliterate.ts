/**
 * Latin → Cyrillic transliteration of search queries, so that someone typing
 * Kazakh in the 2021 Latin alphabet ("sot töreligi"), in plain ASCII
 * ("sot toreligi") or Russian in the usual English-style romanisation
 * ("konstitutsiya") still finds the Cyrillic entry.
 *
 * The result is only ever compared after `degrade(foldTerm(…))`, which merges
 * each Kazakh letter with its Russian look-alike, so the tables below need not
 * decide between і and и or ө and о.
 */

/** Two-letter sequences of the common romanisations, tried before single letters. */
const DIGRAPHS: Readonly<Record<string, string>> = {
  sh: 'ш',
  ch: 'ч',
  zh: 'ж',
  kh: 'х',
  gh: 'ғ',
  ts: 'ц',
  ya: 'я',
  yu: 'ю',
  yo: 'ё',
  ye: 'е',
  ng: 'ң',
};

/** Single letters shared by every reading. */
const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  ä: 'ә',
  b: 'б',
  c: 'с',
  ç: 'ч',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ğ: 'ғ',
  h: 'х',
  i: 'і',
  ı: 'ы',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ñ: 'ң',
  o: 'о',
  ö: 'ө',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  ş: 'ш',
  t: 'т',
  u: 'у',
  ū: 'ұ',
  ü: 'ү',
  v: 'в',
  w: 'у',
  x: 'х',
  z: 'з',
};

/**
 * The letter y is the one real ambiguity: й in the 2021 alphabet, ы in the
 * 2018 one and in most informal spellings ("Respublikasy").
 */
const Y_READINGS = ['й', 'ы'] as const;

const LATIN_RE = /[a-zäçğıñöşūü]/;

/** True when the query holds a Latin letter worth transliterating. */
export function hasLatin(query: string): boolean {
  return LATIN_RE.test(query.toLowerCase());
}

/**
 * The Cyrillic readings of a Latin query (one per reading of y; one in all
 * when there is no y). Non-Latin characters pass through unchanged.
 */
export function latinToCyrillic(query: string): string[] {
  // Turkish-style capital İ lowercases to i + combining dot; map it first.
  const lower = query.replace(/İ/g, 'i').toLowerCase();
  return Y_READINGS.map((y) => transliterateWith(lower, y)).filter(
    (reading, i, all) => all.indexOf(reading) === i,
  );
}

function transliterateWith(lower: string, y: string): string {
  let out = '';
  let i = 0;
  while (i < lower.length) {
    const pair = DIGRAPHS[lower.slice(i, i + 2)];
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const ch = lower[i]!;
    out += ch === 'y' ? y : (LETTERS[ch] ?? ch);
    i++;
  }
  return out;
}
