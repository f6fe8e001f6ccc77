/**
 * The context step (glossary/context.ts) with the whole bundled glossary, as
 * the CLI and the background run it: the sense a context calls for, words
 * common outside law kept quiet in ordinary prose and still found in legal
 * text, abbreviations only in capitals. Rules are data; these tables are
 * (text, word, expected entry or null).
 */
import { describe, expect, it } from 'vitest';
import { QUIET_TERMS } from '../../../glossary/context-rules';
import {
  compileScanner,
  hasContextRules,
  isAbbreviation,
  ruledOf,
  rulesOf,
} from '../../../glossary/context';
import { BUNDLED_ENTRIES } from '../../../glossary/data/index';
import { compileMatcher } from '../../../glossary/matcher';
import { foldTerm } from '../../../glossary/normalize';
import { ORDINARY_KK, ORDINARY_RU } from './ordinary-sentences';

const scanner = compileScanner(BUNDLED_ENTRIES.map(ruledOf));

/** What the page highlights in a text: "word→id" per span. */
const shown = (text: string): string[] =>
  scanner.scan(text).map((m) => `${text.slice(m.start, m.end)}→${m.id}`);

/** The entry the page shows for `word` (the first span covering exactly it) in `text`, or null. */
function idAt(text: string, word: string): string | null {
  const m = scanner.scan(text).find((x) => text.slice(x.start, x.end) === word);
  return m?.id ?? null;
}

/** [text, the word, the entry it must open, or null for no highlight]. */
const SENSES: readonly [string, string, string | null][] = [
  // азаматтық: bare before a noun is "civil"; inflected, or at the end, or after қос, "citizenship".
  [
    'Сот билігі сот ісін жүргізудің заңда белгіленген азаматтық, әкімшілік, қылмыстық және өзге де нысандары арқылы жүзеге асырылады.',
    'азаматтық',
    'civil',
  ],
  ['Азаматтық жауапкершілік туындайды.', 'Азаматтық', 'civil'],
  ['Азаматтық мәмілелер жасалды.', 'Азаматтық', 'civil'],
  ['Азаматтық міндеттер орындалды.', 'Азаматтық', 'civil'],
  ['Ол азаматтығынан айырылды.', 'азаматтығынан', 'citizenship'],
  ['Қос азаматтыққа жол берілмейді.', 'азаматтыққа', 'citizenship'],
  ['Республиканың азаматтығы, саяси баспана беру мәселелерін шешеді.', 'азаматтығы', 'citizenship'],
  ['Азаматтықты тоқтату тәртібі.', 'Азаматтықты', 'citizenship'],
  ['Азаматтықтан шығу туралы өтініш берді.', 'Азаматтықтан', 'citizenship'],
  ['Азаматтық туралы заң қабылданды.', 'Азаматтық', 'citizenship'],
  ['Ол қос азаматтық алды.', 'азаматтық', 'citizenship'],
  ['Бұл мәселе азаматтық.', 'азаматтық', 'citizenship'],
  // заңды: "lawful" before a noun; the accusative of заң before a verb.
  ['Мемлекет азаматтың заңды талабын орындайды.', 'заңды', 'lawful'],
  ['Заңды түрде белгіленген салықтарды төлеу – әр адамның борышы.', 'Заңды', 'lawful'],
  ['Бұл шешім заңды.', 'заңды', 'lawful'],
  ['Құрылтай заңды қабылдайды.', 'заңды', 'law'],
  ['ал заңды бұзды деген жақ жауап береді', 'заңды', 'law'],
  ['Заңды қолданған кезде судья төмендегі принциптерді басшылыққа алады.', 'Заңды', 'law'],
  ['Президент заңды жариялады.', 'заңды', 'law'],
  ['Заңға қол қойылды.', 'Заңға', 'law'],
];

