/**
 * Strings of the PDF viewer and of its switch in the popup and options page,
 * in Kazakh, Russian and English. Kept apart from ./ui.ts so the viewer's
 * strings travel with it; English is the reference and the others have the
 * same keys (the type requires it; tests/unit/pdf-viewer/text-layer.test.ts checks).
 */
import type { UiLang } from './language';
import { fillPlaceholders } from '../../glossary/error-messages';
import { inAllLanguages } from './in-all-languages';

export const PDF_STRINGS = inAllLanguages({
  en: {
    'pdf.title': 'Ata Zan — PDF',
    'pdf.open': 'Open a PDF…',
    'pdf.drop': 'Drop a PDF here or choose a file. Ata Zan marks the legal terms in it.',
    'pdf.loading': 'Opening the PDF…',
    'pdf.error': 'This PDF could not be opened: {reason}',
    'pdf.noText':
      'This PDF has no text layer (it is a scan or a picture of text), so Ata Zan cannot find terms in it.',
    'pdf.prev': 'Previous page',
    'pdf.next': 'Next page',
    'pdf.page': 'Page',
    'pdf.of': 'of {count}',
    'pdf.zoomOut': 'Zoom out',
    'pdf.zoomIn': 'Zoom in',
    'pdf.zoom': 'Zoom',
    'pdf.fitWidth': 'Page width',
    'pdf.fitPage': 'Whole page',
    'pdf.find': 'Find in the document',
    'pdf.findCount': '{current} of {total}',
    'pdf.findNone': 'Not found',
    'pdf.print': 'Print',
    'pdf.download': 'Download the original',
    'pdf.native': "Open in the browser's viewer",
    'pdf.source': 'Original address',
    'pdf.switch': 'Open PDFs in Ata Zan',
    'pdf.switchHint':
      "PDFs you open from web pages (GET, not downloads) are shown in Ata Zan's viewer with terms marked.",
    'pdf.openFile': 'Open a PDF in Ata Zan',
    'pdf.openTab': 'Open this PDF in Ata Zan',
  },

  ru: {
    'pdf.title': 'Ata Zan — PDF',
    'pdf.open': 'Открыть PDF…',
    'pdf.drop': 'Перетащите сюда PDF или выберите файл. Ata Zan отметит в нём юридические термины.',
    'pdf.loading': 'Открываем PDF…',
    'pdf.error': 'Не удалось открыть этот PDF: {reason}',
    'pdf.noText':
      'В этом PDF нет текстового слоя (это скан или изображение текста), поэтому Ata Zan не может найти в нём термины.',
    'pdf.prev': 'Предыдущая страница',
    'pdf.next': 'Следующая страница',
    'pdf.page': 'Страница',
    'pdf.of': 'из {count}',
    'pdf.zoomOut': 'Уменьшить',
    'pdf.zoomIn': 'Увеличить',
    'pdf.zoom': 'Масштаб',
    'pdf.fitWidth': 'По ширине',
    'pdf.fitPage': 'Страница целиком',
    'pdf.find': 'Найти в документе',
    'pdf.findCount': '{current} из {total}',
    'pdf.findNone': 'Не найдено',
    'pdf.print': 'Печать',
    'pdf.download': 'Скачать оригинал',
    'pdf.native': 'Открыть во встроенном просмотрщике браузера',
    'pdf.source': 'Исходный адрес',
    'pdf.switch': 'Открывать PDF в Ata Zan',
    'pdf.switchHint':
      'PDF, открытые со страниц (GET-запросом, не загрузки), показываются в просмотрщике Ata Zan с отмеченными терминами.',
    'pdf.openFile': 'Открыть PDF в Ata Zan',
    'pdf.openTab': 'Открыть этот PDF в Ata Zan',
  },

  kk: {
    'pdf.title': 'Ata Zan — PDF',
    'pdf.open': 'PDF ашу…',
    'pdf.drop':
      'PDF файлын осында сүйреп әкеліңіз немесе файлды таңдаңыз. Ata Zan ондағы заң терминдерін белгілейді.',
    'pdf.loading': 'PDF ашылуда…',
    'pdf.error': 'Бұл PDF ашылмады: {reason}',
    'pdf.noText':
      'Бұл PDF-те мәтін қабаты жоқ (бұл скан немесе мәтіннің суреті), сондықтан Ata Zan ондағы терминдерді таба алмайды.',
    'pdf.prev': 'Алдыңғы бет',
    'pdf.next': 'Келесі бет',
    'pdf.page': 'Бет',
    'pdf.of': '/ {count}',
    'pdf.zoomOut': 'Кішірейту',
    'pdf.zoomIn': 'Үлкейту',
    'pdf.zoom': 'Масштаб',
    'pdf.fitWidth': 'Ені бойынша',
    'pdf.fitPage': 'Бүкіл бет',
    'pdf.find': 'Құжаттан іздеу',
    'pdf.findCount': '{total} ішінен {current}',
    'pdf.findNone': 'Табылмады',
    'pdf.print': 'Басып шығару',
    'pdf.download': 'Түпнұсқаны жүктеп алу',
    'pdf.native': 'Браузердің өз қарау құралында ашу',
    'pdf.source': 'Бастапқы мекенжай',
    'pdf.switch': 'PDF файлдарын Ata Zan-да ашу',
    'pdf.switchHint':
      'Беттерден ашылатын PDF (GET сұрауы, жүктеп алу емес) Ata Zan қарау құралында терминдері белгіленіп көрсетіледі.',
    'pdf.openFile': 'PDF файлын Ata Zan-да ашу',
    'pdf.openTab': 'Осы PDF-ті Ata Zan-да ашу',
  },
});

export type PdfKey = keyof typeof PDF_STRINGS.en;

/** A translator for the viewer's strings; `{name}` placeholders are filled from `params`. */
export function pdfTranslator(
  lang: UiLang,
): (key: PdfKey, params?: Record<string, string | number>) => string {
  return (key, params = {}) =>
    fillPlaceholders(PDF_STRINGS[lang][key] ?? PDF_STRINGS.en[key], params);
}
