/**
 * The message catalogue of errors and of the places they point to, in
 * Kazakh, Russian and English. Codes come from glossary/errors.ts (CodedError);
 * `{name}` placeholders are filled from the error's parameters, and a
 * `field` parameter (`kk.term`, `citation.quote.ru`) is itself translated
 * from FIELD_STRINGS. English is the reference: every key exists there and
 * the other languages must have the same keys (tests/unit/glossary/error-messages.test.ts).
 */
const en = {
  // The channel to the background and anything unforeseen.
  'error.restarted': 'The extension was restarted. Please try again.',
  'error.internal': 'Ata Zan could not do that. Please try again.',
  // A file as a whole.
  'import.tooLarge': 'The file is {size} MB; the limit is {limit} MB.',
  'import.binary': 'The file is not text.',
  'import.unknownEncoding':
    'The text encoding of the file was not recognised. Save it as UTF-8 (or UTF-16, or Windows Cyrillic, windows-1251).',
  'import.empty': 'The file holds no entries.',
  'import.notJson': 'The file is not valid JSON.',
  'import.jsonShape': 'A JSON file must hold a list of entries, or an object with an entries list.',
  'import.csv.unknownColumns': 'Unknown columns: {columns}. Expected: {expected}.',
  'import.csv.missingColumns': 'Required columns are missing: {columns}.',
  'import.csv.quotes': 'A quoted cell is never closed.',
  'import.csv.fieldCount': 'The row has a different number of cells from the header.',
  'import.csv.citations': 'The citations cell is not a JSON list.',
  'import.csv.json': 'The {column} cell is not valid JSON.',
  'import.tbx.notTbx': 'Not a TBX file: the root element is <{root}>, not <tbx> or <martif>.',
  'import.tbx.noConcepts': 'The file holds no <{element}> elements.',
  'import.notList': 'The entries to import must be a list.',
  'import.policy': 'Unknown duplicate policy.',
  // Broken XML (the place is the line and column).
  'xml.nameExpected': 'Broken XML: a name was expected.',
  'xml.badAmp': 'Broken XML: an “&” that starts no entity.',
  'xml.badCharRef': 'Broken XML: bad character reference &{ref};.',
  'xml.unknownEntity': 'Broken XML: unknown entity &{ref};.',
  'xml.unclosedPi': 'Broken XML: a processing instruction is never closed.',
  'xml.unclosedComment': 'Broken XML: a comment is never closed.',
  'xml.doctype': 'The file has a DOCTYPE, which is not allowed in an imported file.',
  'xml.elementExpected': 'Broken XML: an element was expected.',
  'xml.tagNotClosed': 'Broken XML: the tag <{name}> is not closed.',
  'xml.eqExpected': 'Broken XML: “=” expected after the attribute {attr}.',
  'xml.quoteExpected': 'Broken XML: a quoted value expected for the attribute {attr}.',
  'xml.attrNotClosed': 'Broken XML: the value of the attribute {attr} is not closed.',
  'xml.ltInAttr': 'Broken XML: “<” inside the value of the attribute {attr}.',
  'xml.neverClosed': 'Broken XML: the element <{name}> is never closed.',
  'xml.mismatch': 'Broken XML: </{closing}> closes <{name}>.',
  'xml.gtExpected': 'Broken XML: “>” expected after </{closing}.',
  'xml.unclosedCdata': 'Broken XML: a CDATA section is never closed.',
  'xml.declaration': 'Broken XML: a declaration inside an element.',
  'xml.noElement': 'The file holds no XML element.',
  'xml.afterRoot': 'Broken XML: content after the root element.',
  // One entry.
  'entry.notObject': 'An entry must be an object.',
  'entry.required': '{field} is required.',
  'entry.notString': '{field} must be text.',
  'entry.notList': '{field} must be a list.',
  'entry.tooLong': '{field} is too long: {length} characters; the limit is {max}.',
  'entry.tooMany': '{field}: {count} items; the limit is {max}.',
  'entry.citation.notObject': 'Citation {n} must be an object.',
  'entry.rules': 'The entry’s context rules (senses, quiet words) are not valid.',
  'entry.citation.edition': 'Citation {n}: the edition must be 2026 or 1995.',
  'entry.citation.code': 'Citation {n}: unknown code.',
  'entry.citation.noClause':
    'Citation {n}: the Constitution ({edition}) has no article {article}, clause {clause}.',
  'entry.citation.noArticle':
    'Citation {n}: the Constitution ({edition}) has no article {article}.',
  'entry.citation.quote': 'Citation {n}: the quote is not in the text of the clause ({lang}).',
  'entry.bundledDelete': 'A bundled entry cannot be deleted, only edited.',
  'entry.restoreNeedsId': 'Only an entry with its id can be restored.',
  'batch.notFound': 'This change can no longer be undone.',
  // Requests.
  'request.noType': 'The request has no type.',
  'request.unknownType': 'Unknown request.',
  'request.idRequired': 'An entry id is required.',
  'request.ids': 'The entries must be given as a list of ids.',
  'request.texts': 'The texts to scan must be a list of strings.',
  'request.tooMuchText': 'At most {max} characters can be scanned at once.',
  'request.source': 'Unknown source of entries.',
  'request.url': 'Not a web address.',
  'request.place':
    'No such place in the Constitution (edition 2026 or 1995, an article and clause number).',
  // Settings.
  'settings.patch': 'The settings change must be an object.',
  'settings.enabled': 'The highlighting switch must be on or off.',
  'settings.openPdfs': 'The PDF switch must be on or off.',
  'settings.sites': 'The sites must be a list of host names.',
  'settings.mode': 'Unknown highlight mode.',
  'settings.look': 'Unknown highlight style.',
  'settings.muted': 'The muted terms must be a list of entry ids.',
  'settings.language': 'Unknown interface language.',
  'settings.colors': 'The colours must be an object.',
  'settings.colorKind': 'Unknown highlight kind.',
  'settings.color': 'Not a CSS colour.',
  'import.cancelled': 'The import was cancelled; nothing was saved.',
  'request.tooMany': 'At most {max} entries can be sent at once.',
  'request.query': 'The search text must be a string.',
  'request.sort': 'Unknown order of entries.',
  'request.range': 'A page of entries starts at 0 or later and holds 1 to {max} rows.',
  'request.lang': 'The language of a term must be Kazakh or Russian.',
  'import.expired':
    'The import was interrupted (the extension was restarted); nothing was saved. Please import the file again.',
};

