import { documentId, documentIds, yup } from '../../lib/validation';

/** POST /api/questions. Text is stored as typed and escaped wherever it is shown. */
export const askData = yup.object({
  title: yup.string().trim().min(4).max(200).required(),
  body: yup.string().trim().max(5000),
  group: documentId(),
  categories: documentIds().max(5),
});

/** POST /api/questions/:documentId/answers */
export const answerData = yup.object({ body: yup.string().trim().min(1).max(5000).required() });

/** POST /api/questions/:documentId/accept */
export const acceptData = yup.object({ answer: documentId().required() });
