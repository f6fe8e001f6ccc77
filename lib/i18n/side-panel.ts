/**
 * The side panel's list of the terms on the page.
 */
import { inAllLanguages } from './in-all-languages';

export const SIDE_PANEL_STRINGS = inAllLanguages({
  en: {
    'panel.title': 'Terms on this page',
    'panel.filter': 'Filter terms',
    'panel.sort': 'Sort',
    'panel.sort.count': 'Most frequent first',
    'panel.sort.order': 'In page order',
    'panel.term': 'On the page',
    'panel.equivalent': 'Equivalent',
    'panel.count': 'Count',
    'panel.go': 'Go',
    'panel.prev': 'Previous occurrence of “{term}”',
    'panel.next': 'Next occurrence of “{term}”',
    'panel.position': '{index} of {count}',
    'panel.summary': '{terms} terms, {count} occurrences',
    'panel.empty': 'No glossary terms found on this page.',
    'panel.noMatch': 'No term matches the filter.',
    'panel.unavailable':
      'Ata Zan cannot read this tab: a browser page, a file, or a page opened before the extension.',
  },
  kk: {
    'panel.title': 'Осы беттегі терминдер',
    'panel.filter': 'Терминдерді сүзу',
    'panel.sort': 'Сұрыптау',
    'panel.sort.count': 'Ең жиілері алдымен',
    'panel.sort.order': 'Беттегі ретімен',
    'panel.term': 'Бетте',
    'panel.equivalent': 'Баламасы',
    'panel.count': 'Саны',
    'panel.go': 'Өту',
    'panel.prev': '«{term}» терминінің алдыңғы кездесуі',
    'panel.next': '«{term}» терминінің келесі кездесуі',
    'panel.position': '{count} ішінен {index}',
    'panel.summary': '{terms} термин, {count} кездесу',
    'panel.empty': 'Бұл бетте глоссарий термині табылмады.',
    'panel.noMatch': 'Сүзгіге сай термин жоқ.',
    'panel.unavailable':
      'Ата Заң бұл қойындыны оқи алмайды: шолғыш беті, файл немесе кеңейтуден бұрын ашылған бет.',
  },
  ru: {
    'panel.title': 'Термины на этой странице',
    'panel.filter': 'Фильтр терминов',
    'panel.sort': 'Порядок',
    'panel.sort.count': 'Сначала частые',
    'panel.sort.order': 'По порядку на странице',
    'panel.term': 'На странице',
    'panel.equivalent': 'Эквивалент',
    'panel.count': 'Число',
    'panel.go': 'Переход',
    'panel.prev': 'Предыдущее вхождение «{term}»',
    'panel.next': 'Следующее вхождение «{term}»',
    'panel.position': '{index} из {count}',
    'panel.summary': 'Терминов: {terms}, вхождений: {count}',
    'panel.empty': 'На этой странице терминов глоссария не найдено.',
    'panel.noMatch': 'Ни один термин не подходит под фильтр.',
    'panel.unavailable':
      'Ата Заң не может прочитать эту вкладку: страница браузера, файл или страница, открытая до расширения.',
  },
});