export type ErrorCode = keyof typeof en;

const kk: Record<ErrorCode, string> = {
  'error.restarted': 'Кеңейтпе қайта іске қосылды. Қайталап көріңіз.',
  'error.internal': 'Ата Заң мұны орындай алмады. Қайталап көріңіз.',
  'import.tooLarge': 'Файл көлемі — {size} МБ; шегі — {limit} МБ.',
  'import.binary': 'Файл мәтін емес.',
  'import.unknownEncoding':
    'Файл мәтінінің кодталуы танылмады. Оны UTF-8 (немесе UTF-16, не Windows кириллицасы, windows-1251) ретінде сақтаңыз.',
  'import.empty': 'Файлда жазба жоқ.',
  'import.notJson': 'Файл дұрыс JSON емес.',
  'import.jsonShape': 'JSON файлында жазбалар тізімі немесе entries тізімі бар нысан болуы керек.',
  'import.csv.unknownColumns': 'Белгісіз бағандар: {columns}. Күтілгені: {expected}.',
  'import.csv.missingColumns': 'Міндетті бағандар жоқ: {columns}.',
  'import.csv.quotes': 'Тырнақшадағы ұяшық жабылмаған.',
  'import.csv.fieldCount': 'Жолдағы ұяшықтар саны тақырып жолындағыдан өзгеше.',
  'import.csv.citations': 'Дәйексөздер ұяшығы JSON тізімі емес.',
  'import.csv.json': '{column} ұяшығы жарамды JSON емес.',
  'import.tbx.notTbx': 'TBX файлы емес: түбір элементі <{root}>, ал <tbx> не <martif> емес.',
  'import.tbx.noConcepts': 'Файлда <{element}> элементтері жоқ.',
  'import.notList': 'Импортталатын жазбалар тізім болуы керек.',
  'import.policy': 'Қайталанатын жазбалар үшін белгісіз ереже.',
  'xml.nameExpected': 'XML қате: атау күтілген.',
  'xml.badAmp': 'XML қате: «&» белгісінен кейін нысан жоқ.',
  'xml.badCharRef': 'XML қате: &{ref}; таңба сілтемесі дұрыс емес.',
  'xml.unknownEntity': 'XML қате: &{ref}; нысаны белгісіз.',
  'xml.unclosedPi': 'XML қате: өңдеу нұсқауы жабылмаған.',
  'xml.unclosedComment': 'XML қате: түсініктеме жабылмаған.',
  'xml.doctype': 'Файлда DOCTYPE бар, ал импортталатын файлда оған рұқсат жоқ.',
  'xml.elementExpected': 'XML қате: элемент күтілген.',
  'xml.tagNotClosed': 'XML қате: <{name}> тегі жабылмаған.',
  'xml.eqExpected': 'XML қате: {attr} атрибутынан кейін «=» күтілген.',
  'xml.quoteExpected': 'XML қате: {attr} атрибутының мәні тырнақшада болуы керек.',
  'xml.attrNotClosed': 'XML қате: {attr} атрибутының мәні жабылмаған.',
  'xml.ltInAttr': 'XML қате: {attr} атрибутының мәнінде «<» бар.',
  'xml.neverClosed': 'XML қате: <{name}> элементі жабылмаған.',
  'xml.mismatch': 'XML қате: </{closing}> тегі <{name}> элементін жабады.',
  'xml.gtExpected': 'XML қате: </{closing} кейін «>» күтілген.',
  'xml.unclosedCdata': 'XML қате: CDATA бөлімі жабылмаған.',
  'xml.declaration': 'XML қате: элемент ішінде декларация бар.',
  'xml.noElement': 'Файлда XML элементі жоқ.',
  'xml.afterRoot': 'XML қате: түбір элементінен кейін мазмұн бар.',
  'entry.notObject': 'Жазба нысан болуы керек.',
  'entry.required': '{field}: толтыру міндетті.',
  'entry.notString': '{field}: мәтін болуы керек.',
  'entry.notList': '{field}: тізім болуы керек.',
  'entry.tooLong': '{field} тым ұзын: {length} таңба; шегі — {max}.',
  'entry.tooMany': '{field}: {count} элемент; шегі — {max}.',
  'entry.citation.notObject': '{n}-дәйексөз нысан болуы керек.',
  'entry.rules': 'Жазбаның контекст ережелері (мағыналар, тыныш сөздер) жарамсыз.',
  'entry.citation.edition': '{n}-дәйексөз: редакция 2026 не 1995 болуы керек.',
  'entry.citation.code': '{n}-дәйексөз: кодекс белгісіз.',
  'entry.citation.noClause':
    '{n}-дәйексөз: Конституцияда ({edition}) {article}-баптың {clause}-тармағы жоқ.',
  'entry.citation.noArticle': '{n}-дәйексөз: Конституцияда ({edition}) {article}-бап жоқ.',
  'entry.citation.quote': '{n}-дәйексөз: дәйексөз тармақ мәтінінде жоқ ({lang}).',
  'entry.bundledDelete': 'Кіріктірілген жазбаны жоюға болмайды, тек өзгертуге болады.',
  'entry.restoreNeedsId': 'Тек идентификаторы бар жазбаны қалпына келтіруге болады.',
  'batch.notFound': 'Бұл өзгерісті енді қайтару мүмкін емес.',
  'request.noType': 'Сұраудың түрі жоқ.',
  'request.unknownType': 'Белгісіз сұрау.',
  'request.idRequired': 'Жазбаның идентификаторы қажет.',
  'request.ids': 'Жазбалар идентификаторлар тізімі ретінде берілуі керек.',
  'request.texts': 'Тексерілетін мәтіндер жолдар тізімі болуы керек.',
  'request.tooMuchText': 'Бір рет ең көбі {max} таңба тексеріледі.',
  'request.source': 'Жазбалар көзі белгісіз.',
  'request.url': 'Бұл веб-мекенжай емес.',
  'request.place':
    'Конституцияда мұндай орын жоқ (2026 немесе 1995 жылғы редакция, бап пен тармақ нөмірі).',
  'settings.patch': 'Баптаулар өзгерісі нысан болуы керек.',
  'settings.enabled': 'Белгілеу қосқышы қосулы не өшірулі болуы керек.',
  'settings.openPdfs': 'PDF қосқышы қосулы не өшірулі болуы керек.',
  'settings.sites': 'Сайттар хост атауларының тізімі болуы керек.',
  'settings.mode': 'Белгілеу режимі белгісіз.',
  'settings.look': 'Белгілеу мәнері белгісіз.',
  'settings.muted': 'Үнсіз терминдер жазба идентификаторларының тізімі болуы керек.',
  'settings.language': 'Интерфейс тілі белгісіз.',
  'settings.colors': 'Түстер нысан болуы керек.',
  'settings.colorKind': 'Белгілеу түрі белгісіз.',
  'settings.color': 'CSS түсі емес.',
  'import.cancelled': 'Импорт тоқтатылды; ештеңе сақталмады.',
  'request.tooMany': 'Бір рет ең көбі {max} жазба жіберіледі.',
  'request.query': 'Іздеу мәтіні жол болуы керек.',
  'request.sort': 'Жазбалардың реті белгісіз.',
  'request.range':
    'Жазбалар беті 0-ден не одан кейін басталады және 1-ден {max}-ге дейін жол ұстайды.',
  'request.lang': 'Терминнің тілі қазақ не орыс тілі болуы керек.',
  'import.expired':
    'Импорт үзілді (кеңейтпе қайта іске қосылды); ештеңе сақталмады. Файлды қайта импорттаңыз.',
};

