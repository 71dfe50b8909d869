import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * What koa-body's parsers throw for a body they cannot read, a client's mistake with its own status:
 * co-body a SyntaxError given status 400, raw-body (size, encoding) an http error with a type.
 */
function unreadableBody(error: any): error is { status: number; message: string } {
  if (error instanceof SyntaxError) return (error as any).status === 400;
  return typeof error?.type === 'string' && error.expose === true && error.status >= 400 && error.status < 500;
}

/**
 * Around strapi::body: its parser's errors are not Strapi's own, so Strapi
 * logged each as an internal error with a stack trace: anyone could fill the
 * log by posting `1`. They become the 400 (or 413) they are, in Strapi's shape.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    if (!unreadableBody(error)) throw error;
    if (error.status === 413) throw new errors.PayloadTooLargeError('The request body is too large');
    throw new errors.ValidationError(`The request body could not be read: ${error.message}`);
  }
};
