/** Small helpers shared by the benchmarks: timing samples, percentiles and number formatting. */
import { performance } from "node:perf_hooks";

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (ms). */
export async function timeAsync(
  runs: number,
  fn: () => Promise<unknown>,
  warmup = 3,
  /** Run before each call, not timed (e.g. forget what a cold read must not find). */
  before?: () => Promise<unknown>,
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const int = (x: number) => Math.round(x).toLocaleString("en-GB");

/** `--name value` flags with defaults (numbers only), e.g. `numberFlag("members", 10000)`. */
export function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

export function stringFlag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

export const hasFlag = (name: string) => process.argv.includes(`--${name}`);

/** Memory sampler: peak RSS and heap in use while it runs (sampled every `everyMs`, and on demand). */
export function memoryPeak(everyMs = 5) {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > rss) rss = m.rss;
    if (m.heapUsed > heap) heap = m.heapUsed;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
  };
}