const ru: Record<ErrorCode, string> = {
  'error.restarted': 'Расширение было перезапущено. Повторите, пожалуйста.',
  'error.internal': 'Ата Заң не смог это сделать. Повторите, пожалуйста.',
  'import.tooLarge': 'Размер файла — {size} МБ; предел — {limit} МБ.',
  'import.binary': 'Файл не текстовый.',
  'import.unknownEncoding':
    'Кодировка текста файла не распознана. Сохраните его в UTF-8 (или UTF-16, или в кириллице Windows, windows-1251).',
  'import.empty': 'В файле нет записей.',
  'import.notJson': 'Файл не является корректным JSON.',
  'import.jsonShape': 'JSON-файл должен содержать список записей или объект со списком entries.',
  'import.csv.unknownColumns': 'Неизвестные столбцы: {columns}. Ожидаются: {expected}.',
  'import.csv.missingColumns': 'Нет обязательных столбцов: {columns}.',
  'import.csv.quotes': 'Ячейка в кавычках не закрыта.',
  'import.csv.fieldCount': 'Число ячеек в строке не совпадает с заголовком.',
  'import.csv.citations': 'Ячейка ссылок не является списком JSON.',
  'import.csv.json': 'Ячейка {column} не является корректным JSON.',
  'import.tbx.notTbx': 'Это не файл TBX: корневой элемент <{root}>, а не <tbx> или <martif>.',
  'import.tbx.noConcepts': 'В файле нет элементов <{element}>.',
  'import.notList': 'Импортируемые записи должны быть списком.',
  'import.policy': 'Неизвестное правило для повторяющихся записей.',
  'xml.nameExpected': 'Ошибка XML: ожидалось имя.',
  'xml.badAmp': 'Ошибка XML: знак «&» не начинает сущность.',
  'xml.badCharRef': 'Ошибка XML: неверная ссылка на символ &{ref};.',
  'xml.unknownEntity': 'Ошибка XML: неизвестная сущность &{ref};.',
  'xml.unclosedPi': 'Ошибка XML: инструкция обработки не закрыта.',
  'xml.unclosedComment': 'Ошибка XML: комментарий не закрыт.',
  'xml.doctype': 'В файле есть DOCTYPE, а в импортируемом файле он не допускается.',
  'xml.elementExpected': 'Ошибка XML: ожидался элемент.',
  'xml.tagNotClosed': 'Ошибка XML: тег <{name}> не закрыт.',
  'xml.eqExpected': 'Ошибка XML: после атрибута {attr} ожидался знак «=».',
  'xml.quoteExpected': 'Ошибка XML: значение атрибута {attr} должно быть в кавычках.',
  'xml.attrNotClosed': 'Ошибка XML: значение атрибута {attr} не закрыто.',
  'xml.ltInAttr': 'Ошибка XML: знак «<» в значении атрибута {attr}.',
  'xml.neverClosed': 'Ошибка XML: элемент <{name}> не закрыт.',
  'xml.mismatch': 'Ошибка XML: </{closing}> закрывает <{name}>.',
  'xml.gtExpected': 'Ошибка XML: после </{closing} ожидался знак «>».',
  'xml.unclosedCdata': 'Ошибка XML: раздел CDATA не закрыт.',
  'xml.declaration': 'Ошибка XML: объявление внутри элемента.',
  'xml.noElement': 'В файле нет ни одного элемента XML.',
  'xml.afterRoot': 'Ошибка XML: текст после корневого элемента.',
  'entry.notObject': 'Запись должна быть объектом.',
  'entry.required': '{field}: обязательное поле.',
  'entry.notString': '{field}: должен быть текст.',
  'entry.notList': '{field}: должен быть список.',
  'entry.tooLong': '{field}: слишком длинно — символов {length}, предел {max}.',
  'entry.tooMany': '{field}: элементов {count}, предел {max}.',
  'entry.citation.notObject': 'Ссылка {n} должна быть объектом.',
  'entry.rules': 'Правила контекста записи (значения, тихие слова) недействительны.',
  'entry.citation.edition': 'Ссылка {n}: редакция должна быть 2026 или 1995.',
  'entry.citation.code': 'Ссылка {n}: неизвестный кодекс.',
  'entry.citation.noClause':
    'Ссылка {n}: в Конституции ({edition}) нет пункта {clause} статьи {article}.',
  'entry.citation.noArticle': 'Ссылка {n}: в Конституции ({edition}) нет статьи {article}.',
  'entry.citation.quote': 'Ссылка {n}: цитаты нет в тексте пункта ({lang}).',
  'entry.bundledDelete': 'Встроенную запись нельзя удалить, только изменить.',
  'entry.restoreNeedsId': 'Восстановить можно только запись с идентификатором.',
  'batch.notFound': 'Это изменение уже нельзя отменить.',
  'request.noType': 'У запроса нет типа.',
  'request.unknownType': 'Неизвестный запрос.',
  'request.idRequired': 'Нужен идентификатор записи.',
  'request.ids': 'Записи должны быть заданы списком идентификаторов.',
  'request.texts': 'Тексты для проверки должны быть списком строк.',
  'request.tooMuchText': 'За один раз можно проверить не более {max} символов.',
  'request.source': 'Неизвестный источник записей.',
  'request.url': 'Это не веб-адрес.',
  'request.place':
    'Такого места в Конституции нет (редакция 2026 или 1995 года, номер статьи и пункта).',
  'settings.patch': 'Изменение настроек должно быть объектом.',
  'settings.enabled': 'Переключатель подсветки должен быть включён или выключен.',
  'settings.openPdfs': 'Переключатель PDF должен быть включён или выключен.',
  'settings.sites': 'Сайты должны быть списком имён хостов.',
  'settings.mode': 'Неизвестный режим выделения.',
  'settings.look': 'Неизвестный стиль выделения.',
  'settings.muted': 'Скрытые термины должны быть списком идентификаторов записей.',
  'settings.language': 'Неизвестный язык интерфейса.',
  'settings.colors': 'Цвета должны быть объектом.',
  'settings.colorKind': 'Неизвестный вид подсветки.',
  'settings.color': 'Это не цвет CSS.',
  'import.cancelled': 'Импорт отменён; ничего не сохранено.',
  'request.tooMany': 'За один раз можно отправить не более {max} записей.',
  'request.query': 'Текст поиска должен быть строкой.',
  'request.sort': 'Неизвестный порядок записей.',
  'request.range': 'Страница записей начинается с 0 или дальше и содержит от 1 до {max} строк.',
  'request.lang': 'Язык термина должен быть казахским или русским.',
  'import.expired':
    'Импорт прерван (расширение было перезапущено); ничего не сохранено. Импортируйте файл ещё раз.',
};

