import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A free TCP port on loopback, as the OS hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of the suite's own, in a temporary data directory on a free port: the
 * faults restart and stop this one, never the machine's cluster that others use. As root, its
 * programs run as the `postgres` user (initdb refuses root).
 */
export class PostgresCluster {
  private constructor(
    private readonly directory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PostgresCluster> {
    const directory = mkdtempSync(join(tmpdir(), 'faults-pg-'));
    if (process.getuid?.() === 0) chownSync(directory, uid('postgres'), gid('postgres'));
    const cluster = new PostgresCluster(directory, await freePort());
    await cluster.as(join(BIN, 'initdb'), [
      '-D',
      cluster.data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
    ]);
    await cluster.up();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** `pg_ctl restart -m fast`: every session is ended (57P01) and the server comes back. */
  async restart(): Promise<void> {
    await this.pgCtl(['restart', '-m', 'fast']);
  }

  async stop(): Promise<void> {
    await this.pgCtl(['stop', '-m', 'fast']);
  }

  async up(): Promise<void> {
    await this.pgCtl(['start']);
  }

  async dispose(): Promise<void> {
    await this.pgCtl(['stop', '-m', 'immediate']).catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.directory, 'data');
  }

  private pgCtl(args: string[]): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.directory}`,
      "-c listen_addresses='127.0.0.1'",
      // A scratch server: losing it to a power cut costs nothing, and the disk is shared.
      '-c fsync=off',
      '-c max_connections=100',
    ].join(' ');
    return this.as(join(BIN, 'pg_ctl'), [
      '-D',
      this.data,
      '-w',
      '-t',
      '60',
      '-l',
      join(this.directory, 'server.log'),
      '-o',
      options,
      ...args,
    ]);
  }

  private async as(program: string, args: string[]): Promise<void> {
    const [command, ...rest] =
      process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', program] : [program];
    await run(command ?? program, [...rest, ...args], { cwd: this.directory });
  }
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gid(user: string): number {
  return Number(execFileSync('id', ['-g', user]).toString().trim());
}
