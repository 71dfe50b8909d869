import { sitePath } from './paths';

/**
 * Who is logged in: the short-lived access token from a login, kept in this
 * browser only. The refresh token that renews it is an httpOnly cookie the
 * page cannot read.
 */
export interface User {
  id: number;
  email: string;
  username?: string;
}

const JWT = 'buurtplein.jwt';
const USER = 'buurtplein.user';
const RETURN_TO = 'buurtplein.returnTo';

export const session = {
  jwt: () => localStorage.getItem(JWT),
  user(): User | null {
    try {
      return JSON.parse(localStorage.getItem(USER) ?? 'null');
    } catch {
      return null;
    }
  },
  save(jwt: string, user: User) {
    localStorage.setItem(JWT, jwt);
    localStorage.setItem(USER, JSON.stringify(user));
  },
  /** A new access token for the same person (after a refresh). */
  renew(jwt: string) {
    localStorage.setItem(JWT, jwt);
  },
  clear() {
    localStorage.removeItem(JWT);
    localStorage.removeItem(USER);
  },
  /** The link in the mail lands on login/email; afterwards we go back to where the login was asked for. */
  rememberReturn(url: string) {
    localStorage.setItem(RETURN_TO, url);
  },
  takeReturn(): string | null {
    const url = localStorage.getItem(RETURN_TO);
    localStorage.removeItem(RETURN_TO);
    // Only our own pages: a stored value must not send anyone to another site.
    return sitePath(url);
  },
};