export const ERROR_STRINGS: Record<'kk' | 'ru' | 'en', Record<ErrorCode, string>> = { en, kk, ru };

/** Where in a file: prefixed to the message, "Row 4: …". */
const whereEn = {
  'where.entry': 'Entry {n}',
  'where.row': 'Row {n}',
  'where.concept': 'Concept {n}',
  'where.conceptId': 'Concept {n} (id {id})',
  'where.header': 'Header (line 1)',
  'where.line': 'Line {line}, column {column}',
};
export type WhereCode = keyof typeof whereEn;

export const WHERE_STRINGS: Record<'kk' | 'ru' | 'en', Record<WhereCode, string>> = {
  en: whereEn,
  kk: {
    'where.entry': '{n}-жазба',
    'where.row': '{n}-жол',
    'where.concept': '{n}-ұғым',
    'where.conceptId': '{n}-ұғым (идентификаторы {id})',
    'where.header': 'Тақырып жолы (1-жол)',
    'where.line': '{line}-жол, {column}-баған',
  },
  ru: {
    'where.entry': 'Запись {n}',
    'where.row': 'Строка {n}',
    'where.concept': 'Понятие {n}',
    'where.conceptId': 'Понятие {n} (идентификатор {id})',
    'where.header': 'Заголовок (строка 1)',
    'where.line': 'Строка {line}, столбец {column}',
  },
};

