const limited = (scope: string, emailField?: string) => ({ middlewares: [{ name: 'global::rate-limit', config: { scope, ...(emailField ? { emailField } : {}) } }] });

/**
 * Enrolling is granted to every role, so a signed-in person is recognised;
 * the mailed links prove who someone is by their token (auth: false); the
 * rest takes a session (src/bootstrap/permissions.ts). Enrol and the links
 * are rate limited per IP, enrolling also per email.
 */
export default {
  routes: [
    { method: 'POST', path: '/activities/:documentId/enrolments', handler: 'enrolment.enrol', config: limited('enrol', 'data.email') },
    { method: 'POST', path: '/enrolments/confirm', handler: 'enrolment.confirm', config: { auth: false, ...limited('enrolment-link') } },
    { method: 'POST', path: '/enrolments/cancel', handler: 'enrolment.cancelByLink', config: { auth: false, ...limited('enrolment-link') } },
    { method: 'POST', path: '/enrolments/by-link', handler: 'enrolment.listByLink', config: { auth: false, ...limited('enrolment-link') } },
    { method: 'POST', path: '/enrolments/by-link/cancel', handler: 'enrolment.cancelFromList', config: { auth: false, ...limited('enrolment-link') } },
    { method: 'GET', path: '/my/enrolments', handler: 'enrolment.mine', config: {} },
    { method: 'DELETE', path: '/my/enrolments/:id', handler: 'enrolment.cancelMine', config: limited('enrolment-cancel') },
    { method: 'GET', path: '/my/activities/:documentId/enrolments', handler: 'organiser.list', config: {} },
    { method: 'POST', path: '/my/activities/:documentId/enrolments/message', handler: 'organiser.message', config: limited('enrolment-message') },
    { method: 'PUT', path: '/my/activities/:documentId/enrolments/:id', handler: 'organiser.attendance', config: {} },
  ],
};
