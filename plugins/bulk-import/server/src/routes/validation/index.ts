import { errors } from '@strapi/utils';

const flag = (value: unknown, name: string) => {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new errors.ValidationError(`${name} must be true or false`);
};

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** A multipart form: `file`, and optional `type`, `dryRun`, `allOrNothing`. */
export function uploadBody(body: Record<string, unknown> | undefined, files: Record<string, unknown> | undefined, types: string[], maxBytes: number) {
  const file = files?.file as UploadedFile | UploadedFile[] | undefined;
  if (!file) throw new errors.ValidationError('Choose a file to import (form field "file")');
  if (Array.isArray(file)) throw new errors.ValidationError('Import one file at a time');
  if (file.size > maxBytes) throw new errors.PayloadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const type = body?.type === undefined || body.type === '' ? undefined : String(body.type);
  if (type !== undefined && !types.includes(type)) throw new errors.ValidationError(`type must be one of ${types.join(', ')}`);
  return { file, type, dryRun: flag(body?.dryRun, 'dryRun'), allOrNothing: flag(body?.allOrNothing, 'allOrNothing') };
}
