import { existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  embeddedDatabaseLocation,
  servedEmbeddedDatabaseUrl,
  type EventSourcingOptions,
} from '@app/event-sourcing';
import pino from 'pino';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';

export interface CliContextOptions {
  /** The environment to configure from; `process.env` (after `.env`) by default. */
  readonly environment?: NodeJS.ProcessEnv;
  /** Where `./var` lives for the embedded database; the working directory by default. */
  readonly root?: string;
}

/**
 * The storage a tool uses, as DESIGN.md asks: the configured server; else the embedded database
 * through the running API's socket (PGlite allows one process per data directory); else
 * `./var/data`, opened by the tool itself while the API is down.
 */
export async function cliStorage(
  config: AppConfig,
  root: string = process.cwd(),
): Promise<Partial<EventSourcingOptions>> {
  if (config.database.url) return {};
  const location = embeddedDatabaseLocation(root);
  const served = await servedEmbeddedDatabaseUrl(location);
  // A few connections: the projection locks keep one of their own.
  return served ? { databaseUrl: served, databasePoolSize: 4 } : { embedded: location };
}

/** The application's contexts and storage without HTTP: what every `npm run cli` command runs in. */
export async function openCliContext(
  options: CliContextOptions = {},
): Promise<INestApplicationContext> {
  const root = options.root ?? process.cwd();
  const environment = options.environment ?? loadDotEnv(root);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...environment });
  const storage = await cliStorage(config, root);
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

function loadDotEnv(root: string): NodeJS.ProcessEnv {
  const file = `${root}/.env`;
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}
