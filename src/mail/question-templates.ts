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
