/** Who is logged in: the JWT from an email link, kept in this browser only. */
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
  clear() {
    localStorage.removeItem(JWT);
    localStorage.removeItem(USER);
  },
  /** The link in the mail lands on login/email; afterwards we go back to where the login was asked for. */
  rememberReturn(url = window.location.pathname + window.location.search) {
    localStorage.setItem(RETURN_TO, url);
  },
  takeReturn(): string | null {
    const url = localStorage.getItem(RETURN_TO);
    localStorage.removeItem(RETURN_TO);
    // Only our own pages: a stored value must not send anyone to another site.
    return url && url.startsWith('/') && !url.startsWith('//') ? url : null;
  },
};
