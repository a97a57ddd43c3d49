import { cpus, loadavg } from 'node:os';
import { summarize } from '../stats';
import type { LoadResult } from './http-load';
import type { SearchResult } from './search-load';

export interface SubmitFigures {
  readonly baseline: LoadResult;
  readonly submit: LoadResult;
  readonly lags: readonly number[];
  readonly rss: number;
  readonly apiCpuMsPerSubmit: number;
  readonly apiCpuMsPerBaseline: number;
  readonly database: Record<string, number>;
}

export interface Figures {
  readonly size: number;
  readonly seconds: number;
  readonly rounds: ReadonlyMap<number, SubmitFigures>;
  readonly idleRss: number;
  readonly seed: { readonly count: number; readonly seconds: number };
  readonly catchUp: { readonly events: number; readonly seconds: number };
  readonly rebuild: { readonly events: number; readonly seconds: number };
  /** The first is the bare-query baseline. */
  readonly searches: readonly SearchResult[];
  readonly finalRss: number;
}

type Row = readonly [
  figure: string,
  measured: string,
  target: string,
  baseline: string,
  ratio: string,
];

const MB = 1024 * 1024;

/** Progress lines as the bench goes, then one table of every figure against its target. */
export class Report {
  private readonly loadAtStart = loadavg();

  line(text: string): void {
    process.stdout.write(`${text}\n`);
  }

  submitRound(connections: number, round: SubmitFigures): void {
    const { submit, baseline } = round;
    this.line(
      `@${connections}: submit ${submit.rate.toFixed(0)}/s (${submit.succeeded} ok, ${submit.failed} failed), ` +
        `{ today } ${baseline.rate.toFixed(0)}/s` +
        (submit.firstFailure ? `\n  first failure: ${submit.firstFailure}` : ''),
    );
  }

  search(result: SearchResult): void {
    if (result.failure) return this.line(`search ${result.kind}: failed: ${result.failure}`);
    this.line(
      `search ${result.kind}: p50 ${ms(result.p50)}, p95 ${ms(result.p95)}; ` +
        `${result.found}/${result.count} found rows, ${result.meanTotal.toFixed(1)} matches on average`,
    );
  }

  table(figures: Figures): void {
    const rows: Row[] = [];
    for (const [connections, round] of figures.rounds) {
      const { submit, baseline } = round;
      const lag = summarize(round.lags);
      rows.push(
        [
          `submitApplication @${connections} conn: requests/s`,
          submit.rate.toFixed(0),
          '>= 1,000/s',
          `{ today } ${baseline.rate.toFixed(0)}/s`,
          ratio(submit.rate, baseline.rate),
        ],
        [
          `submitApplication @${connections} conn: p50 / p99`,
          `${ms(submit.p50)} / ${ms(submit.p99)}`,
          'p99 < 50 ms',
          `${ms(baseline.p50)} / ${ms(baseline.p99)}`,
          ratio(submit.p99, baseline.p99),
        ],
        [
          `projection lag under that load: p50 / p99 (${lag.count} events)`,
          `${ms(lag.p50)} / ${ms(lag.p99)}`,
          'p99 < 100 ms',
          '-',
          '-',
        ],
        [
          `API RSS at the end of the @${connections} submit run`,
          `${(round.rss / MB).toFixed(0)} MB`,
          '< 400 MB',
          `idle ${(figures.idleRss / MB).toFixed(0)} MB`,
          ratio(round.rss, figures.idleRss),
        ],
      );
    }
    const [bare, ...searches] = figures.searches;
    for (const search of searches) {
      rows.push([
        `searchApplications ${search.kind} @${figures.size}: p50 / p95`,
        search.failure ? 'failed (see above)' : `${ms(search.p50)} / ${ms(search.p95)}`,
        'p95 < 20 ms',
        bare ? `{ today } ${ms(bare.p50)} / ${ms(bare.p95)}` : '-',
        bare ? ratio(search.p95, bare.p95) : '-',
      ]);
    }
    rows.push(
      [
        'projection rebuild from zero (ProjectionRunners.rebuild)',
        `${rate(figures.rebuild.events, figures.rebuild.seconds)} events/s`,
        '>= 50,000/s',
        '-',
        '-',
      ],
      [
        'projection catch-up of the seeded events after restart',
        `${rate(figures.catchUp.events, figures.catchUp.seconds)} events/s`,
        '>= 50,000/s',
        '-',
        '-',
      ],
      [
        `seeding (bulk INSERT, ${figures.seed.count} applications)`,
        `${rate(figures.seed.count, figures.seed.seconds)} events/s`,
        '-',
        '-',
        '-',
      ],
      [
        `API RSS after search and rebuild @${figures.size}`,
        `${(figures.finalRss / MB).toFixed(0)} MB`,
        '< 400 MB',
        `idle ${(figures.idleRss / MB).toFixed(0)} MB`,
        ratio(figures.finalRss, figures.idleRss),
      ],
    );
    this.line('');
    this.printRows([['figure', 'measured', 'target', 'baseline (same run)', 'ratio'], ...rows]);
    this.line('');
    this.line(
      "Where a submit's time goes (per request, API process; database counters approximate):",
    );
    for (const [connections, round] of figures.rounds) {
      this.line(
        `  @${connections}: API CPU ${round.apiCpuMsPerSubmit.toFixed(2)} ms per submit vs ` +
          `${round.apiCpuMsPerBaseline.toFixed(2)} ms per { today }; ` +
          Object.entries(round.database)
            .map(([name, value]) => `${name} ${value.toFixed(2)}`)
            .join(', '),
      );
    }
    this.line('');
    this.line(
      [
        'Method: autocannon in this process drives the API in a child process (RSS and CPU are the API',
        `process's alone, from process.memoryUsage().rss / cpuUsage()), ${figures.seconds} s per run, the`,
        '{ today } baseline right before each submit run at the same connections. Projection lag: each',
        "ApplicationSubmitted from events.recorded_at to the first 10 ms poll that finds the projection's",
        'stored checkpoint (saved with its read-model rows) past it, both on the database clock. Seeded',
        'applications are bulk INSERTed (hash chain, sealed fields, 申込ID sequence kept) while the API is',
        'down; catch-up is timed after its restart, rebuild inside the API. Searches are sequential, as',
        'an OPERATOR, 20 rows a page, after 20 warm-up queries.',
      ].join('\n'),
    );
    this.line(
      `Machine: ${cpus().length} CPUs, load average at start ${fmtLoad(this.loadAtStart)}, at end ${fmtLoad(loadavg())}.`,
    );
  }

  private printRows(rows: readonly Row[]): void {
    const widths =
      rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
    for (const row of rows)
      this.line(
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join(' | ')
          .trimEnd(),
      );
  }
}

function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`;
}

function ratio(value: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(value) ? `${(value / baseline).toFixed(2)}x` : '-';
}

function rate(count: number, seconds: number): string {
  return seconds > 0 ? (count / seconds).toFixed(0) : 'n/a';
}

function fmtLoad(load: number[]): string {
  return load.map((value) => value.toFixed(2)).join(', ');
}
