import { stemDutch } from '../dutch-stemmer';

// Expected stems are PostgreSQL's: ts_lexize('dutch_stem', word), which both indexes must agree with.
const CASES: Record<string, string> = {
  maaltijden: 'maaltijd',
  maaltijd: 'maaltijd',
  fietsen: 'fiets',
  fietsles: 'fietsles',
  sport: 'sport',
  sportt: 'sportt',
  gezelligheden: 'gezell',
  mogelijkheden: 'mogelijk',
  lichamelijke: 'licham',
  vriendelijkheid: 'vriendelijk',
  wandelingen: 'wandel',
  buurthuizen: 'buurthuiz',
  ouderen: 'ouder',
  vrijwilligers: 'vrijwilliger',
  initiatieven: 'initiatiev',
  boodschappen: 'boodschapp',
  bomen: 'bom',
  manen: 'man',
  broden: 'brod',
  zeeën: 'zeeen',
  ideeën: 'ideeen',
  cafés: 'cafes',
  naïeve: 'naiev',
  kraaien: 'kraai',
  yoghurt: 'yoghurt',
  betaalbare: 'betal',
  eetbaar: 'eetbar',
  gemeenten: 'gemeent',
  gemenen: 'gemen',
  meals: 'meal',
};

describe('stemDutch (Snowball Dutch, as PostgreSQL)', () => {
  it.each(Object.entries(CASES))('%s → %s', (word, stem) => {
    expect(stemDutch(word)).toBe(stem);
  });
});
