// Per IP (RATE_LIMIT_MAX_PER_IP): a person follows several things in a row; the per-account limit (as per email) would be too tight.
const limited = { middlewares: [{ name: 'global::rate-limit', config: { scope: 'follow' } }] };
// By address: per IP and per address, so nobody makes buurtplein mail a stranger (besides one confirmation a day at most).
const byEmail = { auth: false, middlewares: [{ name: 'global::rate-limit', config: { scope: 'follow-email', emailField: 'data.email' } }] };
// The links in follow mails: no login, the token is the proof.
const byLink = { auth: false, middlewares: [{ name: 'global::rate-limit', config: { scope: 'follow-link' } }] };

/** Following, for a confirmed account (src/bootstrap/permissions.ts) or a confirmed address; who follows what is never public. */
export default {
  routes: [
    { method: 'GET', path: '/my/follows', handler: 'following.mine', config: {} },
    { method: 'POST', path: '/my/follows', handler: 'following.follow', config: limited },
    { method: 'DELETE', path: '/my/follows/:id', handler: 'following.unfollow', config: {} },
    { method: 'GET', path: '/follows/count', handler: 'following.count', config: { auth: false } },
    { method: 'POST', path: '/follows', handler: 'following.followByEmail', config: byEmail },
    { method: 'POST', path: '/follows/confirm', handler: 'following.confirm', config: byLink },
    { method: 'GET', path: '/follows/manage', handler: 'following.manage', config: byLink },
    { method: 'GET', path: '/follows/unsubscribe', handler: 'following.unsubscribePage', config: byLink },
    { method: 'POST', path: '/follows/unsubscribe', handler: 'following.unsubscribe', config: byLink },
  ],
};
