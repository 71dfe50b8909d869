import { documentId, yup } from '../../lib/validation';
import { FOLLOW_TYPES, FREQUENCIES } from './services/following';

/** POST /api/my/follows */
export const followData = yup.object({
  type: yup.string().oneOf([...FOLLOW_TYPES]).required(),
  documentId: documentId().required(),
  frequency: yup.string().oneOf([...FREQUENCIES]).default('weekly'),
});
