/**
 * Background work kept to one run at a time a key on this instance, however often it is asked for: asked while its
 * run is under way, it runs ONCE more after that run — `gapMs` after it ended — with the work of the latest ask,
 * whatever number of asks came in between. So a burst of changes to one goal costs two reads of its dashboard, not
 * one a change (warm-goal-dashboard.ts). A run that fails is reported and the next one still runs.
 */

export interface Coalescer {
  /**
   * Runs `work` for `key` now — or, if a run for `key` is under way, once more after it. Resolves to the promise of
   * every run until none is wanted when this ask started them, or null when it joined the runs under way.
   */
  ask(key: string, work: () => Promise<unknown>, gapMs: number): Promise<void> | null;
}

export function coalescer(onError: (key: string, error: unknown) => void): Coalescer {
  const wanted = new Map<string, { again: boolean; work: () => Promise<unknown>; gapMs: number }>();
  const runAll = async (key: string) => {
    const state = wanted.get(key)!;
    try {
      for (;;) {
        state.again = false;
        try {
          await state.work();
        } catch (error) {
          onError(key, error);
        }
        if (!state.again) return;
        if (state.gapMs > 0) await new Promise((resolve) => setTimeout(resolve, state.gapMs));
      }
    } finally {
      wanted.delete(key);
    }
  };
  return {
    ask(key, work, gapMs) {
      const under = wanted.get(key);
      if (under) {
        Object.assign(under, { again: true, work, gapMs });
        return null;
      }
      wanted.set(key, { again: false, work, gapMs });
      return runAll(key);
    },
  };
}
