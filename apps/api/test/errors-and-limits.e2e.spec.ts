import { testDatabaseTargets } from '@test/database';
import { FakeProjectionsModule, ProbeModule } from './fixtures/probe.fixture';
import { postGraphql, startTestApp, testLogs, type TestApp } from './test-app';

const [pglite] = testDatabaseTargets();

describe('error mapping, query limits and observability with resolvers of a spec', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp(
      pglite,
      { GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '100', GRAPHQL_MAX_ALIASES: '3' },
      [ProbeModule, FakeProjectionsModule],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('query limits', () => {
    it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH', async () => {
      const { status, body } = await postGraphql(api.url, {
        query: '{ probeTree { child { child { child { value } } } } }',
      });

      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_DEEP',
        fields: [],
      });
      expect(body.errors?.[0]?.message).toBe(
        'リクエストの階層が深すぎます（5 階層、上限 3 階層）。',
      );
    });

    it('counts depth through fragments', async () => {
      const { body } = await postGraphql(api.url, {
        query:
          'query { probeTree { ...Two } } fragment Two on ProbeNode { child { child { value } } }',
      });

      expect(body.errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_DEEP');
    });

    it('answers a query at the depth limit', async () => {
      const { body } = await postGraphql(api.url, { query: '{ probeTree { child { value } } }' });

      expect(body).toEqual({ data: { probeTree: { child: { value: 'node 9' } } } });
    });

    it('prices a page by its limit, and refuses an operation whose cost cannot be estimated (fails closed)', async () => {
      const cheap = await postGraphql(api.url, {
        query: 'query Page($limit: Int!) { probePage(limit: $limit) { value child { value } } }',
        variables: { limit: 2 },
      });
      expect(cheap.body.errors).toBeUndefined();
      const costly = await postGraphql(api.url, {
        query: 'query Page($limit: Int!) { probePage(limit: $limit) { value child { value } } }',
        variables: { limit: 60 },
      });
      expect(costly.body.errors?.[0]?.extensions?.['reason']).toBe('QUERY_TOO_COSTLY');
      const unknown = await postGraphql(api.url, {
        query: 'query Page($limit: Int!) { probePage(limit: $limit) { value child { value } } }',
        variables: { limit: 'many' },
      });
      expect(unknown.body.data ?? null).toBeNull();
      expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('refuses a query costing more than GRAPHQL_MAX_COST', async () => {
      const { status, body } = await postGraphql(api.url, {
        query: 'query Costly { probeExpensive }',
      });

      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_COSTLY',
      });
      expect(body.errors?.[0]?.message).toMatch(
        /^リクエストのコストが上限を超えています（500、上限 100）/,
      );
    });

    it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
      const { status, body } = await postGraphql(api.url, {
        query: '{ a: today b: today c: today d: today }',
      });

      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_ALIASES',
      });
      expect(body.errors?.[0]?.message).toBe('別名（エイリアス）が多すぎます（4 個、上限 3 個）。');
    });

    it('leaves introspection to its own switch outside production', async () => {
      const { body } = await postGraphql(api.url, {
        query:
          '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
      });

      expect(body.errors).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('maps a domain error to its code and Japanese message', async () => {
      const { status, body } = await postGraphql(api.url, { query: '{ probeNotFound }' });

      expect(status).toBe(200);
      expect(body.errors).toEqual([
        {
          message: '申込が見つかりません。',
          locations: [{ line: 1, column: 3 }],
          path: ['probeNotFound'],
          extensions: { code: 'NOT_FOUND' },
        },
      ]);
    });

    it('lists the fields of an input error', async () => {
      const { body } = await postGraphql(api.url, { query: '{ probeInvalidInput }' });

      expect(body.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'customer.name',
            code: 'NOT_FULL_WIDTH',
            message: 'お客さま名は全角で入力してください。',
          },
        ],
      });
    });

    it("refuses an invalid calendar date with the scalar's Japanese message", async () => {
      const literal = await postGraphql(api.url, { query: '{ probeDay(day: "2023-02-29") }' });
      const variable = await postGraphql(api.url, {
        query: 'query Day($day: Date!) { probeDay(day: $day) }',
        variables: { day: '2024-1-1' },
      });
      const valid = await postGraphql(api.url, { query: '{ probeDay(day: "2024-02-29") }' });

      for (const { status, body } of [literal, variable]) {
        expect(status).toBe(400);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [] });
        expect(body.errors?.[0]?.message).toBe(
          '日付は YYYY-MM-DD 形式の実在する日付で指定してください。',
        );
      }
      expect(valid.body.data).toEqual({ probeDay: '2024-02-29' });
    });

    it('hides a bug behind a generic message and logs it with the correlation id', async () => {
      const { body } = await postGraphql(
        api.url,
        { query: '{ probeBug }' },
        { 'x-correlation-id': 'bug-report-0001' },
      );
      const error = body.errors?.[0];

      expect(error?.message).toBe(
        '申し訳ございません。システムで予期しないエラーが発生いたしました。お手数ですが、時間をおいて再度お試しください。',
      );
      expect(error?.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        correlationId: 'bug-report-0001',
      });
      expect(JSON.stringify(body)).not.toMatch(/secret_table|SELECT|at .*\.ts/);
      const logged = testLogs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line['msg'] === 'GraphQL operation failed unexpectedly');
      expect(logged).toMatchObject({ level: 50, correlationId: 'bug-report-0001' });
      expect(JSON.stringify(logged)).toContain('secret_table');
    });
  });

  it('gives resolvers the correlation id through the request context', async () => {
    const given = await postGraphql(
      api.url,
      { query: '{ probeCorrelationId }' },
      { 'x-correlation-id': 'portal-request-42' },
    );
    const generated = await postGraphql(api.url, { query: '{ probeCorrelationId }' });

    expect(given.body.data).toEqual({ probeCorrelationId: 'portal-request-42' });
    expect(generated.body.data?.['probeCorrelationId']).toBe(
      generated.headers.get('x-correlation-id'),
    );
  });

  it('reports projection lag as degraded health and as a gauge', async () => {
    const health = await fetch(`${api.url}/health`);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();

    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      details: { projections: { status: 'degraded', maxLag: 1000 } },
    });
    expect(metrics).toContain('projection_lag_events{projection="application-search"} 5000');
    expect(metrics).toContain('projection_lag_events{projection="account-directory"} 0');
    expect(metrics).not.toContain('projection="starting"');
  });

  it('labels refused and failed operations apart in the metrics', async () => {
    await postGraphql(api.url, { query: 'query Broken { probeBug }' });
    await postGraphql(api.url, { query: 'query Missing { probeNotFound }' });
    const metrics = await (await fetch(`${api.url}/metrics`)).text();

    expect(metrics).toContain(
      'graphql_operations_total{operation="Broken",type="query",outcome="error"} 1',
    );
    expect(metrics).toContain(
      'graphql_operations_total{operation="Missing",type="query",outcome="refused"} 1',
    );
  });
});
