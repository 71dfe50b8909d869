import { errors } from '@strapi/utils';
import { parseKnownBody, yup } from '../../../lib/validation';

export interface UploadedPicture {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export interface PictureUpload {
  file: UploadedPicture;
  /** What a screen reader says instead of the picture. */
  alternativeText: string | null;
}

const fields = yup.object({ alternativeText: yup.string().trim().max(200).nullable() });

/** A multipart form with one picture in `file` and, optionally, `alternativeText`; nothing else. */
export async function pictureUpload(body: unknown, files: Record<string, unknown> | undefined, maxBytes: number): Promise<PictureUpload> {
  const names = Object.keys(files ?? {});
  const file = files?.file as UploadedPicture | UploadedPicture[] | undefined;
  if (!file) throw new errors.ValidationError('Send the picture as multipart/form-data in the field "file"');
  if (Array.isArray(file) || names.length > 1) throw new errors.ValidationError('Send one picture, in the field "file"', { fields: names });
  if (file.size > maxBytes) throw new errors.PayloadTooLargeError(`The picture is larger than ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`);
  const { alternativeText } = await parseKnownBody<{ alternativeText?: string | null }>(body ?? {}, fields);
  return { file, alternativeText: alternativeText || null };
}
