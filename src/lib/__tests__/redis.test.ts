import { redisHost } from '../redis';

describe('redisHost', () => {
  it('names the server without the password', () => {
    expect(redisHost('redis://:s3cret@cache.internal:6380/0')).toBe('cache.internal:6380');
    expect(redisHost('redis://127.0.0.1')).toBe('127.0.0.1:6379');
    expect(redisHost('not a url')).toBe('the configured REDIS_URL');
  });
});
