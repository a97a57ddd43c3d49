import { testDatabaseTargets } from '@test/database';
import { postGraphql, startTestApp, type TestApp } from './test-app';

describe.each(testDatabaseTargets())('HTTP hardening on $kind (issue 11)', (target) => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp(target);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers /graphql with Cache-Control: no-store and the security headers', async () => {
    const { headers, body } = await postGraphql(api.url, { query: '{ today }' });
    expect(body.errors).toBeUndefined();
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    // Outside production: no HSTS (a developer's http://localhost), see production.e2e for it.
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('answers Cache-Control: no-store also where Apollo sets its own (a persisted query it does not support)', async () => {
    const { headers, body } = await postGraphql(api.url, {
      query: '{ today }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('sends a strict CSP ready for the portal at / (own scripts only, no inline code, no framing)', async () => {
    const response = await fetch(`${api.url}/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('refuses a body over 64 kB with a GraphQL-shaped Japanese error, not an English page', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ today } # ${'x'.repeat(70 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REQUEST_TOO_LARGE',
    });
    expect(body.errors[0]?.message).toMatch(/大きすぎます/);
  });

  it('answers malformed JSON in Japanese, GraphQL-shaped', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/形式が不正/);
  });

  it('stops parsing a document beyond the token limit', async () => {
    // 6002 tokens in 36 kB: under the body limit, over GRAPHQL_MAX_TOKENS (5000).
    const { body } = await postGraphql(api.url, { query: `{ ${'today '.repeat(6000)}}` });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('does not serve automatic persisted queries', async () => {
    const { body } = await postGraphql(api.url, {
      extensions: {
        persistedQuery: {
          version: 1,
          sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38',
        },
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_NOT_SUPPORTED',
    });
  });
});