/** Quiet words: [text, word, the entry where the context is legal, null where it is not]. */
const QUIET: readonly [string, string, string | null][] = [
  // жер: not after бұл/сол/осы, and only in a legal sentence.
  ['Бұл жерде сот отырысы өтті.', 'жерде', null],
  ['Сол жерде біз жазда демалдық.', 'жерде', null],
  ['Жер шары күнді айналады.', 'Жер', null],
  [
    'Жер және оның қойнауы, су көздері, өсімдіктер мен жануарлар дүниесі, басқа да табиғи ресурстар халыққа тиесілі.',
    'Жер',
    'land',
  ],
  ['Жер мемлекеттік меншікте болады.', 'Жер', 'land'],
  [
    'Земля и ее недра, воды, растительный и животный мир, другие природные ресурсы принадлежат народу.',
    'Земля',
    'land',
  ],
  // область
  ['В Акмолинской области начался сбор урожая.', 'области', null],
  ['Эта область науки развивается быстро.', 'область', null],
  [
    'Курултай образует комиссию из специалистов в соответствующих областях медицины.',
    'областях',
    null,
  ],
  [
    'Акимы области назначаются Президентом Республики Казахстан с согласия маслихата.',
    'области',
    'oblast',
  ],
  ['Ақмола облысында егін жинау басталды.', 'облысында', null],
  // брак
  ['На заводе обнаружили брак в партии бутылок.', 'брак', null],
  ['Брак и семья находятся под защитой государства.', 'Брак', 'marriage'],
  ['Они решили вступить в брак весной.', 'брак', 'marriage'],
  ['Расторжение брака производится органами ЗАГС.', 'брака', 'marriage'],
  // определение
  ['Учитель попросил дать определение слова «облако».', 'определение', null],
  ['Суд вынес определение об отказе.', 'определение', 'proc-court-ruling'],
  ['Определение судьи может быть обжаловано.', 'Определение', 'proc-court-ruling'],
  // вина
  ['Это не твоя вина, просто автобус опоздал.', 'вина', null],
  ['Бокал красного вина стоит дорого.', 'вина', null],
  ['Вина подсудимого доказана в суде.', 'Вина', 'guilt'],
  // сбор
  ['Сбор средств на лечение продолжается.', 'Сбор', null],
  [
    'Уплата законно установленных налогов, сборов и иных обязательных платежей – долг и обязанность каждого человека.',
    'сборов',
    'fee',
  ],
  ['Налоги и сборы устанавливаются законом.', 'сборы', 'fee'],
  // чтение
  ['Чтение перед сном помогает заснуть.', 'Чтение', null],
  ['Законопроект одобрен в первом чтении.', 'чтении', 'legacy-reading'],
  // заключение
  ['Врачи дали заключение, что операция не нужна.', 'заключение', null],
  ['В заключение суд отметил важность дела.', 'заключение', null],
  [
    'Конституционный Суд дает заключение о соблюдении конституционных процедур.',
    'заключение',
    'conclusion',
  ],
  ['Дәрігерлер ота қажет емес деген қорытындыға келді.', 'қорытындыға', null],
  [
    'Конституциялық Сот Конституцияның 50-бабының 1-тармағында белгіленген жағдайларда қорытынды береді.',
    'қорытынды',
    'conclusion',
  ],
  // министр, столица, Астана, Казахстан, семья, сессия: common in news
  ['Министр сельского хозяйства посетил Павлодар.', 'Министр', null],
  ['Президент назначает министров иностранных дел и обороны.', 'министров', 'minister'],
  ['Новый торговый центр откроется в столице в декабре.', 'столице', null],
  ['Столица Республики Казахстан – город Астана.', 'Столица', 'capital'],
  ['Поезд из Астаны прибыл с опозданием.', 'Астаны', null],
  ['Сборная Казахстана по футболу проиграла.', 'Казахстана', null],
  [
    'Гражданство Казахстана приобретается в порядке, установленном законом.',
    'Казахстана',
    'republic-of-kazakhstan',
  ],
  ['Бүкіл отбасы дастарқан басына жиналды.', 'отбасы', null],
  ['Неке және отбасы, ана, әке мен бала мемлекет қорғауында болады.', 'отбасы', 'family'],
  ['Студенты сдают сессию в январе.', 'сессию', null],
  ['Сессия открывается и закрывается на заседании Курултая.', 'Сессия', 'session'],
  ['Онда сессияны шақыруға негіз болған мәселелер ғана қаралуы мүмкін.', 'сессияны', 'session'],
];

/** Abbreviations: only in capitals; the ambiguous ones only in legal context. */
const ABBREVIATIONS: readonly [string, string, string | null][] = [
  ['Бұл жерде бұрын үлкен бақ болған.', 'бақ', null],
  ['БАҚ өкілдері брифингке шақырылды.', 'БАҚ', 'mass-media'],
  ['Развитие АПК остаётся приоритетом для регионов.', 'АПК', null],
  ['Талап АПК-нің 148-бабына сәйкес қайтарылды.', 'АПК-нің', 'proc-code-civil-procedure'],
  ['Жильцы недовольны работой УК.', 'УК', null],
  ['Деяние предусмотрено статьей 190 УК.', 'УК', 'proc-criminal-code'],
  ['ГПК РК, ст. 148', 'ГПК', 'proc-code-civil-procedure'],
  ['гпк рк', 'гпк', null],
  ['Закон РК о языках', 'РК', 'republic-of-kazakhstan'],
  ['рк', 'рк', null],
];

