/** Word lists for the demo town. Dutch first, English second. */

export type Bilingual = { nl: string; en: string };

export const TOWN = { name: 'Eemdal', centre: { latitude: 52.1561, longitude: 5.3878 }, postalPrefix: 38 };

export const CATEGORIES = [
  { slug: 'maaltijden', icon: 'utensils', name: { nl: 'Maaltijden', en: 'Meals' }, description: { nl: 'Samen eten, maaltijden aan huis en buurtkeukens.', en: 'Eating together, meals at home and community kitchens.' } },
  { slug: 'vervoer', icon: 'car', name: { nl: 'Vervoer', en: 'Transport' }, description: { nl: 'Vrijwillige chauffeurs, buurtbus en fietsmaatjes.', en: 'Volunteer drivers, neighbourhood bus and cycling buddies.' } },
  { slug: 'sport', icon: 'running', name: { nl: 'Sport en bewegen', en: 'Sport' }, description: { nl: 'Wandelen, fietsen, gym en sport voor iedere leeftijd.', en: 'Walking, cycling, gym and sport for every age.' } },
  { slug: 'bewonersinitiatieven', icon: 'lightbulb', name: { nl: 'Bewonersinitiatieven', en: 'Resident initiatives' }, description: { nl: 'Bewoners die samen hun buurt mooier maken.', en: 'Residents improving their neighbourhood together.' } },
  { slug: 'ontmoeting', icon: 'coffee', name: { nl: 'Ontmoeting', en: 'Meeting' }, description: { nl: 'Koffieochtenden, inloop en activiteiten om elkaar te leren kennen.', en: 'Coffee mornings, drop-in sessions and ways to get to know each other.' } },
  { slug: 'cursussen', icon: 'book', name: { nl: 'Cursussen', en: 'Courses' }, description: { nl: 'Taal, computer, creatief en financiële vaardigheden.', en: 'Language, computer, creative and money skills.' } },
  { slug: 'mantelzorg', icon: 'heart', name: { nl: 'Mantelzorg', en: 'Informal care' }, description: { nl: 'Steun voor wie zorgt voor een naaste, en respijtzorg.', en: 'Support for people caring for a loved one, and respite care.' } },
] as const;

export type CategorySlug = (typeof CATEGORIES)[number]['slug'];

export const NEIGHBOURHOODS = [
  { name: 'Binnenstad', offset: [0, 0] },
  { name: 'Oosterpark', offset: [0.004, 0.021] },
  { name: 'Westwijk', offset: [-0.002, -0.024] },
  { name: 'De Hoven', offset: [-0.017, 0.006] },
  { name: 'Molenbuurt', offset: [0.016, -0.008] },
  { name: 'Zuiderveld', offset: [-0.026, -0.012] },
  { name: 'Vogelwijk', offset: [0.027, 0.012] },
  { name: 'Bloemenbuurt', offset: [0.011, -0.031] },
  { name: 'Havenkwartier', offset: [-0.009, 0.036] },
  { name: 'Noorderhout', offset: [0.038, -0.002] },
] as const;

export const STREETS = [
  'Kerkstraat', 'Molenweg', 'Lindelaan', 'Beukenlaan', 'Havenkade', 'Schoolstraat', 'Dorpsstraat', 'Stationsplein',
  'Parkweg', 'Vijverlaan', 'Kastanjehof', 'Merelstraat', 'Tulpstraat', 'Zandweg', 'Julianalaan', 'Marktplein',
];

