import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import type { EmbeddedDatabaseLocation } from './event-sourcing.options';

/**
 * The default embedded database: `./var/data`, served on `./var/run/.s.PGSQL.5432` so the
 * command-line tools reach it while the API holds it (PGlite allows one process per data dir).
 */
export function embeddedDatabaseLocation(root: string = process.cwd()): EmbeddedDatabaseLocation {
  return { dataDir: resolve(root, 'var/data'), socketPath: resolve(root, 'var/run/.s.PGSQL.5432') };
}

/**
 * The URL of the embedded database when another process (the API) serves it on its socket, else
 * null: a tool then uses that process's database instead of opening the data directory twice.
 */
export async function servedEmbeddedDatabaseUrl(
  location: EmbeddedDatabaseLocation,
): Promise<string | null> {
  if (!existsSync(location.socketPath) || !(await answers(location.socketPath))) return null;
  const directory = dirname(location.socketPath);
  return `postgres://postgres@localhost/postgres?host=${encodeURIComponent(directory)}`;
}

export interface RunningEmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDatabase(
  location: EmbeddedDatabaseLocation,
): Promise<RunningEmbeddedDatabase> {
  // Issue 11 §7: ./var holds the data, the keys and the socket: its owner's alone, also when an
  // older version created it with the umask's mode.
  const root = dirname(location.dataDir);
  for (const directory of [root, location.dataDir, dirname(location.socketPath)]) {
    await mkdir(directory, { recursive: true, mode: PRIVATE_DIRECTORY });
  }
  await chmod(root, PRIVATE_DIRECTORY);
  await chmod(dirname(location.socketPath), PRIVATE_DIRECTORY);
  await removeStaleSocket(location);
  const database = await startEmbeddedPostgres({
    dataDir: location.dataDir,
    socketPath: location.socketPath,
  });
  await chmod(location.socketPath, PRIVATE_SOCKET);
  return database;
}

const PRIVATE_DIRECTORY = 0o700;
const PRIVATE_SOCKET = 0o600;

/**
 * A socket file survives a crash. If something still answers on it, another process owns the
 * data directory and opening it twice would corrupt it, so refuse; otherwise it is stale.
 */
async function removeStaleSocket(location: EmbeddedDatabaseLocation): Promise<void> {
  if (!existsSync(location.socketPath)) return;
  if (await answers(location.socketPath)) {
    throw new Error(
      `the embedded database ${location.dataDir} is already served by another process on ${location.socketPath}; ` +
        'stop that process first, or set DATABASE_URL to use a PostgreSQL server',
    );
  }
  await rm(location.socketPath, { force: true });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once('error', () => resolveAnswer(false));
  });
}
