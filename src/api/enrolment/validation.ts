import { email, yup } from '../../lib/validation';

export const MAX_QUESTIONS = 3;

/** POST /api/activities/:documentId/enrolments; the email is required unless a confirmed account enrols. */
export const enrolData = yup.object({
  name: yup.string().trim().min(1).max(100).required(),
  email: email(),
  occurrence: yup.string().max(40),
  answers: yup.array().of(yup.string().trim().max(300).defined()).max(MAX_QUESTIONS),
});

export const tokenBody = yup.object({ token: yup.string().max(200).required() });
export const listCancelBody = yup.object({ token: yup.string().max(200).required(), id: yup.number().integer().min(1).max(2_147_483_647).required() });
export const attendanceData = yup.object({ attended: yup.boolean().nullable().defined() });
// One line: a subject with a line break could start a header of its own.
export const messageData = yup.object({
  occurrence: yup.string().max(40),
  subject: yup.string().trim().min(1).max(150).matches(/^[^\r\n\p{Cc}]*$/u, '${path} must be one line of text').required(),
  message: yup.string().trim().min(1).max(5000).required(),
});
