import { documentId, email, language, yup } from '../../lib/validation';
import { FOLLOW_TYPES, FREQUENCIES } from './services/following';

/** POST /api/my/follows */
export const followData = yup.object({
  type: yup.string().oneOf([...FOLLOW_TYPES]).required(),
  documentId: documentId().required(),
  frequency: yup.string().oneOf([...FREQUENCIES]).default('weekly'),
});

/** POST /api/follows: an address alone, confirmed by its owner before anything is sent. */
export const followByEmailData = followData.shape({
  email: email().required(),
  language: language().default('nl'),
});

/** POST /api/follows/confirm */
export const confirmBody = yup.object({ token: yup.string().max(1000).required() });

/** GET /api/follows/count?type=&documentId= */
export const countQuery = yup.object({ type: followData.fields.type, documentId: followData.fields.documentId });

/** ?token= of a follow mail's manage and stop links */
export const linkQuery = yup.object({ token: yup.string().max(1000).required() });

/**
 * POST /api/follows/unsubscribe?token=: a mail client's one click sends the
 * form `List-Unsubscribe=One-Click` (RFC 8058); the manage page may name one follow.
 */
export const stopBody = yup.object({
  'List-Unsubscribe': yup.string().oneOf(['One-Click']),
  data: yup.object({ id: yup.number().integer().positive().required() }).noUnknown().default(undefined),
});
