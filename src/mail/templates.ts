import { renderMail, SIGNATURE, type Language } from './index';

/** Every mail the app itself sends, in Dutch and English. */


export const magicLinkMail = (language: Language, { link, minutes }: { link: string; minutes: number }) =>
  renderMail(language, {
    nl: {
      subject: '{{Je|Uw}} inloglink voor buurtplein',
      paragraphs: [
        'Hallo,',
        `Klik op deze link om in te loggen. De link werkt ${minutes} minuten en één keer:`,
        link,
        '{{Heb je|Heeft u}} niet om deze link gevraagd? Dan {{kun je|kunt u}} deze mail negeren.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: 'Your buurtplein login link',
      paragraphs: [
        'Hello,',
        `Click this link to log in. It works once, for ${minutes} minutes:`,
        link,
        'Did not ask for this link? Then you can ignore this email.',
        SIGNATURE.en,
      ],
    },
  });

/**
 * To the contact address of a sign-up, which whoever signed up typed in:
 * nothing of what they typed is in it (no name, no text), so it cannot be
 * used to send someone else a message from the town's address.
 */
export const signUpReceivedMail = (language: Language, { link }: { link: string }) =>
  renderMail(language, {
    nl: {
      subject: 'Aanmelding ontvangen op buurtplein',
      paragraphs: [
        'Hallo,',
        'Met dit e-mailadres is een organisatie aangemeld voor de sociale kaart van buurtplein. Een medewerker van de gemeente kijkt de aanmelding na; {{je krijgt|u krijgt}} een mail zodra de organisatie zichtbaar is.',
        '{{Je kunt|U kunt}} nu al inloggen om de gegevens en activiteiten klaar te zetten:',
        link,
        '{{Heb jij|Heeft u}} niets aangemeld? Dan {{kun je|kunt u}} deze mail negeren; de gemeente publiceert niets zonder het na te kijken.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: 'Sign-up received on buurtplein',
      paragraphs: [
        'Hello,',
        "An organisation was signed up for buurtplein's social map with this email address. A member of the municipality's staff will review it; you will get an email as soon as the organisation is visible.",
        'You can already log in to prepare its details and activities:',
        link,
        'Did you not sign anything up? Then ignore this email; the municipality publishes nothing without reviewing it.',
        SIGNATURE.en,
      ],
    },
  });

/** To staff (STAFF_EMAILS): what they need to find the sign-up; the typed name is escaped text, never a link. */
export const signUpForStaffMail = (language: Language, { organisation, contactEmail }: { organisation: string; contactEmail: string }) =>
  renderMail(language, {
    nl: {
      subject: 'Nieuwe aanmelding op buurtplein',
      paragraphs: [
        `Een nieuwe organisatie wacht op goedkeuring: "${organisation}", aangemeld met ${contactEmail}.`,
        'Keur haar goed in het beheer: Content Manager → Organisation, filter approvalStatus = pending, en publiceer.',
      ],
    },
    en: {
      subject: 'New sign-up on buurtplein',
      paragraphs: [
        `A new organisation awaits approval: "${organisation}", signed up with ${contactEmail}.`,
        'Approve it in the admin panel: Content Manager → Organisation, filter approvalStatus = pending, and publish.',
      ],
    },
  });

export const organisationApprovedMail = (language: Language, { organisation, link }: { organisation: string; link: string }) =>
  renderMail(language, {
    nl: {
      subject: `${organisation} staat nu op de sociale kaart`,
      paragraphs: [
        'Hallo,',
        `Goed nieuws: ${organisation} is goedgekeurd en voor iedereen zichtbaar. Inloggen om {{je|uw}} activiteiten te publiceren kan via:`,
        link,
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: `${organisation} is now on the social map`,
      paragraphs: [
        'Hello,',
        `Good news: ${organisation} has been approved and is visible to everyone. Log in to publish your activities here:`,
        link,
        SIGNATURE.en,
      ],
    },
  });

export const invitationMail = (
  language: Language,
  { organisation, inviter, link, days }: { organisation: string; inviter: string; link: string; days: number }
) =>
  renderMail(language, {
    nl: {
      subject: `Uitnodiging: beheer ${organisation} op buurtplein`,
      paragraphs: [
        'Hallo,',
        `${inviter} nodigt {{je|u}} uit om samen ${organisation} op buurtplein bij te houden. Met deze link {{doe je|doet u}} mee (een account wordt zo nodig voor {{je|u}} gemaakt). De link werkt ${days} dagen:`,
        link,
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: `Invitation: manage ${organisation} on buurtplein`,
      paragraphs: [
        'Hello,',
        `${inviter} invites you to keep ${organisation} up to date on buurtplein together. Join with this link (we create an account for you if needed). It works for ${days} days:`,
        link,
        SIGNATURE.en,
      ],
    },
  });

export const claimMail = (language: Language, { organisation, link, days }: { organisation: string; link: string; days: number }) =>
  renderMail(language, {
    nl: {
      subject: `Beheer ${organisation} zelf op buurtplein`,
      paragraphs: [
        'Hallo,',
        `${organisation} staat op de sociale kaart. Met deze link {{word je|wordt u}} beheerder en {{kun je|kunt u}} de gegevens en activiteiten zelf bijhouden. De link werkt ${days} dagen en één keer:`,
        link,
        'Niet aangevraagd? Dan {{kun je|kunt u}} deze mail negeren; er verandert niets.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: `Manage ${organisation} yourself on buurtplein`,
      paragraphs: [
        'Hello,',
        `${organisation} is on the social map. This link makes you its editor, so you can keep its details and activities up to date. It works once, for ${days} days:`,
        link,
        'Did not ask for this? Then ignore this email; nothing changes.',
        SIGNATURE.en,
      ],
    },
  });

export const passwordResetMail = (language: Language, { link, minutes }: { link: string; minutes: number }) =>
  renderMail(language, {
    nl: {
      subject: 'Nieuw wachtwoord voor buurtplein',
      paragraphs: [
        'Hallo,',
        `Met deze link {{kies je|kiest u}} een nieuw wachtwoord. De link werkt ${minutes} minuten en één keer:`,
        link,
        'Liever zonder wachtwoord? Vraag op de inlogpagina een inloglink per mail aan.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: 'New password for buurtplein',
      paragraphs: [
        'Hello,',
        `Choose a new password with this link. It works once, for ${minutes} minutes:`,
        link,
        'Rather not use a password? Ask for a login link by email on the login page.',
        SIGNATURE.en,
      ],
    },
  });

/** Registering with a password: only our own text and links, never what the registrant typed. */
export const confirmRegistrationMail = (language: Language, { link, hours }: { link: string; hours: number }) =>
  renderMail(language, {
    nl: {
      subject: 'Bevestig {{je|uw}} e-mailadres voor buurtplein',
      paragraphs: [
        'Hallo,',
        `Iemand heeft met dit e-mailadres een account op buurtplein aangemaakt. {{Was jij|Was u}} dat? Bevestig het dan met deze link; daarna {{ben je|bent u}} ingelogd. De link werkt ${hours} uur en één keer:`,
        link,
        '{{Was jij|Was u}} het niet? Negeer deze mail dan: zonder bevestiging wordt er geen account gemaakt.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: 'Confirm your email address for buurtplein',
      paragraphs: [
        'Hello,',
        `Someone created a buurtplein account with this email address. Was it you? Then confirm it with this link, which also logs you in. It works once, for ${hours} hours:`,
        link,
        'Was it not you? Then ignore this email: without confirmation no account is made.',
        SIGNATURE.en,
      ],
    },
  });

export const alreadyRegisteredMail = (language: Language, { link, minutes }: { link: string; minutes: number }) =>
  renderMail(language, {
    nl: {
      subject: '{{Je hebt|U hebt}} al een account op buurtplein',
      paragraphs: [
        'Hallo,',
        'Iemand probeerde met dit e-mailadres een nieuw account aan te maken, maar {{je hebt|u hebt}} er al een. Er is niets veranderd.',
        `{{Wil je|Wilt u}} inloggen? Gebruik deze link (${minutes} minuten geldig, één keer), of kies op de inlogpagina "wachtwoord vergeten":`,
        link,
        '{{Was jij|Was u}} het niet? Dan {{kun je|kunt u}} deze mail negeren.',
        SIGNATURE.nl,
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
        SIGNATURE.en,
      ],
    },
  });
