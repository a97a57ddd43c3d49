import { cpus, loadavg } from 'node:os';
import { summarize } from '../stats';
import type { LoadResult } from './http-load';
import type { SearchResult } from './search-load';
import {
  msBelow,
  printTable,
  ratioTarget,
  writeJsonIfAsked,
  type BenchRow,
  type Target,
} from '../targets';

export interface SubmitFigures {
  readonly baseline: LoadResult;
  readonly submit: LoadResult;
  readonly lags: readonly number[];
  /** The API process's highest RSS so far. */
  readonly peakRss: number;
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
  /** The baseline of both: `readAll` of the same events, batches of 1,000. */
  readonly readAll: { readonly events: number; readonly seconds: number };
  /** The first is the bare-query baseline. */
  readonly searches: readonly SearchResult[];
  /** The highest RSS of either API process (getrusage's maximum, so nothing between samples is missed). */
  readonly peakRss: number;
}

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
    const rows = this.rows(figures);
    this.line('');
    printTable(rows, (line) => this.line(line));
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
        `process's alone: peak RSS from getrusage, CPU from cpuUsage()), ${figures.seconds} s per run, the`,
        '{ today } baseline right before each submit run at the same connections. Projection lag: each',
        "ApplicationSubmitted from events.recorded_at to the first 10 ms poll that finds the projection's",
        'stored checkpoint (saved with its read-model rows) past it, both on the database clock. Seeded',
        'applications are bulk INSERTed (hash chain, sealed fields, 申込ID sequence kept) while the API is',
        'down, as history whose mails went out long ago (the mail projection starts after them); catch-up',
        'is timed after its restart, rebuild inside the API. Searches are sequential, as an OPERATOR, 20',
        'rows a page, after 20 warm-up queries. Mail goes to an SMTP server in the bench process that',
        'takes every message.',
      ].join('\n'),
    );
    this.line(
      `Machine: ${cpus().length} CPUs, load average at start ${fmtLoad(this.loadAtStart)}, at end ${fmtLoad(loadavg())}.`,
    );
    const json = writeJsonIfAsked('applications', rows, this.loadAtStart, {
      applications: figures.size,
      secondsPerLoadRun: figures.seconds,
    });
    if (json) this.line(`Figures as JSON: ${json}`);
  }

  /** Issue 10's targets: floors to resolve, goals beyond. */
  private rows(figures: Figures): BenchRow[] {
    const rows: BenchRow[] = [];
    for (const [connections, round] of figures.rounds) {
      const { submit, baseline } = round;
      const lag = summarize(round.lags);
      const transactions = round.database.transactions ?? Number.NaN;
      rows.push(
        {
          figure: `submitApplication @${connections} conn: requests/s`,
          value: submit.rate / baseline.rate,
          measured: `${submit.rate.toFixed(0)}/s`,
          baseline: `{ today } ${baseline.rate.toFixed(0)}/s`,
          ratio: ratio(submit.rate, baseline.rate),
          target: ratioTarget(0.3, 0.5),
        },
        {
          figure: `submitApplication @${connections} conn: p50 / p99`,
          value: submit.p99,
          measured: `${ms(submit.p50)} / ${ms(submit.p99)}`,
          baseline: `${ms(baseline.p50)} / ${ms(baseline.p99)}`,
          ratio: ratio(submit.p99, baseline.p99),
          ...(connections === 16 ? { target: msBelow(100, 30) } : {}),
        },
        {
          figure: `projection lag under that load: p50 / p99 (${lag.count} events)`,
          value: lag.p99,
          measured: `${ms(lag.p50)} / ${ms(lag.p99)}`,
          baseline: '-',
          ratio: '-',
          target: msBelow(50, 10),
        },
        {
          figure: `database transactions per submit @${connections}`,
          value: transactions,
          measured: transactions.toFixed(1),
          baseline: '-',
          ratio: '-',
          target: { direction: 'max', floor: 4.05, goal: 2.05, format: (v) => v.toFixed(0) },
        },
      );
    }
    const [bare, ...searches] = figures.searches;
    for (const search of searches) {
      rows.push({
        figure: `searchApplications ${search.kind} @${figures.size}: p50 / p95`,
        value: search.failure ? Number.NaN : search.p95,
        measured: search.failure ? 'failed (see above)' : `${ms(search.p50)} / ${ms(search.p95)}`,
        baseline: bare ? `{ today } ${ms(bare.p50)} / ${ms(bare.p95)}` : '-',
        ratio: bare ? ratio(search.p95, bare.p95) : '-',
        target: msBelow(20, 10),
      });
    }
    const perSecond = (events: number, seconds: number) =>
      seconds > 0 ? events / seconds : Number.NaN;
    const eventsTarget: Target = {
      direction: 'min',
      floor: 50_000,
      goal: 100_000,
      format: (v) => `${v.toLocaleString('en')}/s`,
    };
    const readAll = perSecond(figures.readAll.events, figures.readAll.seconds);
    const againstReadAll = (figure: string, events: number, seconds: number): BenchRow => {
      const value = perSecond(events, seconds);
      return {
        figure,
        value,
        measured: `${rate(events, seconds)} events/s`,
        baseline: `readAll ${rate(figures.readAll.events, figures.readAll.seconds)} events/s`,
        ratio: ratio(value, readAll),
        target: eventsTarget,
      };
    };
    rows.push(
      againstReadAll(
        'projection rebuild from zero (ProjectionRunners.rebuild)',
        figures.rebuild.events,
        figures.rebuild.seconds,
      ),
      againstReadAll(
        'projection catch-up from zero after a restart',
        figures.catchUp.events,
        figures.catchUp.seconds,
      ),
      {
        figure: `seeding (bulk INSERT, ${figures.seed.count} applications)`,
        value: Number.NaN,
        measured: `${rate(figures.seed.count, figures.seed.seconds)} events/s`,
        baseline: '-',
        ratio: '-',
      },
      {
        figure: `API RSS, peak through the run @${figures.size}`,
        value: figures.peakRss / MB,
        measured: `${(figures.peakRss / MB).toFixed(0)} MB`,
        baseline: `idle ${(figures.idleRss / MB).toFixed(0)} MB`,
        ratio: ratio(figures.peakRss, figures.idleRss),
        target: { direction: 'max', floor: 400, goal: 250, format: (v) => `${v} MB` },
      },
    );
    return rows;
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
