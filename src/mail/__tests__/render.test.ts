import { renderMail } from '../index';

describe('renderMail', () => {
  const mail = (paragraphs: string[]) => renderMail('nl', { nl: { subject: 's', paragraphs }, en: { subject: 's', paragraphs } });

  it('escapes every paragraph and links only our own links, which stand alone', () => {
    const { html, text } = mail([
      'Welkom bij <a href="http://evil.example">Klik</a> & co',
      'Zie ook http://evil.example/login voor meer',
      'https://buurtplein.example/login/email?token=a&b=c',
    ]);
    expect(html).not.toContain('<a href="http://evil');
    expect(html).toContain('&lt;a href=&quot;http://evil.example&quot;&gt;Klik&lt;/a&gt; &amp; co');
    expect(html).toContain('<p>Zie ook http://evil.example/login voor meer</p>');
    expect(html).toContain('<a href="https://buurtplein.example/login/email?token=a&amp;b=c">');
    expect(text).toContain('<a href="http://evil.example">Klik</a>');
  });
});
