import { renderMail, type Language } from './index';

const signature = { nl: 'Met vriendelijke groet,\nbuurtplein', en: 'Kind regards,\nbuurtplein' };

/** The first lines of an answer: the mail invites to read it on the website, where it stands in context. */
const EXCERPT = 300;
const excerptOf = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

/**
 * To who asked, once per answer. The question and answer are residents' text:
 * they share a paragraph with a heading, so a bare web address in them never
 * becomes a link (src/mail renders only a paragraph that is just a URL as one).
 */
export const questionAnsweredMail = (language: Language, { question, answerer, answer, link }: { question: string; answerer: string; answer: string; link: string }) =>
  renderMail(language, {
    nl: {
      subject: `Nieuw antwoord op {{je|uw}} vraag`,
      paragraphs: ['Hallo,', `${answerer} gaf antwoord op {{je|uw}} vraag:\n${question}`, `Het antwoord begint zo:\n${excerptOf(answer)}`, 'Lees het hele antwoord, en markeer het als het goede antwoord als het {{je|u}} geholpen heeft:', link, signature.nl],
    },
    en: {
      subject: 'A new answer to your question',
      paragraphs: ['Hello,', `${answerer} answered your question:\n${question}`, `The answer begins:\n${excerptOf(answer)}`, 'Read the whole answer, and mark it as the accepted one if it helped you:', link, signature.en],
    },
  });

/** To an account invited into a group; the group's name and who invited are members' own text. */
export const groupInvitationMail = (language: Language, { group, inviter, link }: { group: string; inviter: string; link: string }) =>
  renderMail(language, {
    nl: {
      subject: 'Uitnodiging voor een groep op buurtplein',
      paragraphs: ['Hallo,', `${inviter} nodigt {{je|u}} uit voor de groep:\n${group}`, 'Log in en open de groep om de uitnodiging aan te nemen:', link, signature.nl],
    },
    en: {
      subject: 'Invitation to a group on buurtplein',
      paragraphs: ['Hello,', `${inviter} invites you to the group:\n${group}`, 'Log in and open the group to accept the invitation:', link, signature.en],
    },
  });
