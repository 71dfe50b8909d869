import { escapeText, foldLine } from '../ical';
import { escapeMarkup, fullAddress, plainText, summarise } from '../markup';

describe('iCalendar text', () => {
  it('escapes backslashes, commas, semicolons and newlines (RFC 5545 §3.3.11)', () => {
    expect(escapeText('Koffie, thee; en\\of\r\nkoek\nmee')).toBe('Koffie\\, thee\\; en\\\\of\\nkoek\\nmee');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const part of lines) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(lines.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('plain text for summaries and markup', () => {
  it('strips Markdown and HTML and keeps paragraphs', () => {
    expect(plainText('# Kop\n\n\n\n**Vet**  en [een link](https://x.example) <b>html</b>\n- punt')).toBe('Kop\n\nVet en een link html\npunt');
    expect(summarise('Regel een.\n\nRegel twee.')).toBe('Regel een. Regel twee.');
  });

  it('cuts long text at a word with an ellipsis', () => {
    const text = summarise('woord '.repeat(100), 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('woord…')).toBe(true);
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeMarkup('<script>"a" & \'b\'\u0001</script>')).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
  });

  it('writes an address from the parts that are there', () => {
    expect(fullAddress({ address: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Buurtstad' })).toBe('Dorpsstraat 1, 1234 AB Buurtstad');
    expect(fullAddress({ address: null, postalCode: null, city: 'Buurtstad' })).toBe('Buurtstad');
  });
});