/** The fields an error can name (`field` parameter). */
const fieldEn = {
  id: 'Id',
  'kk.term': 'Kazakh term',
  'kk.variants': 'Kazakh variants',
  'kk.variant': 'A Kazakh variant',
  'kk.definition': 'Kazakh definition',
  'ru.term': 'Russian term',
  'ru.variants': 'Russian variants',
  'ru.variant': 'A Russian variant',
  'ru.definition': 'Russian definition',
  'en.term': 'English term',
  tags: 'Tags',
  tag: 'A tag',
  citations: 'Citations',
  'citation.edition': 'Citation {n}: edition',
  'citation.article': 'Citation {n}: article',
  'citation.clause': 'Citation {n}: clause',
  'citation.quote.kk': 'Citation {n}: Kazakh quote',
  'citation.quote.ru': 'Citation {n}: Russian quote',
};
export type FieldCode = keyof typeof fieldEn;

export const FIELD_STRINGS: Record<'kk' | 'ru' | 'en', Record<FieldCode, string>> = {
  en: fieldEn,
  kk: {
    id: 'Идентификатор',
    'kk.term': 'Қазақша термин',
    'kk.variants': 'Қазақша нұсқалар',
    'kk.variant': 'Қазақша нұсқа',
    'kk.definition': 'Қазақша анықтама',
    'ru.term': 'Орысша термин',
    'ru.variants': 'Орысша нұсқалар',
    'ru.variant': 'Орысша нұсқа',
    'ru.definition': 'Орысша анықтама',
    'en.term': 'Ағылшынша термин',
    tags: 'Тегтер',
    tag: 'Тег',
    citations: 'Дәйексөздер',
    'citation.edition': '{n}-дәйексөз: редакция',
    'citation.article': '{n}-дәйексөз: бап',
    'citation.clause': '{n}-дәйексөз: тармақ',
    'citation.quote.kk': '{n}-дәйексөз: қазақша мәтін',
    'citation.quote.ru': '{n}-дәйексөз: орысша мәтін',
  },
  ru: {
    id: 'Идентификатор',
    'kk.term': 'Термин на казахском',
    'kk.variants': 'Варианты на казахском',
    'kk.variant': 'Вариант на казахском',
    'kk.definition': 'Определение на казахском',
    'ru.term': 'Термин на русском',
    'ru.variants': 'Варианты на русском',
    'ru.variant': 'Вариант на русском',
    'ru.definition': 'Определение на русском',
    'en.term': 'Термин на английском',
    tags: 'Теги',
    tag: 'Тег',
    citations: 'Ссылки',
    'citation.edition': 'Ссылка {n}: редакция',
    'citation.article': 'Ссылка {n}: статья',
    'citation.clause': 'Ссылка {n}: пункт',
    'citation.quote.kk': 'Ссылка {n}: цитата на казахском',
    'citation.quote.ru': 'Ссылка {n}: цитата на русском',
  },
};

