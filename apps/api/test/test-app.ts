import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';

export interface TestApp {
  readonly url: string;
  readonly app: NestExpressApplication;
  readonly schema: string;
  close(): Promise<void>;
}

/**
 * pino-http keeps one root logger per module registry (one per spec file), so every app a spec
 * starts writes here, whichever started first.
 */
export const testLogs: string[] = [];
const destination = { write: (line: string) => void testLogs.push(line) };

/** The real application on a fresh schema of the target database, listening on a free port. */
export async function startTestApp(
  target: TestDatabaseTarget,
  environment: Record<string, string> = {},
  imports: (Type | DynamicModule)[] = [],
  clock?: () => Date,
): Promise<TestApp> {
  const database = await createTestSchema(target, 2);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: target.url,
    DATABASE_SCHEMA: database.schema,
    DATABASE_POOL_SIZE: '4',
    PII_MASTER_KEY: randomBytes(32).toString('base64'),
    ...environment,
  });
  const app = await createApp(config, { logDestination: destination, imports, clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    schema: database.schema,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

export interface GraphqlResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** A JSON POST to /graphql, as a browser client would send it. */
export async function postGraphql(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphqlResponse['body'],
  };
}
