/** App mails and the reminder plugin's texts together: a test of the whole, so it lives outside both (src never imports from inside a plugin). */
import * as templates from '../src/mail/templates';
import { addressed, type FormOfAddress, type Mail } from '../src/mail/index';
import { DEFAULT_TEMPLATES } from '../plugins/listing-reminders/server/src/templates/defaults';
import { confirmPage } from '../plugins/listing-reminders/server/src/templates/confirm-page';

/** Every Dutch text speaks with one voice: the town's choice of je or u (#15.7). */
const INFORMAL = /\b(je|jij|jou|jouw)\b/i;
const FORMAL = /\b(u|uw)\b/i;
const stranger = (form: FormOfAddress) => (form === 'je' ? FORMAL : INFORMAL);

const values = { link: 'https://site.example/x?token=abc', minutes: 30, hours: 24, days: 7, organisation: 'Wandelclub', inviter: 'Anna', contactEmail: 'c@club.example' };
const dutchMails = (): [string, Mail][] =>
  Object.entries(templates)
    .filter(([, make]) => typeof make === 'function')
    .map(([name, make]) => [name, (make as (language: 'nl', v: typeof values) => Mail)('nl', values)]);

describe.each<FormOfAddress>(['je', 'u'])('Dutch texts in the "%s" form', (form) => {
  it.each(dutchMails())('%s', (_name, mail) => {
    for (const part of [mail.subject, mail.text]) {
      const voiced = addressed(part, form);
      expect(voiced).not.toMatch(/\{\{|\}\}/);
      expect(voiced).not.toMatch(stranger(form));
    }
  });

  it('the quarterly reminder and its confirm pages', () => {
    const { subject, body } = DEFAULT_TEMPLATES.nl;
    expect(addressed(`${subject}\n${body}`.replace(/\{\{\s*\w+\s*\}\}/g, 'X'), form)).not.toMatch(stranger(form));
    for (const outcome of ['confirmed', 'already', 'expired', 'invalid'] as const) {
      expect(confirmPage('nl', outcome, 'Wandelclub', form).replace(/<[^>]+>/g, ' ')).not.toMatch(stranger(form));
    }
  });
});

it('a form names both sides', () => {
  expect(addressed('{{Kun je|Kunt u}} {{je|uw}} mail lezen?', 'je')).toBe('Kun je je mail lezen?');
  expect(addressed('{{Kun je|Kunt u}} {{je|uw}} mail lezen?', 'u')).toBe('Kunt u uw mail lezen?');
});
