import { documentIds, yup } from '../../lib/validation';

const fields = {
  title: yup.string().trim().min(2).max(200),
  summary: yup.string().trim().max(500).nullable(),
  body: yup.string().max(50_000).nullable(),
  kind: yup.string().oneOf(['article', 'guide']),
  // Hidden (staff only) is for staff, in the admin panel.
  visibility: yup.string().oneOf(['public', 'members', 'group']),
  categories: documentIds().max(5),
  // Not nullable: yup would read any non-list as null and drop it silently; [] clears.
  tags: yup.array().of(yup.string().trim().min(1).max(40).required()).max(10),
};

/** POST /api/groups/:documentId/articles */
export const articleCreate = yup.object({ ...fields, title: fields.title.required() });
/** PUT /api/my/articles/:documentId */
export const articleUpdate = yup.object(fields);
