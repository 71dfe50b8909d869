import type { Core } from '@strapi/strapi';
import { frontendLink } from '../index';

const strapiWith = (frontendUrl: string) => ({ config: { get: (key: string) => (key === 'buurtplein.frontendUrl' ? frontendUrl : undefined) } }) as unknown as Core.Strapi;

describe('links in mails', () => {
  it('carries its parameters, encoded', () => {
    expect(frontendLink(strapiWith('https://site.example/'), '/login/email', { token: 'a+b/c' })).toBe('https://site.example/login/email?token=a%2Bb%2Fc');
  });

  it('ends at its path when it has none (the approval mail ended in a bare "?")', () => {
    expect(frontendLink(strapiWith('https://site.example'), '/login')).toBe('https://site.example/login');
    expect(frontendLink(strapiWith('https://site.example'), '/login', {})).toBe('https://site.example/login');
  });
});
