const limited = (scope: string) => ({ middlewares: [{ name: 'global::rate-limit', config: { scope } }] });

/**
 * Public routes (auth: false) prove who someone is by a link, a challenge or
 * a code. Changing one's own second factor or profile takes a session: those
 * routes run users-permissions' auth and are granted to signed-in roles only.
 */
export default {
  routes: [
    { method: 'POST', path: '/auth/magic-link', handler: 'account.requestMagicLink', config: { auth: false, ...limited('magic-link') } },
    { method: 'POST', path: '/auth/magic-link/callback', handler: 'account.magicLinkCallback', config: { auth: false, ...limited('link-callback') } },
    { method: 'POST', path: '/auth/2fa/verify', handler: 'account.verifyTwoFactor', config: { auth: false, ...limited('two-factor') } },
    { method: 'POST', path: '/auth/2fa/enrol', handler: 'account.enrolTwoFactor', config: { auth: false, ...limited('two-factor') } },
    { method: 'POST', path: '/auth/2fa/setup', handler: 'account.setupTwoFactor', config: { ...limited('two-factor') } },
    { method: 'POST', path: '/auth/2fa/enable', handler: 'account.enableTwoFactor', config: { ...limited('two-factor') } },
    { method: 'POST', path: '/auth/2fa/disable', handler: 'account.disableTwoFactor', config: { ...limited('two-factor') } },
    { method: 'PUT', path: '/my/account', handler: 'account.updateProfile', config: {} },
    { method: 'POST', path: '/invitations/accept', handler: 'account.acceptInvitation', config: { auth: false, ...limited('link-callback') } },
    { method: 'POST', path: '/organisations/:documentId/claim', handler: 'account.requestClaim', config: { auth: false, ...limited('claim') } },
    { method: 'POST', path: '/organisations/claim/callback', handler: 'account.claimCallback', config: { auth: false, ...limited('link-callback') } },
  ],
};
