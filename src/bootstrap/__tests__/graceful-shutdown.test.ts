import { healthWhileStopping } from '../graceful-shutdown';

describe('the health check while stopping', () => {
  const ctx = (path: string) => {
    const headers: Record<string, string> = {};
    return { path, status: 404, headers, set: (name: string, value: string) => (headers[name] = value) };
  };

  it('answers 503 (Connection: close) only once stopping, and only for /_health', async () => {
    const state = { stopping: false };
    const middleware = healthWhileStopping(state);
    let passedOn = 0;
    const next = async () => {
      passedOn += 1;
    };
    await middleware(ctx('/_health'), next);
    state.stopping = true;
    const health = ctx('/_health');
    await middleware(health, next);
    await middleware(ctx('/api/activities'), next);
    expect(passedOn).toBe(2); // the health check before stopping, and every other request
    expect(health).toMatchObject({ status: 503, headers: { Connection: 'close' } });
  });
});