/** Organisation name templates per category; {n} is the neighbourhood. */
export const ORGANISATION_KINDS: Record<CategorySlug, readonly Bilingual[]> = {
  maaltijden: [
    { nl: 'Buurtkeuken {n}', en: 'Community kitchen' },
    { nl: 'Eettafel {n}', en: 'Dining table' },
    { nl: 'Maaltijdservice {n}', en: 'Meal service' },
  ],
  vervoer: [
    { nl: 'Vrijwillige vervoersdienst {n}', en: 'Volunteer transport service' },
    { nl: 'Buurtbus {n}', en: 'Neighbourhood bus' },
    { nl: 'Fietsmaatjes {n}', en: 'Cycling buddies' },
  ],
  sport: [
    { nl: 'Wandelgroep {n}', en: 'Walking group' },
    { nl: 'Jeu de boules {n}', en: 'Petanque club' },
    { nl: 'Sportvereniging {n}', en: 'Sports club' },
    { nl: 'Beweegclub 55+ {n}', en: 'Exercise club 55+' },
  ],
  bewonersinitiatieven: [
    { nl: 'Bewonerscommissie {n}', en: 'Residents committee' },
    { nl: 'Buurttuin {n}', en: 'Community garden' },
    { nl: 'Repair Café {n}', en: 'Repair café' },
  ],
  ontmoeting: [
    { nl: 'Buurthuis {n}', en: 'Community centre' },
    { nl: 'Koffiehuis {n}', en: 'Coffee house' },
    { nl: 'Inloophuis {n}', en: 'Drop-in centre' },
  ],
  cursussen: [
    { nl: 'Taalhuis {n}', en: 'Language house' },
    { nl: 'Digicafé {n}', en: 'Digital skills café' },
    { nl: 'Creatief atelier {n}', en: 'Creative studio' },
  ],
  mantelzorg: [
    { nl: 'Mantelzorgpunt {n}', en: 'Carers support point' },
    { nl: 'Respijthuis {n}', en: 'Respite house' },
    { nl: 'Steunpunt Zorg {n}', en: 'Care support centre' },
  ],
};

export const ACTIVITY_KINDS: Record<CategorySlug, readonly Bilingual[]> = {
  maaltijden: [
    { nl: 'Samen eten', en: 'Eating together' },
    { nl: 'Soepmiddag', en: 'Soup afternoon' },
    { nl: 'Kookworkshop gezond en goedkoop', en: 'Healthy budget cooking workshop' },
  ],
  vervoer: [
    { nl: 'Ritjes naar het ziekenhuis', en: 'Rides to the hospital' },
    { nl: 'Boodschappenbus', en: 'Shopping bus' },
    { nl: 'Fietsles voor volwassenen', en: 'Cycling lessons for adults' },
  ],
  sport: [
    { nl: 'Wandelen in de buurt', en: 'Neighbourhood walk' },
    { nl: 'Stoelyoga', en: 'Chair yoga' },
    { nl: 'Sportmiddag voor kinderen', en: 'Sports afternoon for children' },
    { nl: 'Fietstocht langs de Eem', en: 'Bike ride along the river' },
  ],
  bewonersinitiatieven: [
    { nl: 'Opschoondag', en: 'Clean-up day' },
    { nl: 'Tuinieren in de buurttuin', en: 'Gardening in the community garden' },
    { nl: 'Repair Café', en: 'Repair café' },
  ],
  ontmoeting: [
    { nl: 'Koffieochtend', en: 'Coffee morning' },
    { nl: 'Spelletjesmiddag', en: 'Games afternoon' },
    { nl: 'Buurtborrel', en: 'Neighbourhood drinks' },
  ],
  cursussen: [
    { nl: 'Taalcafé Nederlands', en: 'Dutch language café' },
    { nl: 'Hulp bij de computer en telefoon', en: 'Help with computer and phone' },
    { nl: 'Schildercursus', en: 'Painting course' },
  ],
  mantelzorg: [
    { nl: 'Lotgenotengroep mantelzorgers', en: 'Peer group for carers' },
    { nl: 'Mantelzorgcafé', en: 'Carers café' },
    { nl: 'Informatieavond dementie', en: 'Information evening on dementia' },
  ],
};

