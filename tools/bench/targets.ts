import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** A figure's floor (what resolving the issue needs) and goal, both bounds of one direction. */
export interface Target {
  /** `min`: the figure must reach the bound; `max`: it must stay under it. */
  readonly direction: 'min' | 'max';
  readonly floor: number;
  readonly goal: number;
  /** How a bound reads in the table, e.g. (v) => `${v} ms`. */
  readonly format: (bound: number) => string;
}

export type Verdict = 'goal met' | 'floor met' | 'NOT MET' | 'n/a';

export interface BenchRow {
  readonly figure: string;
  /** What the verdict is taken on (a ratio, a p99…); NaN when nothing was measured. */
  readonly value: number;
  readonly measured: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target?: Target;
}

export function verdict(value: number, target: Target | undefined): Verdict {
  if (!target || !Number.isFinite(value)) return 'n/a';
  const meets = (bound: number) => (target.direction === 'min' ? value >= bound : value < bound);
  if (meets(target.goal)) return 'goal met';
  return meets(target.floor) ? 'floor met' : 'NOT MET';
}

function bound(target: Target | undefined, which: 'floor' | 'goal'): string {
  if (!target) return '-';
  return `${target.direction === 'min' ? '>=' : '<'} ${target.format(target[which])}`;
}

/** The table every bench ends with: each figure, its floor and goal, and whether they are met. */
export function printTable(rows: readonly BenchRow[], write: (line: string) => void): void {
  const cells = [
    ['figure', 'measured', 'baseline (same run)', 'ratio', 'floor', 'goal', 'met'],
    ...rows.map((row) => [
      row.figure,
      row.measured,
      row.baseline,
      row.ratio,
      bound(row.target, 'floor'),
      bound(row.target, 'goal'),
      verdict(row.value, row.target),
    ]),
  ];
  const widths = cells[0]?.map((_, column) =>
    Math.max(...cells.map((r) => r[column]?.length ?? 0)),
  );
  for (const row of cells)
    write(
      row
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join(' | ')
        .trimEnd(),
    );
}

/** With BENCH_JSON=path, every row (and the machine's load) also as JSON, for comparing runs. */
export function writeJsonIfAsked(
  bench: string,
  rows: readonly BenchRow[],
  loadAtStart: readonly number[],
  extra: Record<string, unknown> = {},
): string | undefined {
  const path = process.env.BENCH_JSON;
  if (!path) return undefined;
  const document = {
    bench,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg() },
    rows: rows.map(({ target, ...row }) => ({
      ...row,
      value: Number.isFinite(row.value) ? row.value : null,
      floor: target ? `${bound(target, 'floor')}` : null,
      goal: target ? `${bound(target, 'goal')}` : null,
      verdict: verdict(row.value, target),
    })),
    ...extra,
  };
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return path;
}

export const ratioTarget = (floor: number, goal: number): Target => ({
  direction: 'min',
  floor,
  goal,
  format: (v) => `${v}x`,
});

export const msBelow = (floor: number, goal: number): Target => ({
  direction: 'max',
  floor,
  goal,
  format: (v) => `${v} ms`,
});
