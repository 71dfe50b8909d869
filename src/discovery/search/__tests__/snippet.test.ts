import { escapeHtml, snippet, wordMatcher } from '../snippet';
import { editDistance, plainText } from '../words';

const terms = (...stems: string[]) => stems.map((s) => wordMatcher([s]));

describe('snippet', () => {
  it('marks stemmed and prefix matches in the text', () => {
    expect(snippet('Samen eten', 'Verse maaltijden en een fietsles.', terms('maaltijd', 'fiets'))).toBe(
      'Verse <mark>maaltijden</mark> en een <mark>fietsles</mark>.'
    );
  });

  it('escapes before marking, so markup in content stays text', () => {
    const html = snippet('<script>alert(1)</script>', 'Tekst met <b>vet</b> & meer.', terms('alert', 'vet'));
    expect(html).toBe('&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; – Tekst met &lt;b&gt;<mark>vet</mark>&lt;/b&gt; &amp; meer.');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('cuts long texts around the first match, at word boundaries', () => {
    const text = `${'woord '.repeat(60)}koffie ${'woord '.repeat(60)}`.trim();
    const html = snippet('Titel', text, terms('koffie'));
    expect(html).toMatch(/^… (woord )+<mark>koffie<\/mark>( woord)+ …$/);
    expect(html.length).toBeLessThan(220);
  });

  it('leads with the title when only the title matches', () => {
    expect(snippet('Koffieochtend', 'Iedereen welkom.', terms('koffie'))).toBe('<mark>Koffieochtend</mark> – Iedereen welkom.');
  });
});

describe('text helpers', () => {
  it('turns markdown into plain text', () => {
    expect(plainText('# Kop\n\nEen **vette** [link](https://x.nl) en `code`.\n- punt')).toBe('Kop Een vette link en code. punt');
  });

  it('counts typos with adjacent swaps as one edit', () => {
    expect(editDistance('sportt', 'sport', 1)).toBe(1);
    expect(editDistance('sprot', 'sport', 1)).toBe(1);
    expect(editDistance('fietsen', 'fietsles', 1)).toBe(2);
  });
});