export const INITIATIVE_IDEAS: readonly (Bilingual & { theme: CategorySlug; summary: Bilingual })[] = [
  { nl: 'Een moestuin voor {n}', en: 'A vegetable garden for {n}', theme: 'bewonersinitiatieven', summary: { nl: 'Samen groenten kweken op het braakliggende veldje.', en: 'Growing vegetables together on the empty plot.' } },
  { nl: 'Meer bankjes in {n}', en: 'More benches in {n}', theme: 'ontmoeting', summary: { nl: 'Rustpunten voor ouderen langs de looproutes.', en: 'Places to rest for older people along walking routes.' } },
  { nl: 'Deelauto voor {n}', en: 'A shared car for {n}', theme: 'vervoer', summary: { nl: 'Een elektrische deelauto voor de hele buurt.', en: 'An electric car shared by the whole neighbourhood.' } },
  { nl: 'Speeltuin opknappen in {n}', en: 'Renovate the playground in {n}', theme: 'bewonersinitiatieven', summary: { nl: 'Nieuwe toestellen en groen rond de speeltuin.', en: 'New equipment and greenery around the playground.' } },
  { nl: 'Buurtkoelkast in {n}', en: 'Community fridge in {n}', theme: 'maaltijden', summary: { nl: 'Eten delen in plaats van weggooien.', en: 'Sharing food instead of throwing it away.' } },
  { nl: 'Wandelroute door {n}', en: 'A walking route through {n}', theme: 'sport', summary: { nl: 'Een bewegwijzerde route met beweegtoestellen.', en: 'A signposted route with outdoor fitness equipment.' } },
  { nl: 'Taalmaatjes in {n}', en: 'Language buddies in {n}', theme: 'cursussen', summary: { nl: 'Nieuwkomers oefenen Nederlands met buren.', en: 'Newcomers practise Dutch with neighbours.' } },
  { nl: 'Respijtochtend voor mantelzorgers in {n}', en: 'Respite morning for carers in {n}', theme: 'mantelzorg', summary: { nl: 'Een vrije ochtend per maand voor mantelzorgers.', en: 'A free morning every month for carers.' } },
  { nl: 'Bloemen in de boomspiegels van {n}', en: 'Flowers around the trees of {n}', theme: 'bewonersinitiatieven', summary: { nl: 'Bewoners adopteren een boomspiegel.', en: 'Residents adopt the soil around a tree.' } },
  { nl: 'Pannakooi voor {n}', en: 'A football cage for {n}', theme: 'sport', summary: { nl: 'Een veilige plek om te voetballen voor de jeugd.', en: 'A safe place for young people to play football.' } },
  { nl: 'Buurtkamer in {n}', en: 'A neighbourhood living room in {n}', theme: 'ontmoeting', summary: { nl: 'Een huiskamer waar iedereen binnen kan lopen.', en: 'A living room where everyone can drop in.' } },
  { nl: 'Fietsenmaker-workshop in {n}', en: 'Bicycle repair workshop in {n}', theme: 'cursussen', summary: { nl: 'Leer je eigen fiets repareren.', en: 'Learn to repair your own bike.' } },
];

export const SUBSIDIES = [
  { slug: 'buurtbudget', provider: 'Gemeente Eemdal', maxAmount: 2500, themes: ['bewonersinitiatieven', 'ontmoeting'], name: { nl: 'Buurtbudget', en: 'Neighbourhood budget' }, description: { nl: 'Tot € 2.500 voor een idee dat de buurt sterker maakt.', en: 'Up to € 2,500 for an idea that makes the neighbourhood stronger.' } },
  { slug: 'initiatievenfonds', provider: 'Gemeente Eemdal', maxAmount: 10000, themes: ['bewonersinitiatieven', 'sport', 'cursussen'], name: { nl: 'Initiatievenfonds', en: 'Initiatives fund' }, description: { nl: 'Voor grotere initiatieven met een plan en begroting.', en: 'For larger initiatives with a plan and a budget.' } },
  { slug: 'fonds-groen-en-spelen', provider: 'Provincie Utrecht', maxAmount: 15000, themes: ['bewonersinitiatieven', 'sport'], name: { nl: 'Fonds Groen en Spelen', en: 'Green and play fund' }, description: { nl: 'Groen en speelplekken in de wijk.', en: 'Green spaces and playgrounds in the neighbourhood.' } },
  { slug: 'mantelzorgwaardering', provider: 'Gemeente Eemdal', maxAmount: 500, themes: ['mantelzorg'], name: { nl: 'Mantelzorgwaardering', en: 'Carer appreciation grant' }, description: { nl: 'Een bijdrage voor activiteiten voor mantelzorgers.', en: 'A contribution to activities for carers.' } },
  { slug: 'samen-eten-fonds', provider: 'Stichting Samen Eten', maxAmount: 3000, themes: ['maaltijden', 'ontmoeting'], name: { nl: 'Samen Eten Fonds', en: 'Eating together fund' }, description: { nl: 'Voor maaltijden die buren bij elkaar brengen.', en: 'For meals that bring neighbours together.' } },
] as const;
