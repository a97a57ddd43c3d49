import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';

export interface TestApp {
  readonly url: string;
  readonly app: NestExpressApplication;
  readonly schema: string;
  /** The app's own data source, e.g. to read its tables. */
  readonly dataSource: DataSource;
  /** What a second process on the same schema needs: the same schema and PII master key. */
  readonly shared: { readonly DATABASE_SCHEMA: string; readonly PII_MASTER_KEY: string };
  /** Where the app writes its mail as `.eml` files (no SMTP_URL given). */
  readonly mailDirectory: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Runs as a second process on that app's schema and key; closing it leaves the schema. */
  readonly joining?: TestApp;
}

/**
 * pino-http keeps one root logger per module registry (one per spec file), so every app a spec
 * starts writes here, whichever started first.
 */
export const testLogs: string[] = [];
const destination = { write: (line: string) => void testLogs.push(line) };

const RELAXED_THROTTLES: Readonly<Record<string, string>> = {
  LOGIN_FAILURES_PER_ADDRESS: '1000000',
  LOGIN_DELAY_FREE_FAILURES: '1000000',
  REGISTER_PER_ADDRESS_PER_HOUR: '1000000',
  REGISTER_PER_HOUR: '1000000',
  VERIFY_EMAIL_PER_ADDRESS_PER_HOUR: '1000000',
  VERIFY_EMAIL_PER_HOUR: '1000000',
  CHANGE_PASSWORD_PER_ADDRESS_PER_HOUR: '1000000',
  CHANGE_PASSWORD_PER_HOUR: '1000000',
};

/** The real application on a fresh schema of the target database, listening on a free port. */
export async function startTestApp(
  target: TestDatabaseTarget,
  environment: Record<string, string> = {},
  imports: (Type | DynamicModule)[] = [],
  clock?: () => Date,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.joining ? null : await createTestSchema(target, 2);
  const shared = options.joining?.shared ?? {
    DATABASE_SCHEMA: database?.schema ?? '',
    PII_MASTER_KEY: randomBytes(32).toString('base64'),
    // The seed of an Ed25519 key: every process joining the schema signs with the same one.
    HISTORY_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
  // Mail without SMTP_URL goes to files: keep them out of the working tree.
  const mailDirectory = await mkdtemp(join(tmpdir(), 'b-route-mail-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: target.url,
    DATABASE_POOL_SIZE: '4',
    MAIL_DIRECTORY: mailDirectory,
    ...shared,
    // Specs run the jobs themselves, at the time they set; a minute's timer would race them.
    SCHEDULED_JOBS: 'off',
    // Every spec's requests come from 127.0.0.1: one address registering, verifying and
    // mistyping for a whole suite. The throttles have their own spec (login-throttle.e2e), which
    // sets the values it proves.
    ...RELAXED_THROTTLES,
    ...environment,
  });
  const app = await createApp(config, { logDestination: destination, imports, clock });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    schema: shared.DATABASE_SCHEMA,
    dataSource: app.get(DataSource),
    shared,
    mailDirectory,
    async close() {
      await app.close();
      await database?.dispose();
      await rm(mailDirectory, { recursive: true, force: true });
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
/** ACC-9's enrolment and the like: one operation with a session, its `data` or a thrown error. */
export function askWith(url: string, token: string) {
  return async (
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> => {
    const { body } = await postGraphql(
      url,
      { query, variables },
      { authorization: `Bearer ${token}` },
    );
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

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
