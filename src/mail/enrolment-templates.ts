import { renderMail, SIGNATURE, type Language } from './index';

/**
 * Enrolment mails. The confirmation request goes to an address nobody has
 * proven yet: it holds nothing the requester typed (no name, no answers), so
 * it cannot carry someone's message in the town's name. Titles and places
 * are the organisation's published text.
 */


export interface ActivityInMail {
  title: string;
  /** The date and time as spoken, or null for an activity without one. */
  when: string | null;
  where: string | null;
}

const details = (language: Language, { title, when, where }: ActivityInMail) =>
  [`${language === 'nl' ? 'Activiteit' : 'Activity'}: ${title}`, when && `${language === 'nl' ? 'Wanneer' : 'When'}: ${when}`, where && `${language === 'nl' ? 'Waar' : 'Where'}: ${where}`]
    .filter(Boolean)
    .join('\n');

export const confirmEnrolmentMail = (language: Language, { activity, link, hours }: { activity: ActivityInMail; link: string; hours: number }) =>
  renderMail(language, {
    nl: {
      subject: `Bevestig {{je|uw}} inschrijving: ${activity.title}`,
      paragraphs: [
        'Hallo,',
        'Met dit e-mailadres is iemand ingeschreven voor:',
        details('nl', activity),
        `Klik op deze link om de inschrijving te bevestigen. De link werkt ${hours} uur en één keer:`,
        link,
        '{{Heb je|Heeft u}} zich niet ingeschreven? Dan {{kun je|kunt u}} deze mail negeren: zonder bevestiging gebeurt er niets.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: `Confirm your enrolment: ${activity.title}`,
      paragraphs: [
        'Hello,',
        'Someone enrolled this email address for:',
        details('en', activity),
        `Click this link to confirm the enrolment. It works once, for ${hours} hours:`,
        link,
        'Did you not enrol? Then ignore this email: nothing happens without a confirmation.',
        SIGNATURE.en,
      ],
    },
  });

export type PlacedAs = 'confirmed' | 'waitlisted' | 'promoted';

const outcome = {
  nl: {
    confirmed: () => '{{Je bent|U bent}} ingeschreven. Tot dan!',
    promoted: () => 'Er is een plaats vrijgekomen: {{je bent|u bent}} nu ingeschreven. Tot dan!',
    waitlisted: (position: number) => `De activiteit is vol. {{Je staat|U staat}} op de wachtlijst, op plaats ${position}. Komt er een plaats vrij, dan {{krijg je|krijgt u}} meteen een mail.`,
  },
  en: {
    confirmed: () => 'You are enrolled. See you there!',
    promoted: () => 'A place became free: you are now enrolled. See you there!',
    waitlisted: (position: number) => `The activity is full. You are on the waiting list, at position ${position}. If a place becomes free, you get an email at once.`,
  },
};

export const enrolmentPlacedMail = (
  language: Language,
  { activity, as, position, cancelLink, listLink }: { activity: ActivityInMail; as: PlacedAs; position?: number; cancelLink: string; listLink: string }
) => {
  const subjects = {
    nl: { confirmed: 'Ingeschreven', promoted: 'Plaats vrijgekomen, {{je bent|u bent}} ingeschreven', waitlisted: 'Op de wachtlijst' },
    en: { confirmed: 'Enrolled', promoted: 'A place became free, you are enrolled', waitlisted: 'On the waiting list' },
  };
  const body = (lang: Language) => outcome[lang][as](position ?? 0);
  return renderMail(language, {
    nl: {
      subject: `${subjects.nl[as]}: ${activity.title}`,
      paragraphs: [
        'Hallo,',
        body('nl'),
        details('nl', activity),
        ...(as === 'waitlisted' ? [] : ['In de bijlage staat de afspraak voor {{je|uw}} agenda.']),
        'Kun{{ je|t u}} niet? Meld {{je|u}} dan af met deze link, zodat een ander {{je|uw}} plaats krijgt:',
        cancelLink,
        'Al {{je|uw}} inschrijvingen zien en beheren:',
        listLink,
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: `${subjects.en[as]}: ${activity.title}`,
      paragraphs: [
        'Hello,',
        body('en'),
        details('en', activity),
        ...(as === 'waitlisted' ? [] : ['The attachment adds it to your calendar.']),
        'Cannot make it? Cancel with this link, so someone else gets your place:',
        cancelLink,
        'See and manage all your enrolments:',
        listLink,
        SIGNATURE.en,
      ],
    },
  });
};

/** To an address that asked again: it is enrolled already, and where to see it. Says nothing to whoever typed it in. */
export const alreadyEnrolledMail = (language: Language, { activity, listLink }: { activity: ActivityInMail; listLink: string }) =>
  renderMail(language, {
    nl: {
      subject: `{{Je bent|U bent}} al ingeschreven: ${activity.title}`,
      paragraphs: ['Hallo,', 'Er is opnieuw een inschrijving gevraagd voor dit e-mailadres, maar {{je bent|u bent}} al ingeschreven voor:', details('nl', activity), '{{Je|Uw}} inschrijvingen zien en beheren:', listLink, SIGNATURE.nl],
    },
    en: {
      subject: `You are already enrolled: ${activity.title}`,
      paragraphs: ['Hello,', 'An enrolment was asked for this email address again, but you are already enrolled for:', details('en', activity), 'See and manage your enrolments:', listLink, SIGNATURE.en],
    },
  });

export const enrolmentReminderMail = (language: Language, { activity, cancelLink }: { activity: ActivityInMail; cancelLink: string }) =>
  renderMail(language, {
    nl: {
      subject: `Herinnering: ${activity.title}`,
      paragraphs: ['Hallo,', '{{Je bent|U bent}} ingeschreven voor:', details('nl', activity), 'Kun{{ je|t u}} toch niet? Meld {{je|u}} dan af, zodat een ander {{je|uw}} plaats krijgt:', cancelLink, SIGNATURE.nl],
    },
    en: {
      subject: `Reminder: ${activity.title}`,
      paragraphs: ['Hello,', 'You are enrolled for:', details('en', activity), 'Cannot make it after all? Cancel, so someone else gets your place:', cancelLink, SIGNATURE.en],
    },
  });

/** The organiser's own words to everyone enrolled (e.g. "cancelled because of rain"): escaped text, never links or markup. */
export const organiserMessageMail = (
  language: Language,
  { activity, organisation, subject, message }: { activity: ActivityInMail; organisation: string; subject: string; message: string }
) =>
  renderMail(language, {
    nl: {
      subject: `${activity.title}: ${subject}`,
      // The message shares a paragraph with its heading: a paragraph that is only a URL would become a link.
      paragraphs: ['Hallo,', `{{Je bent|U bent}} ingeschreven voor:\n${details('nl', activity)}`, `Bericht van ${organisation}:\n${message}`, SIGNATURE.nl],
    },
    en: {
      subject: `${activity.title}: ${subject}`,
      paragraphs: ['Hello,', `You are enrolled for:\n${details('en', activity)}`, `Message from ${organisation}:\n${message}`, SIGNATURE.en],
    },
  });
