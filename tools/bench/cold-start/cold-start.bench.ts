/**
 * Issue 10: `npm start` on the embedded default with a fresh `./var`, until `/health` answers.
 * It runs in a scratch folder whose entries link to this checkout, so the scratch folder's own
 * `./var` is the fresh one and this checkout's data is never touched. Measured in the same run,
 * BENCH_ROUNDS times each (median): a fresh `./var` (the figure), a restart on the `./var` the last
 * round left, and, as the baseline, a bare Node HTTP server's time to its first answer.
 *
 *   npm run bench:cold-start           (BENCH_ROUNDS, default 3; BENCH_JSON=path for JSON)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile } from '../stats';
import { printTable, writeJsonIfAsked, type BenchRow } from '../targets';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOAD_AT_START = loadavg();
const CHECKOUT = process.cwd();
/** What the scratch folder must not share with the checkout: its data, its settings. */
const OWN = new Set(['var', '.env', '.git']);
/** A newcomer's environment: no server variables, a port of the system's choosing. */
const ENVIRONMENT = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0' };

function scratchCheckout(): string {
  const scratch = mkdtempSync(join(tmpdir(), 'cold-start-'));
  for (const entry of readdirSync(CHECKOUT)) {
    if (!OWN.has(entry)) symlinkSync(resolve(CHECKOUT, entry), join(scratch, entry));
  }
  return scratch;
}

/** Starts `command` and answers the milliseconds until `url(port)` answers 200, then stops it. */
async function timeToAnswer(
  command: string,
  args: readonly string[],
  cwd: string,
  path: string,
): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: ENVIRONMENT, detached: true });
  try {
    const port = await announcedPort(child);
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}${path}`)
        .then((response) => response.ok)
        .catch(() => false);
      if (answered) return performance.now() - started;
      await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    }
  } finally {
    await stop(child);
  }
}

/** The port from the first `http://127.0.0.1:<port>/` the process prints. */
function announcedPort(child: ChildProcess): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match?.[1]) resolvePort(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before answering:\n${output}`)),
    );
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const scratch = scratchCheckout();
  const fresh: number[] = [];
  const restart: number[] = [];
  const bare: number[] = [];
  const bareServer =
    "const s=require('http').createServer((q,r)=>r.end('ok'));" +
    "s.listen(0,'127.0.0.1',()=>console.log('http://127.0.0.1:'+s.address().port+'/'))";
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      bare.push(await timeToAnswer(process.execPath, ['-e', bareServer], scratch, '/'));
      rmSync(join(scratch, 'var'), { recursive: true, force: true });
      fresh.push(await timeToAnswer('npm', ['start'], scratch, '/health'));
      restart.push(await timeToAnswer('npm', ['start'], scratch, '/health'));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const baseline = percentile(bare, 50);
  const row = (figure: string, values: number[], target?: BenchRow['target']): BenchRow => ({
    figure,
    value: percentile(values, 50),
    measured: `${seconds(percentile(values, 50))} (${values.map(seconds).join(', ')})`,
    baseline: `bare node ${seconds(baseline)}`,
    ratio: `${(percentile(values, 50) / baseline).toFixed(1)} ×`,
    target,
  });
  const rows = [
    row('cold start of npm start, fresh var/', fresh, {
      direction: 'max',
      floor: 5000,
      goal: 3000,
      format: (bound) => `${bound / 1000} s`,
    }),
    row('npm start again on that var/', restart),
  ];
  print(`cold start (issue 10), median of ${ROUNDS} rounds`);
  printTable(rows, print);
  print(
    `Machine: ${cpus().length} CPUs, load average at start ${LOAD_AT_START.map((v) => v.toFixed(2)).join(', ')}, at end ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')}`,
  );
  writeJsonIfAsked('cold-start', rows, LOAD_AT_START);
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