/** Legal sentences (the Constitution, the codes, the shared corpus) and the entries each must still show. */
const LEGAL: readonly [string, string[]][] = [
  [
    'Қазақстан Республикасының елордасы – Астана қаласы.',
    ['republic-of-kazakhstan', 'capital', 'astana'],
  ],
  ['Столица Республики Казахстан – город Астана.', ['capital', 'republic-of-kazakhstan', 'astana']],
  ['Елорда мәртебесі конституциялық заңда айқындалады.', ['capital']],
  [
    'Жер заңда белгіленген негіздерде, шарттар мен шектерде жеке меншікте де болуы мүмкін.',
    ['land', 'law'],
  ],
  [
    'Қазақстан Республикасының азаматын өз азаматтығынан айыруға, азаматтығын өзгерту құқығынан айыруға, сондай-ақ Қазақстаннан тыс жерге аластатуға болмайды.',
    ['citizenship', 'land'],
  ],
  [
    'Қазақстан Республикасы азаматтарының заңды түрде алған кез келген мүлкіне жеке меншік құқығы бар.',
    ['lawful'],
  ],
  ['Неке және отбасы, ана, әке мен бала мемлекет қорғауында болады.', ['marriage', 'family']],
  [
    'Брак и семья, материнство, отцовство и детство находятся под защитой государства.',
    ['marriage', 'family'],
  ],
  [
    'Заңды түрде белгіленген салықтарды, алымдарды және өзге де міндетті төлемдерді төлеу – әр адамның борышы мен міндеті.',
    ['lawful', 'fee'],
  ],
  [
    'Уплата законно установленных налогов, сборов и иных обязательных платежей – долг и обязанность каждого человека.',
    ['fee'],
  ],
  [
    'Құрылтаймен консультациядан кейін Премьер-Министр ұсынған Үкімет мүшелерін тағайындайды; сыртқы істер, қорғаныс, ішкі істер министрлерін дербес тағайындайды;',
    ['minister'],
  ],
  [
    'Қазақстан Республикасының Президенті мен оның отбасын қамтамасыз ету, қызмет көрсету және күзету мемлекет есебінен жүзеге асырылады.',
    ['family'],
  ],
  [
    'Конституциялық Сот қорытынды берген сәттен бастап Қазақстан Республикасының Президенті өз еркімен орнынан түсуіне байланысты лауазымынан босатылды деп саналады.',
    ['conclusion'],
  ],
  ['Сессия Құрылтай отырысында ашылады және жабылады.', ['session']],
  ['Сессия открывается и закрывается на заседании Курултая.', ['session']],
  [
    'Сот билігі сот ісін жүргізудің заңда белгіленген азаматтық, әкімшілік, қылмыстық және өзге де нысандары арқылы жүзеге асырылады.',
    ['civil'],
  ],
  [
    'Судебная власть осуществляется посредством гражданского, административного, уголовного и иных установленных законом форм судопроизводства.',
    ['civil'],
  ],
  [
    'Астана, облыс, республикалық маңызы бар қала әкімдерінің өкілеттігі жаңадан сайланған Қазақстан Республикасының Президенті өз қызметіне кіріскен кезде тоқтатылады.',
    ['astana', 'oblast'],
  ],
  [
    'Депутатом Сената может быть лицо, достигшее тридцати лет, имеющее высшее образование и стаж работы не менее пяти лет, постоянно проживающее на территории соответствующей области, города республиканского значения либо столицы Республики не менее трех лет.',
    ['oblast'],
  ],
  ['Суд вынес определение об отказе.', ['proc-court-ruling']],
  ['Сот ұйғарым шығарды.', ['proc-court-ruling']],
  [
    'Қазақстан Республикасының Азаматтық процестік кодексін қолданысқа енгізу',
    ['proc-code-civil-procedure'],
  ],
  // The shared corpus (kk-constitution-anniversary-essay.txt), as served: spaces before commas.
  [
    'ал олардын негіздеріне баға беріп заңды шешім шығару тек ҚР Жоғарғы соты , және жергілікті соттарға ғана ондай құзыр берілгендігі айқындалады .',
    ['lawful', 'supreme-court'],
  ],
  [
    'ҚР Конституциясының 75 бабының талаптарына сәйкес , Қазақстан Республикасында сот төрелігін тек сот қана жүзеге асыратынын , сот билігі сотта іс жүргізудің  азаматтық , қылмыстық және заңмен белгіленген өзге де нысандар арқылы жүзеге асырылады делінген .',
    ['civil', 'republic-of-kazakhstan'],
  ],
  [
    'Қылмыстық істерге келген жағдайда ҚР Конституциясының 77 бабының талабына сәйкес адамның кінәлі екендігі заңды күшіне енген сот үкімімен танылғанша ол жасалған қылмысқа кінәлі емес деп есептелінеді .',
    ['legal-force'],
  ],
];

