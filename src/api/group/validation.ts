import { email, yup } from '../../lib/validation';

/** PUT /api/groups/:documentId/members/:id: accept a request, or change a role. */
export const memberChange = yup
  .object({ status: yup.string().oneOf(['active']), role: yup.string().oneOf(['member', 'admin']) })
  .test('something', 'Send status "active" or a role', (value) => value?.status !== undefined || value?.role !== undefined);

/** POST /api/groups/:documentId/invitations */
export const invitation = yup.object({ email: email().required() });