/** Language names for the `lang` parameter. */
const LANG_NAMES: Record<'kk' | 'ru' | 'en', Record<string, string>> = {
  en: { kk: 'Kazakh', ru: 'Russian' },
  kk: { kk: 'қазақша', ru: 'орысша' },
  ru: { kk: 'казахский', ru: 'русский' },
};

type Lang = 'kk' | 'ru' | 'en';
type Params = Record<string, string | number>;

/** A message with its `{name}` placeholders filled; a placeholder without a value stays as written. */
export function fillPlaceholders(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translate the parameters that are our own identifiers (a field, a language). */
function localParams(lang: Lang, params: Params): Params {
  const out = { ...params };
  if (typeof out.field === 'string' && Object.hasOwn(fieldEn, out.field)) {
    out.field = fillPlaceholders(FIELD_STRINGS[lang][out.field as FieldCode], params);
  }
  if (typeof out.lang === 'string' && LANG_NAMES[lang][out.lang]) {
    out.lang = LANG_NAMES[lang][out.lang]!;
  }
  return out;
}

/** An error in one language: "Row 4: Russian term is required." */
export function formatError(
  lang: Lang,
  info: { code: ErrorCode; params?: Params; where?: { code: WhereCode; params?: Params } },
): string {
  const template = ERROR_STRINGS[lang][info.code] ?? ERROR_STRINGS.en[info.code] ?? info.code;
  const text = fillPlaceholders(template, localParams(lang, info.params ?? {}));
  if (!info.where) return text;
  const where = WHERE_STRINGS[lang][info.where.code] ?? info.where.code;
  return `${fillPlaceholders(where, info.where.params ?? {})}: ${text}`;
}
