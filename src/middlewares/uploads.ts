import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { unauthorized, unsupportedMediaType } from '../lib/errors';

export interface UploadsConfig {
  /** Paths (regular expressions) of the routes that take files; multipart anywhere else is refused before it is read. */
  acceptFilesOn: string[];
  /** Where uploaded files wait while their request runs; relative to the project. */
  dir: string;
}

type Files = Record<string, { filepath?: string } | { filepath?: string }[]>;

/** Every file of the request, whatever the form field was called (Strapi's own clean-up only knows `files`). */
const pathsOf = (files: Files | undefined) =>
  Object.values(files ?? {})
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((file) => file?.filepath)
    .filter((filepath): filepath is string => typeof filepath === 'string');

/**
 * formidable's complaints about the body (malformed, no boundary, too many
 * fields, broken off) are the client's doing: a 4xx in Strapi's shape instead
 * of a logged 500. Anything else, such as a full disk, stays a server error.
 */
function asClientError(error: unknown): unknown {
  const httpCode = (error as { httpCode?: unknown } | null)?.httpCode;
  if (!(error instanceof Error) || typeof httpCode !== 'number') return error;
  if (httpCode === 413) return new errors.PayloadTooLargeError(error.message);
  return new errors.ValidationError(`The upload could not be read: ${error.message}`);
}

/**
 * Wraps strapi::body. A multipart request to a route that takes no files is
 * answered 415, and one without credentials 401, before a byte of it is
 * written to disk; for the rest every uploaded temp file is removed when the
 * request ends, whatever the answer (401, 403, 413, an error). Without this an anonymous client
 * could fill the disk with files under any field name.
 */
export default (config: UploadsConfig, { strapi }: { strapi: Core.Strapi }) => {
  const accepts = config.acceptFilesOn.map((pattern) => new RegExp(pattern));
  fs.mkdirSync(path.resolve(strapi.dirs.app.root, config.dir), { recursive: true });

  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.is('multipart')) return next();
    if (!accepts.some((pattern) => pattern.test(ctx.path))) {
      throw unsupportedMediaType('This route takes no files: send JSON', { reason: 'multipart' });
    }
    // Every route that takes files needs a staff token or an admin session: without one, nothing is read.
    if (!ctx.get('Authorization')) throw unauthorized('Log in first: uploads need a staff token or an admin session', { reason: 'multipart' });
    // Noted as the body parser hands them over: strapi::body deletes ctx.request.files again (removing only `files`, unawaited).
    const uploaded: string[] = [];
    // koa-body hands over ctx.request.files once the body is read; an error before that is about the body.
    let read = false;
    let files: Files | undefined;
    Object.defineProperty(ctx.request, 'files', {
      configurable: true,
      enumerable: true,
      get: () => files,
      set: (value: Files | undefined) => {
        files = value;
        read = true;
        uploaded.push(...pathsOf(value));
      },
    });
    try {
      await next();
    } catch (error) {
      throw read ? error : asClientError(error);
    } finally {
      // Awaited: the answer goes out once the disk is clean.
      await Promise.all(uploaded.map((filepath) => fs.promises.rm(filepath, { force: true })));
    }
  };
};
