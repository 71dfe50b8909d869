#!/usr/bin/env node
'use strict';
// Writes data/samples/: the launch scenario (200 organisations, 350 activities),
// a JSON example and a file of deliberately broken rows. Deterministic: running
// it again gives byte-identical files.
const fs = require('node:fs');
const path = require('node:path');
const { organisationRows, activityRows, toCsv, ORG_COLUMNS, ACTIVITY_COLUMNS } = require('./lib/import-samples');

const DIR = path.resolve(__dirname, '../data/samples');

/** Each row broken in exactly one way (data/samples/README.md lists them); lines 2 and 19 are fine. */
function brokenRows(good) {
  const row = (externalId, change) => ({ ...good, externalId, ...change });
  return [
    row('broken-act-01', {}),
    row('broken-act-03', { title: '' }),
    row('broken-act-04', { startsAt: '2027-02-30T10:00' }),
    row('broken-act-05', { endsAt: 'volgende week' }),
    row('broken-act-06', { startsAt: '2027-03-01T14:00', endsAt: '2027-03-01T12:00' }),
    row('broken-act-07', { latitude: '52,1x' }),
    row('broken-act-08', { longitude: '' }),
    row('broken-act-09', { longitude: '200' }),
    row('broken-act-10', { categories: 'Paardrijden' }),
    row('broken-act-11', { neighbourhood: 'Atlantis' }),
    row('broken-act-12', { organisation: 'eemdal-org-9999' }),
    row('broken-act-13', { recurrence: 'EVERY MONDAY' }),
    row('broken-act-14', { cost: '-5' }),
    row('broken-act-15', { enrolmentUrl: 'www.aanmelden.example' }),
    row('', {}),
    row('broken-act-dup', {}),
    row('broken-act-dup', {}),
    row('broken-act-02', { categories: 'Spórt en bewegen', title: 'Stoelyoga (Binnenstad)' }),
    row('broken-act-20', { capacity: 'tien' }),
  ];
}

function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const organisations = organisationRows(200);
  const activities = activityRows(350, organisations);
  const write = (name, text) => {
    fs.writeFileSync(path.join(DIR, name), text);
    console.log(`wrote data/samples/${name}`);
  };
  write('launch-organisations.csv', toCsv(organisations, ORG_COLUMNS));
  write('launch-activities.csv', toCsv(activities, ACTIVITY_COLUMNS));
  const json = activities.slice(0, 5).map((a) => ({
    ...a,
    categories: a.categories.split('|'),
    targetGroups: a.targetGroups.split('|'),
    latitude: Number(a.latitude),
    longitude: Number(a.longitude),
    externalId: a.externalId.replace('eemdal-act', 'eemdal-json'),
  }));
  write('example-activities.json', `${JSON.stringify(json, null, 2)}\n`);
  const good = { ...activities[0], recurrence: '', endsAt: '2027-01-05T12:00', startsAt: '2027-01-05T10:00', latitude: '52.1561', longitude: '5.3878' };
  write('broken-rows.csv', toCsv(brokenRows(good), ACTIVITY_COLUMNS));
}

main();
