import { excerptOf, renderMail, SIGNATURE, type Language } from './index';



/**
 * To who asked, once per answer. The question and answer are residents' text:
 * they share a paragraph with a heading, so a bare web address in them never
 * becomes a link (src/mail renders only a paragraph that is just a URL as one).
 */
export const questionAnsweredMail = (language: Language, { question, answerer, answer, link }: { question: string; answerer: string; answer: string; link: string }) =>
  renderMail(language, {
    nl: {
      subject: `Nieuw antwoord op {{je|uw}} vraag`,
      paragraphs: ['Hallo,', `${answerer} gaf antwoord op {{je|uw}} vraag:\n${question}`, `Het antwoord begint zo:\n${excerptOf(answer)}`, 'Lees het hele antwoord, en markeer het als het goede antwoord als het {{je|u}} geholpen heeft:', link, SIGNATURE.nl],
    },
    en: {
      subject: 'A new answer to your question',
      paragraphs: ['Hello,', `${answerer} answered your question:\n${question}`, `The answer begins:\n${excerptOf(answer)}`, 'Read the whole answer, and mark it as the accepted one if it helped you:', link, SIGNATURE.en],
    },
  });

/** To an account invited into a group; the group's name and who invited are members' own text. */
export const groupInvitationMail = (language: Language, { group, inviter, link }: { group: string; inviter: string; link: string }) =>
  renderMail(language, {
    nl: {
      subject: 'Uitnodiging voor een groep op buurtplein',
      paragraphs: ['Hallo,', `${inviter} nodigt {{je|u}} uit voor de groep:\n${group}`, 'Log in en open de groep om de uitnodiging aan te nemen:', link, SIGNATURE.nl],
    },
    en: {
      subject: 'Invitation to a group on buurtplein',
      paragraphs: ['Hello,', `${inviter} invites you to the group:\n${group}`, 'Log in and open the group to accept the invitation:', link, SIGNATURE.en],
    },
  });

/**
 * To an address someone gave to follow items without an account: nothing is
 * sent to it before its owner confirms. The names are the items' public names.
 */
export const followConfirmMail = (language: Language, { items, link }: { items: string[]; link: string }) =>
  renderMail(language, {
    nl: {
      subject: 'Bevestig dat {{je|u}} berichten van buurtplein wilt ontvangen',
      paragraphs: [
        'Hallo,',
        `Iemand, hopelijk {{jij|u}}, wil dit adres op de hoogte houden van:\n${items.join('\n')}`,
        'Klopt dat? Bevestig het hier. Daarna {{krijg je|krijgt u}} berichten zoals {{je|u}} ze koos; in elk bericht staat hoe {{je|u}} met één klik stopt:',
        link,
        'Was {{jij|u}} het niet? Dan {{hoef je|hoeft u}} niets te doen: zonder bevestiging sturen we niets.',
        SIGNATURE.nl,
      ],
    },
    en: {
      subject: 'Confirm that you want to hear from buurtplein',
      paragraphs: [
        'Hello,',
        `Someone, hopefully you, asked to keep this address informed about:\n${items.join('\n')}`,
        'Is that right? Confirm it here. After that you get news as you chose it; every mail says how to stop with one click:',
        link,
        'Was it not you? Then there is nothing to do: without confirmation we send nothing.',
        SIGNATURE.en,
      ],
    },
  });
