/**
 * One page's strings in the three UI languages. English is the reference: its
 * keys are the page's keys, and the type requires the Kazakh and Russian
 * tables to have exactly those keys, none missing and none extra. `{name}`
 * placeholders are filled by `t()`.
 */
export function inAllLanguages<K extends string>(table: {
  en: Record<K, string>;
  kk: Record<NoInfer<K>, string>;
  ru: Record<NoInfer<K>, string>;
}): Record<'en' | 'kk' | 'ru', Record<K, string>> {
  return table;
}
