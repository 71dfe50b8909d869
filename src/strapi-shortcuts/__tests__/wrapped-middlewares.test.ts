import { createLogger } from '@strapi/logger';
import { skipBodyParsingOnReads } from '../read-body';
import { skipUnkeptRequestLog } from '../request-log';
import type { MiddlewareFactory } from '../wrap-middleware';

/** Strapi's middleware registry as far as these use it, holding one original factory. */
function strapiWith(uid: string, original: MiddlewareFactory, level = 'http') {
  const factories = new Map([[uid, original]]);
  const strapi: any = {
    log: createLogger({ level }),
    get: () => ({ extend: (name: string, wrap: (f: MiddlewareFactory) => MiddlewareFactory) => factories.set(name, wrap(factories.get(name)!)) }),
  };
  return { strapi, made: () => factories.get(uid)!(undefined, { strapi })! };
}

describe("Strapi's middlewares, wrapped", () => {
  it('a read gets an empty body without a body parser; a write goes through strapi::body', async () => {
    const parsed: string[] = [];
    const { strapi, made } = strapiWith('strapi::body', () => async (ctx, next) => {
      parsed.push(ctx.method);
      ctx.request.body = { parsed: true };
      return next();
    });
    skipBodyParsingOnReads(strapi);
    const middleware = made();
    for (const method of ['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']) {
      const ctx = { method, request: {} as { body?: unknown } };
      let reached = false;
      await middleware(ctx, async () => {
        reached = true;
      });
      expect(reached).toBe(true);
      expect(ctx.request.body).toEqual(['POST', 'PUT', 'PATCH'].includes(method) ? { parsed: true } : {});
    }
    expect(parsed).toEqual(['POST', 'PUT', 'PATCH']);
  });

  it.each([
    ['warn', false],
    ['info', false],
    ['http', true],
    ['debug', true],
  ])('at LOG_LEVEL=%s the request log is kept: %s', async (level, kept) => {
    let made = 0;
    const { strapi, made: make } = strapiWith('strapi::logger', () => {
      made += 1;
      return async (_ctx, next) => next();
    }, level);
    skipUnkeptRequestLog(strapi);
    let reached = false;
    await make()({}, async () => {
      reached = true;
    });
    expect(reached).toBe(true);
    expect(made).toBe(kept ? 1 : 0);
  });
});
