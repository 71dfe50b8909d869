// Per IP (RATE_LIMIT_MAX_PER_IP): a person follows several things in a row; the per-account limit (as per email) would be too tight.
const limited = { middlewares: [{ name: 'global::rate-limit', config: { scope: 'follow' } }] };

/** Following, for a confirmed account (src/bootstrap/permissions.ts); who follows what is never public. */
export default {
  routes: [
    { method: 'GET', path: '/my/follows', handler: 'following.mine', config: {} },
    { method: 'POST', path: '/my/follows', handler: 'following.follow', config: limited },
    { method: 'DELETE', path: '/my/follows/:id', handler: 'following.unfollow', config: {} },
  ],
};
