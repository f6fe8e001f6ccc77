/**
 * Text roughed up the way real pages are, for the matcher's differential
 * tests: line-end hyphens and invisible characters inside words, Latin
 * look-alikes, Russian substitutes for Kazakh letters, capitals, runs of
 * whitespace and line breaks.
 */
import { rng } from './random';

const LOOKALIKES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  с: 'c',
  р: 'p',
  і: 'i',
  х: 'x',
};
const SUBSTITUTES: Record<string, string> = {
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  і: 'и',
  ә: 'а',
  һ: 'х',
};

/** The text with, at random, each kind of damage a page's text shows. */
export function roughen(text: string, seed: number): string {
  const random = rng(seed);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const r = random();
    const inWord = /\p{L}/u.test(ch) && /\p{L}/u.test(text[i + 1] ?? '');
    if (inWord && r < 0.004) out += ch + '-\n';
    else if (inWord && r < 0.008) out += ch + (random() < 0.5 ? '\u00ad' : '\u200b');
    else if (r < 0.03 && LOOKALIKES[ch]) out += LOOKALIKES[ch];
    else if (r < 0.08 && SUBSTITUTES[ch]) out += SUBSTITUTES[ch];
    else if (r < 0.1) out += ch.toUpperCase();
    else if (ch === ' ' && r < 0.15) out += random() < 0.5 ? ' \n  ' : '\t';
    else out += ch;
  }
  return out;
}
