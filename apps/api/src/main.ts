import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import pino from 'pino';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { writeSchemaFileIfChanged } from './graphql/schema-file';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = configOrExit();
  const started = Date.now();
  const app = await createApp(config);
  try {
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    // e.g. the port is taken: close the embedded database cleanly before giving up.
    await app.close();
    throw error;
  }
  // Tests may add resolvers of their own, and production may be read-only: only development writes.
  if (config.env === 'development')
    await writeSchemaFileIfChanged(app.get(GraphQLSchemaHost).schema);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;
  const logger = new Logger('Main');
  logger.log(`Portal: ${base}/`);
  logger.log(`GraphQL: ${base}/graphql`);
  logger.log(
    `Health: ${base}/health, metrics: ${base}/metrics (ready in ${Date.now() - started} ms)`,
  );
}

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    pino().fatal({ problems: error.problems }, error.message);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  pino().fatal({ err: error }, 'the API could not start');
  process.exit(1);
});
