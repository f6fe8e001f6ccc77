/**
 * The Constitution's parallel reader (entrypoints/constitution).
 */
import { inAllLanguages } from './in-all-languages';

export const READER_STRINGS = inAllLanguages({
  en: {
    'reader.title': 'Constitution of the Republic of Kazakhstan',
    'reader.edition': 'Edition',
    'reader.edition.2026': '2026 (in force since 1 July 2026)',
    'reader.edition.1995': '1995 (edition of 01.01.2023)',
    'reader.article': 'Article',
    'reader.lang.kk': 'Kazakh',
    'reader.lang.ru': 'Russian',
    'reader.loading': 'Loading the text…',
    'reader.noArticle': 'This edition has no article {article}.',
    'reader.repealed': 'Repealed',
    'reader.official': 'Official text',
  },
  kk: {
    'reader.title': 'Қазақстан Республикасының Конституциясы',
    'reader.edition': 'Редакция',
    'reader.edition.2026': '2026 (2026 жылғы 1 шілдеден бастап күшінде)',
    'reader.edition.1995': '1995 (01.01.2023 редакциясы)',
    'reader.article': 'Бап',
    'reader.lang.kk': 'Қазақша',
    'reader.lang.ru': 'Орысша',
    'reader.loading': 'Мәтін жүктелуде…',
    'reader.noArticle': 'Бұл редакцияда {article}-бап жоқ.',
    'reader.repealed': 'Күші жойылған',
    'reader.official': 'Ресми мәтін',
  },
  ru: {
    'reader.title': 'Конституция Республики Казахстан',
    'reader.edition': 'Редакция',
    'reader.edition.2026': '2026 (действует с 1 июля 2026 года)',
    'reader.edition.1995': '1995 (редакция 01.01.2023)',
    'reader.article': 'Статья',
    'reader.lang.kk': 'По-казахски',
    'reader.lang.ru': 'По-русски',
    'reader.loading': 'Текст загружается…',
    'reader.noArticle': 'В этой редакции нет статьи {article}.',
    'reader.repealed': 'Утратил силу',
    'reader.official': 'Официальный текст',
  },
});
