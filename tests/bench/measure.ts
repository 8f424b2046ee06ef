/** Bench cases print one JSON line each: name, median_ms, and the baseline measured in the same run. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median wall time of `runs` runs after `warmup` runs that warm up the JIT. */
export function time(work: () => unknown, runs = 30, warmup = 3): number {
  const samples: number[] = [];
  for (let run = 0; run < runs + warmup; run++) {
    const start = performance.now();
    work();
    if (run >= warmup) samples.push(performance.now() - start);
  }
  return median(samples);
}

export interface BenchLine {
  name: string;
  /** Absent for a case that measures bytes, not time. */
  median_ms?: number;
  baseline_median_ms?: number;
  ratio?: number;
  [extra: string]: unknown;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function report(line: BenchLine): void {
  const out: BenchLine = { ...line, ...(line.median_ms !== undefined ? { median_ms: round(line.median_ms) } : {}) };
  if (line.baseline_median_ms !== undefined && line.median_ms !== undefined) {
    out.baseline_median_ms = round(line.baseline_median_ms);
    const ratio = line.ratio ?? line.median_ms / line.baseline_median_ms;
    out.ratio = Number(ratio.toPrecision(3));
  }
  console.log(JSON.stringify(out));
}