describe('senses: the context picks the sense', () => {
  it.each(SENSES)('%s: %s → %s', (text, word, id) => {
    expect(idAt(text, word)).toBe(id);
  });

  it('reports the other senses of the word with the chosen one', () => {
    const [m] = scanner.scan('азаматтық шарттар');
    expect(m).toMatchObject({ id: 'civil', senses: ['citizenship'] });
    const law = scanner.scan('Заңға сәйкес').find((x) => x.id === 'law');
    expect(law?.senses).toBeUndefined();
  });

  it('reports a sense found as written as exact, the ambiguous accusative as approximate', () => {
    const [lawful] = scanner.scan('заңды талап');
    expect(lawful).toMatchObject({ id: 'lawful', approximate: false });
    const [law] = scanner.scan('заңды бұзды');
    expect(law).toMatchObject({ id: 'law', approximate: true });
  });
});

describe('quiet words: only where the context is legal', () => {
  it.each(QUIET)('%s: %s → %s', (text, word, id) => {
    expect(idAt(text, word)).toBe(id);
  });
});

describe('abbreviations: only in capitals', () => {
  it.each(ABBREVIATIONS)('%s: %s → %s', (text, word, id) => {
    expect(idAt(text, word)).toBe(id);
  });

  it.each([
    ['ҚР', true],
    ['КС РК', true],
    ['АПК', true],
    ['Астана', false],
    ['ст.', false],
    ['Қ', false],
  ] as const)('%s is an abbreviation: %s', (term, yes) => {
    expect(isAbbreviation(term)).toBe(yes);
  });
});

describe('the bundled glossary on ordinary and legal text', () => {
  it.each([
    ['Russian', ORDINARY_RU],
    ['Kazakh', ORDINARY_KK],
  ] as const)('highlights nothing in ordinary %s prose', (_, sentences) => {
    expect(sentences.length).toBeGreaterThanOrEqual(60);
    const lit = sentences.flatMap((s) => shown(s).map((h) => `${h} | ${s}`));
    expect(lit).toEqual([]);
  });

  it.each(LEGAL)('still shows every expected term: %s', (text, ids) => {
    const got = new Set(scanner.scan(text).map((m) => m.id));
    expect(ids.filter((id) => !got.has(id))).toEqual([]);
  });

  it('the ordinary prose is ordinary: the matcher alone finds glossary words in it', () => {
    // The rules do the work: without them, these sentences light up.
    const raw = [...ORDINARY_RU, ...ORDINARY_KK].flatMap((s) => scanner.matcher.scan(s));
    expect(raw.length).toBeGreaterThanOrEqual(40);
  });
});

