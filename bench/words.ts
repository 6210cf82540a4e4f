/**
 * Word lists for the synthetic feeds, written for the bench. The names are invented in the style of Central
 * Asian government press releases (given names, surnames with their endings, places, organisations); none is
 * taken from a real feed, so the generated data can be shared and committed generators stay clean.
 */
const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

export const GIVEN_NAMES = words(`
  Aibolat Adilkhan Akerke Almasbek Orynbek Arailym Arman Asemgul Bakytzhan Balausa Beibitgul Bolatbek Daniyal
  Darkhanbek Dinmukhamed Elmira Erbolat Gaukhartas Ilyasbek Kamshat Karlygash Kairolla Meruyert Mukhtarbek Nazerke
  Nurasyl Oljas Rauangul Sabyrzhan Samal Sanjarbek Tolganai Temirlanbek Ulbolsyn Yerkinbek Zarina Zhasulan Zhibek`);

/** Surname stems; an ending from SURNAME_ENDINGS makes the surname, and a variant ending makes a fault. */
export const SURNAME_STEMS = words(`
  Abdikarim Akylbay Baimukhan Beisembay Dauletkeld Dzhaksybek Ermekbay Esengeld Iskakbay Kenzhebay Kulmakh
  Kuttybay Mamyrbek Medeubek Nurpeis Omarkhan Orazbay Rakhymzhan Sadykbek Sarsenbay Seitkhan Shaimerden Tasbolat
  Temirkhan Tleuberd Toktarbay Urazbek Utebay Zhakupbek Zhanserik Zhumabek Zhunusbay`);

/** Each pair is a canonical ending and a spelling of it that feeds write by mistake or by another romanisation. */
export const SURNAME_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['iyev', 'iev'],
  ['ov', 'ev'],
  ['ova', 'eva'],
  ['uly', 'ulu'],
];

export const PLACES = words(`
  Akbulak Aktogai Alakol Arkalyk-Su Balkhash-Tobe Baltabay Bayanaul Beskaragai Borili Kaindy Karabulak Karasor
  Kenkiyak Koktal Koskol Kyzylzhar Maitobe Mamyt Ortau Saryagash-Kol Sarybel Shalkar Shubarkol Taldyozek Tarbagai
  Tasaryk Terekti Tobyl-Ozen Ulken-Su Ushbulak Zhanaturmys Zhelezin`);

/** Words that follow a place's name in releases, so that the place reads as one. */
export const PLACE_KINDS = words('region district city village river lake');

/** Organisation names; a legal form and an acronym are added when they are written. */
export const ORGANISATIONS = words(`
  Altyntas Aqsuenergo Balqash-Metall Bereke-Agro Dalatemir Energoqyzmet Kazsutransit Kokbulak-Su Qazelectro
  Qazgeoinform Qyzylaspap Samal-Trans Saryarqa-Holding Shygys-Zholdary Temirgas Tulpar-Logistic Zhasyl-Dala`);

export const LEGAL_FORMS = words('JSC LLP RSE NJSC');

/** Institutions with a long form and the acronym a release defines in brackets the first time. */
export const INSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['Agency for Water Resources', 'AWR'],
  ['Committee for Road Safety', 'CRS'],
  ['Fund for Rural Development', 'FRD'],
  ['Centre for Digital Services', 'CDS'],
  ['Institute of Soil Science', 'ISS'],
  ['Council for Regional Investment', 'CRI'],
  ['Office of Public Health Control', 'OPHC'],
  ['Board of Transport Inspection', 'BTI'],
];

export const MINISTRIES = words(`
  Energy Agriculture Health Education Transport Finance Ecology Culture Labour Justice Industry Tourism`);

/** Short lines that head the releases that follow them. */
export const CATEGORIES = words('Economy Energy Health Education Transport Agriculture Ecology Culture Sport Law');

export const NOUNS = words(`
  agency budget bridge building campaign canal capacity centre clinic college commission community company
  construction contract cooperative council crop dam deadline delegation department development district document
  electricity employer engineer enterprise equipment expert facility farm farmer festival field fund grant hospital
  household infrastructure initiative inspection investment irrigation laboratory law license livestock loan market
  measure meeting network office operator owner park pipeline plan plant platform policy population programme project
  proposal quarter railway region regulation report reservoir resident road route rule school scheme season sector
  service settlement shortage site specialist station subsidy supply survey system tariff teacher technology tender
  territory transport treatment turbine union vehicle village volunteer warehouse water workshop youth analysis
  application approach audit balance benefit border capital certificate change competition consumer contractor
  cooperation court crew customer decision demand density deposit design district effort emission energy event
  export facade fleet forecast harvest heating housing import income industry inspector instrument insurance
  inventory journalist justice labour landfill legislation lighting maintenance manufacturer materials migration
  monitoring museum nursery obligation outbreak output parliament partner payment permit pharmacy pollution pension
  procurement producer production property protection railcar reconstruction recycling repair research retirement
  revenue safety sanitation sewage shelter shipment storage student surgery tourism trade traffic training transit
  tuition utility vaccination ventilation waste wastewater welfare wheat workforce`);

export const ADJECTIVES = words(`
  additional annual basic central civil commercial common current digital domestic economic effective electric
  environmental essential financial foreign general global industrial initial internal joint key large legal local
  main major medical modern municipal national new official open popular potential practical previous primary
  private public regional relevant remote renewable rural safe seasonal separate significant small social special
  stable strategic sufficient technical temporary total urban usual various vital agricultural affordable
  comprehensive cultural detailed efficient experimental independent innovative interregional long-term mobile
  preliminary priority qualified reliable residential scientific sustainable transparent`);

/** Verbs in the forms that releases use them: past tense, and after `will`. */
export const VERBS_PAST = words(`
  approved announced completed discussed examined financed inspected installed introduced launched monitored opened
  organised prepared presented received reconstructed reviewed signed supported upgraded repaired delivered
  allocated analysed assessed built checked connected coordinated developed distributed equipped expanded
  identified implemented improved increased modernised planned purchased recorded registered renovated restored
  submitted tested trained visited`);

export const VERBS_FUTURE = words(`
  allocate build check complete connect continue deliver develop equip expand finance improve increase inspect
  install introduce launch modernise monitor open organise prepare present publish receive reconstruct repair
  replace restore review support test train upgrade`);

export const ADVERBS = words(`
  already currently successfully promptly gradually regularly jointly annually fully partly recently quickly
  steadily additionally consistently`);

export const MONTHS = words(`
  January February March April May June July August September October November December`);

export const UNITS = words(`kilometres hectares tonnes units households specialists places beds schools villages`);

/** What people say in releases, as the first half of a quoted line. */
export const QUOTE_OPENINGS = [
  'We are ready to',
  'Our task is to',
  'This year we plan to',
  'It is important for us to',
  'The government has decided to',
  'Together with our partners we will',
  'Residents asked us to',
  'The new rules allow us to',
];
