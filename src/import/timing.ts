/** Where an import spends its wall time, summed over batches: in the report (`phasesMs`) and on the CLI's last lines. */
export const PHASES = ['parse', 'check', 'lookups', 'plan', 'insert', 'links', 'search', 'update', 'cache'] as const;
export type ImportPhase = (typeof PHASES)[number];
export type PhaseTimes = Partial<Record<ImportPhase, number>>;

export type Stopwatch = ReturnType<typeof createStopwatch>;

export function createStopwatch() {
  const ms: PhaseTimes = {};
  const add = (phase: ImportPhase, since: number) => (ms[phase] = (ms[phase] ?? 0) + performance.now() - since);
  return {
    sync<T>(phase: ImportPhase, run: () => T): T {
      const since = performance.now();
      try {
        return run();
      } finally {
        add(phase, since);
      }
    },
    async time<T>(phase: ImportPhase, run: () => Promise<T>): Promise<T> {
      const since = performance.now();
      try {
        return await run();
      } finally {
        add(phase, since);
      }
    },
    /** Whole milliseconds, phases in the order they run. */
    totals: (): PhaseTimes => Object.fromEntries(PHASES.filter((p) => ms[p] !== undefined).map((p) => [p, Math.round(ms[p]!)])),
  };
}

/** "parse 0.4 s, check 1.2 s, …" */
export const describePhases = (ms: PhaseTimes) =>
  PHASES.filter((p) => ms[p] !== undefined)
    .map((p) => `${p} ${(ms[p]! / 1000).toFixed(1)} s`)
    .join(', ');
