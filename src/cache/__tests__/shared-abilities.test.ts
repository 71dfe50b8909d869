import { shareContentApiAbilities } from '../public-ability';

/** Strapi's content API engine as far as the sharing sees it: every build is a new object, and counted. */
function strapiWithEngine(fail = () => false) {
  const engine = {
    builds: 0,
    async generateAbility(permissions: unknown[], options?: Record<string, unknown>) {
      this.builds += 1;
      if (fail()) throw new Error('engine failed');
      return { permissions, options };
    },
  };
  shareContentApiAbilities({ contentAPI: { permissions: { engine } } } as never, 2);
  return engine;
}

const find = (action: string) => ({ action, subject: null, properties: {}, conditions: [] });

describe('shared content API abilities', () => {
  it('builds one ability per distinct set of permissions, and another for a changed set', async () => {
    const engine = strapiWithEngine();
    const first = await engine.generateAbility([find('api::activity.activity.find')]);
    expect(await engine.generateAbility([find('api::activity.activity.find')])).toBe(first);
    const changed = await engine.generateAbility([find('api::activity.activity.find'), find('api::article.article.find')]);
    expect(changed).not.toBe(first);
    expect(engine.builds).toBe(2);
  });

  it('keeps at most `max` abilities, the oldest going first', async () => {
    const engine = strapiWithEngine();
    const a = await engine.generateAbility([find('a')]);
    await engine.generateAbility([find('b')]);
    await engine.generateAbility([find('c')]);
    expect(await engine.generateAbility([find('a')])).not.toBe(a);
    expect(engine.builds).toBe(4);
  });

  it('builds anew when asked with options, and after a failed build', async () => {
    let failing = true;
    const engine = strapiWithEngine(() => failing);
    await expect(engine.generateAbility([find('a')])).rejects.toThrow('engine failed');
    failing = false;
    await engine.generateAbility([find('a')]);
    await engine.generateAbility([find('a')], { user: 1 });
    await engine.generateAbility([find('a')], { user: 1 });
    expect(engine.builds).toBe(4);
  });
});
