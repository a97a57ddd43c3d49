import { readdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepExchangesTogether } from './exchange-affinity';

export interface EmbeddedPostgresOptions {
  /** A directory to keep the data in; omit for a throw-away in-memory database. */
  readonly dataDir?: string;
  /** A Unix socket path to listen on; otherwise a free TCP port on 127.0.0.1. */
  readonly socketPath?: string;
  /** The initialised data directory a new database starts from (default PGLITE_TEMPLATE). */
  readonly template?: string;
}

/**
 * A freshly initialised PGlite data directory as a gzipped tarball, made by the build
 * (`tools/build/pglite-template.mjs`, run by `npm ci`, `npm run build` and, when PGlite changed,
 * `npm start`). A new database loads it in about a second instead of running initdb in
 * WebAssembly (5–7 s on a 2-core machine). Without it, a new database runs initdb as before.
 */
const PGLITE_TEMPLATE = resolve(process.cwd(), 'dist/pglite/initdb.tar.gz');

export interface EmbeddedPostgres {
  /** A `postgres://` URL for `pg` and TypeORM. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL wire protocol, so the
 * same `pg` code runs on it and on a server. PGlite is one backend session: connections are
 * served one transaction at a time and share session state (search_path, advisory locks), which
 * is why every statement here names its schema and nothing awaits one connection inside
 * another's transaction.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const db = await openPGlite(options.dataDir, options.template ?? PGLITE_TEMPLATE);
  const server = new PGLiteSocketServer({
    db,
    ...(options.socketPath ? { path: options.socketPath } : { host: '127.0.0.1', port: 0 }),
    maxConnections: 64,
  });
  keepExchangesTogether(server);
  await server.start();
  const url = options.socketPath
    ? `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dirnameOf(options.socketPath))}`
    : `postgres://postgres@127.0.0.1:${tcpPort(server)}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

async function openPGlite(dataDir: string | undefined, template: string): Promise<PGlite> {
  const extensions = { pg_trgm };
  const initialised = await readFile(template).catch(() => null);
  if (initialised === null || !(await isNew(dataDir)))
    return PGlite.create({ dataDir, extensions });
  try {
    return await PGlite.create({ dataDir, extensions, loadDataDir: new Blob([initialised]) });
  } catch {
    // A template of another PGlite version: initialise the directory as if there were none.
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    return PGlite.create({ dataDir, extensions });
  }
}

/** In memory, or a data directory that is missing or empty. */
async function isNew(dataDir: string | undefined): Promise<boolean> {
  if (dataDir === undefined) return true;
  const entries = await readdir(dataDir).catch(() => []);
  return entries.length === 0;
}

function tcpPort(server: PGLiteSocketServer): number {
  const address = (
    server as unknown as { server?: { address(): { port: number } | string | null } }
  ).server?.address();
  if (!address || typeof address === 'string')
    throw new Error('PGlite socket server has no TCP port');
  return address.port;
}

function dirnameOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}
