/**
 * The hover card's strings in the three UI languages, as a plain dictionary
 * (merged into the UI's i18n by lib/i18n/index.ts). `{edition}`-style
 * placeholders are filled by `cardText`.
 */
export type CardLang = 'kk' | 'ru' | 'en';

export const CARD_STRINGS: Record<CardLang, Record<string, string>> = {
  kk: {
    'card.dictionaryForm': 'Сөздік түрі',
    'card.equivalent.kk': 'Қазақша',
    'card.equivalent.ru': 'Орысша',
    'card.approximate': 'Шамамен сәйкестік',
    'card.approximate.title': 'Мәтінде орыс әріптері немесе екіұшты сөз түрі бар',
    'card.definition': 'Анықтама',
    'card.showIn.kk': 'Қазақша көрсету',
    'card.showIn.ru': 'Орысша көрсету',
    'card.citations': 'Конституция',
    'card.edition.2026': 'Конституция 2026',
    'card.edition.1995': 'Конституция 1995, 01.01.2023 ред.',
    'card.article': '{article}-бап',
    'card.clause': '{clause}-тармақ',
    'card.copy': 'Көшіру',
    'card.copied': 'Көшірілді',
    'card.open': 'Глоссарийде ашу',
    'card.close': 'Жабу',
    'card.personal': 'Жеке жазба',
    'card.noDefinition': 'Анықтама жоқ',
  },
  ru: {
    'card.dictionaryForm': 'Словарная форма',
    'card.equivalent.kk': 'По-казахски',
    'card.equivalent.ru': 'По-русски',
    'card.approximate': 'Приблизительное совпадение',
    'card.approximate.title':
      'В тексте русские буквы вместо казахских или неоднозначная форма слова',
    'card.definition': 'Определение',
    'card.showIn.kk': 'Показать по-казахски',
    'card.showIn.ru': 'Показать по-русски',
    'card.citations': 'Конституция',
    'card.edition.2026': 'Конституция 2026',
    'card.edition.1995': 'Конституция 1995, ред. 01.01.2023',
    'card.article': 'ст. {article}',
    'card.clause': 'п. {clause}',
    'card.copy': 'Копировать',
    'card.copied': 'Скопировано',
    'card.open': 'Открыть в глоссарии',
    'card.close': 'Закрыть',
    'card.personal': 'Личная запись',
    'card.noDefinition': 'Определения нет',
  },
  en: {
    'card.dictionaryForm': 'Dictionary form',
    'card.equivalent.kk': 'Kazakh',
    'card.equivalent.ru': 'Russian',
    'card.approximate': 'Approximate match',
    'card.approximate.title':
      'The text uses Russian letters for Kazakh ones, or the word form is ambiguous',
    'card.definition': 'Definition',
    'card.showIn.kk': 'Show in Kazakh',
    'card.showIn.ru': 'Show in Russian',
    'card.citations': 'Constitution',
    'card.edition.2026': 'Constitution 2026',
    'card.edition.1995': 'Constitution 1995, ed. 01.01.2023',
    'card.article': 'art. {article}',
    'card.clause': 'cl. {clause}',
    'card.copy': 'Copy',
    'card.copied': 'Copied',
    'card.open': 'Open in glossary',
    'card.close': 'Close',
    'card.personal': 'Personal entry',
    'card.noDefinition': 'No definition',
  },
};

/** A card string with its `{name}` placeholders filled; the English text when a key is missing. */
export function cardText(lang: CardLang, key: string, params: Record<string, string> = {}): string {
  const s = CARD_STRINGS[lang][key] ?? CARD_STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
