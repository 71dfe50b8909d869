export default {
  routes: [
    {
      method: 'POST',
      path: '/organisations/sign-up',
      handler: 'sign-up.signUp',
      config: { auth: false, middlewares: [{ name: 'global::rate-limit', config: { scope: 'sign-up', emailField: 'data.contactEmail' } }] },
    },
  ],
};
