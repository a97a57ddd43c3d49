import { testDatabaseTargets } from '@test/database';
import { ProbeModule } from './fixtures/probe.fixture';
import { postGraphql, startTestApp, type TestApp } from './test-app';

const [pglite] = testDatabaseTargets();

describe('the gateway with NODE_ENV=production', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp(
      pglite,
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        // Required in production (issue 11 §7); no mail is sent here.
        SMTP_URL: 'smtp://127.0.0.1:1',
        PUBLIC_URL: 'https://broute.example.jp',
      },
      [ProbeModule],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses introspection', async () => {
    const { status, body } = await postGraphql(api.url, {
      query: '{ __schema { queryType { name } } }',
    });

    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INTROSPECTION_DISABLED',
    });
    expect(body.errors?.[0]?.message).toMatch(/イントロスペクション/);
  });

  it('shows no stack, SQL or internal message for a bug', async () => {
    const { body } = await postGraphql(api.url, { query: '{ probeBug }' });
    const text = JSON.stringify(body);

    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/stack|secret_table|SELECT|Error:|\.ts:\d+/);
  });

  it('does not suggest field names to a client that guesses', async () => {
    const { body } = await postGraphql(api.url, { query: '{ probeBu }' });

    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|probeBug/);
  });

  it('echoes no graphql-js detail (no variable values, no field names) in extensions', async () => {
    const { body } = await postGraphql(api.url, {
      query: 'query Q($n: Int!) { probeBu(n: $n) }',
      variables: { n: 'secret-value-123' },
    });
    expect(body.errors?.[0]?.extensions?.['detail']).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/secret-value-123|probeBu/);
  });

  it('sends HSTS and the strict CSP on /graphql too', async () => {
    const { headers } = await postGraphql(api.url, { query: '{ today }' });
    expect(headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('serves no GraphiQL page', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });

    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
