import createError from 'http-errors';

/**
 * Errors in Strapi's shape with a message the caller can act on. Strapi's
 * authorize middleware replaces the message of any ForbiddenError or
 * UnauthorizedError thrown by a handler with a bare "Forbidden"; http-errors
 * pass through its error middleware with status, name, message and details.
 */
const httpError = (status: number, name: string) => (message: string, details: Record<string, unknown> = {}) =>
  Object.assign(createError(status, message), { name, details });

export const unauthorized = httpError(401, 'UnauthorizedError');
export const forbidden = httpError(403, 'ForbiddenError');
export const notFound = httpError(404, 'NotFoundError');
export const conflict = httpError(409, 'ConflictError');
export const unsupportedMediaType = httpError(415, 'UnsupportedMediaTypeError');
/** Another service we depend on failed (502) or did not answer in time (504). */
export const badGateway = httpError(502, 'BadGatewayError');
export const gatewayTimeout = httpError(504, 'GatewayTimeoutError');
