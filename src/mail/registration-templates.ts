import { renderMail, type Language } from './index';

/** Mails of registering with a password: they carry only our own text and links, never what the registrant typed. */

const signature = { nl: 'Met vriendelijke groet,\nbuurtplein', en: 'Kind regards,\nbuurtplein' };

export const confirmRegistrationMail = (language: Language, { link, hours }: { link: string; hours: number }) =>
  renderMail(language, {
    nl: {
      subject: 'Bevestig je e-mailadres voor buurtplein',
      paragraphs: [
        'Hallo,',
        `Iemand heeft met dit e-mailadres een account op buurtplein aangemaakt. Was jij dat? Bevestig het dan met deze link; daarna ben je ingelogd. De link werkt ${hours} uur en één keer:`,
        link,
        'Was jij het niet? Negeer deze mail dan: zonder bevestiging wordt er geen account gemaakt.',
        signature.nl,
      ],
    },
    en: {
      subject: 'Confirm your email address for buurtplein',
      paragraphs: [
        'Hello,',
        `Someone created a buurtplein account with this email address. Was it you? Then confirm it with this link, which also logs you in. It works once, for ${hours} hours:`,
        link,
        'Was it not you? Then ignore this email: without confirmation no account is made.',
        signature.en,
      ],
    },
  });

export const alreadyRegisteredMail = (language: Language, { link, minutes }: { link: string; minutes: number }) =>
  renderMail(language, {
    nl: {
      subject: 'Je hebt al een account op buurtplein',
      paragraphs: [
        'Hallo,',
        'Iemand probeerde met dit e-mailadres een nieuw account aan te maken, maar je hebt er al een. Er is niets veranderd.',
        `Wil je inloggen? Gebruik deze link (${minutes} minuten geldig, één keer), of kies op de inlogpagina "wachtwoord vergeten":`,
        link,
        'Was jij het niet? Dan kun je deze mail negeren.',
        signature.nl,
      ],
    },
    en: {
      subject: 'You already have a buurtplein account',
      paragraphs: [
        'Hello,',
        'Someone tried to create a new account with this email address, but you already have one. Nothing has changed.',
        `Want to log in? Use this link (valid for ${minutes} minutes, once), or choose "forgot password" on the login page:`,
        link,
        'Was it not you? Then you can ignore this email.',
        signature.en,
      ],
    },
  });
