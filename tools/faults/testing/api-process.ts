import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');
const START_TIMEOUT_MS = 120_000;

export interface HealthAnswer {
  readonly status: number;
  readonly ok: boolean;
}

/**
 * The built API (`dist/apps/api/src/main.js`, what `npm start` runs) as a child process on a
 * fixed port, so that a restart answers at the same address. Its log goes to `logFile`.
 */
export class ApiProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private ended: string | undefined;
  private ending = false;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly environment: NodeJS.ProcessEnv,
    private readonly cwd: string,
    private readonly logFile: string,
  ) {}

  /** Why the process ended when nobody stopped or killed it. */
  get unexpectedEnd(): string | undefined {
    return this.ended;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves once `/health` answers ok. */
  async start(): Promise<void> {
    const log = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [MAIN], {
      cwd: this.cwd,
      env: { PATH: process.env.PATH, ...this.environment, PORT: String(this.port) },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.child = child;
    this.ending = false;
    this.ended = undefined;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.ending) this.ended = `exited by itself (${code ?? signal}); see ${this.logFile}`;
        resolve();
      }),
    );
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await this.health()).ok) {
      if (child.exitCode !== null)
        throw new Error(`${this.name} exited with ${child.exitCode}; see ${this.logFile}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not healthy; see ${this.logFile}`);
      await pause(100);
    }
  }

  /** `kill -9`: no shutdown hook runs, in-flight requests and transactions are cut. */
  async kill(): Promise<void> {
    this.ending = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: Nest's shutdown hooks close the database (PGlite's data directory) cleanly. */
  async stop(): Promise<void> {
    this.ending = true;
    if (this.child?.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  async health(): Promise<HealthAnswer> {
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await response.json()) as { status?: string };
      return { status: response.status, ok: response.status === 200 && body.status === 'ok' };
    } catch {
      return { status: 0, ok: false };
    }
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
