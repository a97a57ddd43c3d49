import { existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  embeddedDatabaseLocation,
  historySigningKeyFile,
  piiMasterKeyFile,
  readOrCreateHistorySigningKey,
  readOrCreatePiiMasterKey,
  servedEmbeddedDatabaseUrl,
  type EventSourcingOptions,
} from '@app/event-sourcing';
import pg from 'pg';
import pino from 'pino';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';

export interface CliContextOptions {
  /** The environment to configure from; `process.env` (after `.env`) by default. */
  readonly environment?: NodeJS.ProcessEnv;
  /** Where `./var` lives for the embedded database; the working directory by default. */
  readonly root?: string;
  /**
   * Leave the read models to the process that owns the database when it is another process's
   * PGlite (the API's socket, or a URL naming PGlite): its one shared session lets the
   * projections' advisory lock exclude nobody, so both would run them. Waits on their
   * checkpoints still work. Commands that only read or append set it; rebuild-projections runs
   * the projections on purpose.
   */
  readonly passiveProjections?: boolean;
}

/**
 * The storage a tool uses, as DESIGN.md asks: the configured server; else the embedded database
 * through the running API's socket (PGlite allows one process per data directory); else
 * `./var/data`, opened by the tool itself while the API is down.
 */
export async function cliStorage(
  config: AppConfig,
  root: string = process.cwd(),
  passiveProjections = false,
): Promise<Partial<EventSourcingOptions>> {
  const passive = passiveProjections ? { runProjections: false } : {};
  // Outside production the key file sits under the same root as the embedded database's.
  const historyKey = config.history.signingKey
    ? {}
    : { historySigningKey: () => readOrCreateHistorySigningKey(historySigningKeyFile(root)) };
  if (config.database.url) {
    return passiveProjections && (await isPglite(config.database.url))
      ? { ...passive, ...historyKey }
      : historyKey;
  }
  const location = embeddedDatabaseLocation(root);
  // The embedded setup's key file sits beside its data, under the same root.
  const key = config.pii.masterKey
    ? {}
    : { piiMasterKey: () => readOrCreatePiiMasterKey(piiMasterKeyFile(root)) };
  const served = await servedEmbeddedDatabaseUrl(location);
  // A few connections: the projection locks keep one of their own.
  return served
    ? { databaseUrl: served, databasePoolSize: 4, ...key, ...historyKey, ...passive }
    : { embedded: location, ...key, ...historyKey };
}

async function isPglite(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
    return /PGlite/.test(rows[0]?.version ?? '');
  } finally {
    await client.end();
  }
}

/** The application's contexts and storage without HTTP: what every `npm run cli` command runs in. */
export async function openCliContext(
  options: CliContextOptions = {},
): Promise<INestApplicationContext> {
  const root = options.root ?? process.cwd();
  const environment = options.environment ?? cliEnvironment(root);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...environment });
  const storage = await cliStorage(config, root, options.passiveProjections);
  // Logs go to standard error: standard output is the tool's answer.
  const logDestination = pino.destination(2);
  return NestFactory.createApplicationContext(
    AppModule.forRoot(config, { headless: true, storage, logDestination }),
    { logger: ['error', 'warn'], abortOnError: false },
  );
}

export async function withCliContext<T>(
  work: (context: INestApplicationContext) => Promise<T>,
  options: CliContextOptions = {},
): Promise<T> {
  const context = await openCliContext(options);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** The process's environment after `root/.env`, as every command reads it. */
export function cliEnvironment(root: string): NodeJS.ProcessEnv {
  const file = `${root}/.env`;
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}
