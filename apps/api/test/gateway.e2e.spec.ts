import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { PiiVault } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { postGraphql, startTestApp, type TestApp } from './test-app';
import { SCHEMA_FILE, schemaFileContent } from '../src/graphql/schema-file';

const CONTRACT_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ACCOUNT_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'VERIFICATION_EXPIRED',
  'NOT_SERVED',
  'START_DATE_TOO_SOON',
  'RATE_LIMITED',
  'MFA_REQUIRED',
  'UNAVAILABLE',
];

describe.each(testDatabaseTargets())('the gateway over HTTP on $kind', (target) => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp(target);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers a query', async () => {
    const { status, body } = await postGraphql(api.url, {
      query: 'query ServerTime { serverTime today }',
    });

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(new Date(String(body.data?.['serverTime'])).toISOString()).toBe(
      body.data?.['serverTime'],
    );
    expect(body.data?.['today']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('serves the schema committed in apps/api/schema.gql', () => {
    const { schema } = api.app.get(GraphQLSchemaHost);

    expect(readFileSync(resolve(process.cwd(), SCHEMA_FILE), 'utf8')).toBe(
      schemaFileContent(schema),
    );
  });

  it("serves the contract's ErrorCode values exactly", async () => {
    const { body } = await postGraphql(api.url, {
      query: '{ __type(name: "ErrorCode") { enumValues { name } } }',
    });
    const type = body.data?.['__type'] as { enumValues: { name: string }[] };

    expect(type.enumValues.map(({ name }) => name).sort()).toEqual(
      [...CONTRACT_ERROR_CODES].sort(),
    );
  });

  it('provides the PII vault over its database, round-tripping a value', async () => {
    const vault = api.app.get(PiiVault);
    const subject = randomUUID();

    const token = await vault.encrypt(subject, 'yamada@example.jp');
    const rows = await api.app
      .get(DataSource)
      .query<{ count: string }[]>(
        `SELECT count(*) AS count FROM "${api.schema}".pii_keys WHERE subject = $1`,
        [subject],
      );

    expect(PiiVault.isEncrypted(token)).toBe(true);
    expect(await vault.decrypt(token)).toBe('yamada@example.jp');
    expect(rows).toEqual([{ count: '1' }]);
  });

  it('reports the database and the event store on /health', async () => {
    const response = await fetch(`${api.url}/health`);
    const body = (await response.json()) as {
      status: string;
      details: Record<string, { status: string }>;
    };

    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.details['database']).toMatchObject({ status: 'up', embedded: false });
    expect(body.details['eventStore']).toMatchObject({ status: 'up', position: '0' });
    expect(body.details['projections']).toMatchObject({
      status: 'up',
      // Every context adds its own; these are the ones present from the start.
      projections: expect.arrayContaining([
        { name: 'accounts', lagEvents: 0 },
        { name: 'metering-points', lagEvents: 0 },
      ]),
    });
  });

  it('counts and times GraphQL operations on /metrics', async () => {
    await postGraphql(api.url, { query: 'query MetricsProbe { today }' });
    await postGraphql(api.url, { query: 'query MetricsProbe { nope }' });

    const response = await fetch(`${api.url}/metrics`);
    const text = await response.text();

    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain(
      'graphql_operations_total{operation="MetricsProbe",type="query",outcome="success"} 1',
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation="MetricsProbe",type="query",outcome="refused"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operation_duration_seconds_bucket\{le="0\.005",operation="MetricsProbe"/,
    );
    expect(text).toContain('# TYPE projection_lag_events gauge');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('echoes a sane x-correlation-id and replaces anything else with a uuid', async () => {
    const sane = await fetch(`${api.url}/health`, {
      headers: { 'x-correlation-id': 'portal-2f1c9a7e' },
    });
    const insane = await fetch(`${api.url}/health`, {
      headers: { 'x-correlation-id': 'a b<script>' },
    });
    const none = await postGraphql(api.url, { query: '{ today }' });

    expect(sane.headers.get('x-correlation-id')).toBe('portal-2f1c9a7e');
    expect(insane.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses batched operations', async () => {
    const { status, body } = await postGraphql(api.url, [
      { query: '{ today }' },
      { query: '{ serverTime }' },
    ]);

    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BATCHING_DISABLED',
      fields: [],
    });
    expect(body.errors?.[0]?.message).toMatch(/バッチ/);
  });

  describe('CSRF prevention', () => {
    it('refuses a simple GET without a preflight header', async () => {
      const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ today }')}`);
      const body = (await response.json()) as GraphqlBody;

      expect(response.status).toBe(400);
      expect(body.errors[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'CSRF_PREVENTED',
      });
      expect(body.errors[0]?.message).toMatch(/CSRF/);
    });

    it('refuses a simple form-encoded or text/plain POST', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: JSON.stringify({ query: '{ today }' }),
        });
        const body = (await response.json()) as GraphqlBody;

        expect(response.status).toBe(400);
        expect(body.errors[0]?.extensions?.['reason']).toBe('CSRF_PREVENTED');
      }
    });

    it('answers a GET that carries apollo-require-preflight', async () => {
      const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ today }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });

      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { today: string } }).data.today).toMatch(
        /^\d{4}-/,
      );
    });
  });

  it('answers a malformed query with BAD_USER_INPUT in Japanese', async () => {
    const { status, body } = await postGraphql(api.url, { query: '{ today ' });

    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_PARSE_FAILED',
    });
    expect(body.errors?.[0]?.message).toBe('リクエストの構文に誤りがあります。');
  });
});

interface GraphqlBody {
  errors: { message: string; extensions?: Record<string, unknown> }[];
}
