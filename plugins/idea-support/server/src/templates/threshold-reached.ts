/** Staff read this in Dutch first; the English line helps colleagues who do not. */
export const thresholdReachedMail = ({ title, supports, threshold }: { title: string; supports: number; threshold: number }) => {
  const lines = [
    `Het initiatief "${title}" heeft ${supports} steunbetuigingen en heeft daarmee de drempel van ${threshold} bereikt.`,
    'Tijd voor een volgende stap: neem contact op met de initiatiefnemer en kijk welke subsidies passen.',
    `The initiative "${title}" has reached the threshold of ${threshold} supports.`,
  ];
  return {
    subject: `Drempel bereikt / threshold reached: ${title}`,
    text: lines.join('\n\n') + '\n',
    html: lines.map((l) => `<p>${l.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}</p>`).join(''),
  };
};