describe('the rules are consistent', () => {
  const groups = new Map<string, string[]>();
  for (const e of BUNDLED_ENTRIES) {
    const g = rulesOf(e).sense?.group;
    if (g) groups.set(g, [...(groups.get(g) ?? []), e.id]);
  }

  it('declares sense groups of two or more senses with exactly one default', () => {
    expect(groups.size).toBeGreaterThanOrEqual(2);
    const bad: string[] = [];
    for (const g of scanner.groups) {
      if (g.senses.length < 2) bad.push(`${g.name}: one sense`);
      if (g.defaults.length !== 1)
        bad.push(`${g.name}: defaults ${g.defaults.join(', ') || 'none'}`);
    }
    for (const [name, ids] of groups) if (ids.length < 2) bad.push(`${name}: only ${ids[0]}`);
    expect(bad).toEqual([]);
  });

  it('groups only senses that share a surface (one is a form of the other)', () => {
    const byId = new Map(BUNDLED_ENTRIES.map((e) => [e.id, e]));
    const bad: string[] = [];
    for (const [name, ids] of groups) {
      const [first, ...rest] = ids.map((id) => byId.get(id)!);
      for (const e of rest) {
        const a = compileMatcher([{ id: first!.id, kk: [first!.kk.term], ru: [] }]);
        const b = compileMatcher([{ id: e.id, kk: [e.kk.term], ru: [] }]);
        const whole = (m: typeof a, t: string) =>
          m.scan(t).some((x) => x.start === 0 && x.end === t.length);
        if (!whole(a, e.kk.term) && !whole(b, first!.kk.term))
          bad.push(`${name}: ${first!.id} and ${e.id} share no Kazakh form`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never has two senses whose own rules both hold at one word (on every table text)', () => {
    const bad: string[] = [];
    for (const [text, word] of [...SENSES, ...QUIET, ...LEGAL.map(([t]) => [t, ''] as const)]) {
      for (const m of scanner.matcher.scan(text)) {
        if (word && text.slice(m.start, m.end) !== word) continue;
        const applying = scanner.sensesThatApply(text, m.start, m.end);
        if (applying && applying.length > 1) bad.push(`${text}: ${applying.join(', ')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the core table of quiet terms: each row once, and its rows reach the entries that have the term', () => {
    const keys = QUIET_TERMS.map((r) => `${r.lang}:${foldTerm(r.term)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const bad: string[] = [];
    let reached = 0;
    for (const e of BUNDLED_ENTRIES) {
      for (const lang of ['kk', 'ru'] as const) {
        if (e.quiet?.some((q) => q.lang === lang)) continue;
        for (const t of [e[lang].term, ...e[lang].variants]) {
          const row = QUIET_TERMS.find((r) => r.lang === lang && foldTerm(r.term) === foldTerm(t));
          if (!row) continue;
          reached++;
          if (!rulesOf(e).quiet?.some((q) => q.lang === lang && q.terms?.includes(t)))
            bad.push(`${e.id}: ${t}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(reached).toBeGreaterThanOrEqual(2);
  });

  /** [an entry's terms and rules, whether the context step has rules for it]. */
  const HAS_RULES: readonly [string, Parameters<typeof hasContextRules>[0], boolean][] = [
    [
      'no rules, multi-word terms',
      { kk: ['талап қою мерзімі'], ru: ['срок исковой давности'] },
      false,
    ],
    ['a core quiet term in Russian', { kk: ['мерзімі'], ru: ['срок'] }, true],
    ['a core quiet term as a variant', { kk: ['X'], ru: ['период', 'срок'] }, true],
    ['a core quiet term in other capitals and spacing', { kk: ['Мерзім '], ru: ['X'] }, true],
    ['an abbreviation of the core table', { kk: ['X'], ru: ['ГК'] }, true],
    [
      'its own quiet rules',
      {
        kk: ['X'],
        ru: ['Y'],
        quiet: [{ lang: 'ru', terms: ['Y'], when: [{ legalContext: true }] }],
      },
      true,
    ],
    ['an empty list of quiet rules', { kk: ['X'], ru: ['Y'], quiet: [] }, false],
    ['a sense', { kk: ['X'], ru: ['Y'], sense: { group: 'g', when: [] } }, true],
    ['a core term in the other language', { kk: ['срок'], ru: ['X'] }, false],
  ];

  it.each(HAS_RULES)('hasContextRules: %s', (_, entry, expected) => {
    expect(hasContextRules(entry)).toBe(expected);
    const r = rulesOf(entry);
    expect(r.sense !== undefined || r.quiet !== undefined).toBe(expected);
  });

  it('hasContextRules agrees with rulesOf on every bundled entry', () => {
    const differ = BUNDLED_ENTRIES.filter((e) => {
      const r = rulesOf(e);
      return hasContextRules(e) !== (r.sense !== undefined || r.quiet !== undefined);
    });
    expect(differ.map((e) => e.id)).toEqual([]);
    expect(BUNDLED_ENTRIES.filter(hasContextRules).length).toBeGreaterThan(20);
  });

  it('matches every abbreviation of the glossary as written', () => {
    const bad: string[] = [];
    for (const e of BUNDLED_ENTRIES) {
      for (const lang of ['kk', 'ru'] as const) {
        for (const t of [e[lang].term, ...e[lang].variants].filter(isAbbreviation)) {
          const text = `${t} 12-бап, ст. 5 Конституции.`;
          if (!scanner.scan(text).some((m) => m.start === 0 && m.id === e.id))
            bad.push(`${e.id}: ${t}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
