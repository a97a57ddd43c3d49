import { request } from 'node:http';
import { jest } from '@jest/globals';
import { VerificationTokens, accountStream, type IssuedVerificationToken } from '@app/accounts';
import { EVENT_STORE, type EventStore } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { DataSource } from 'typeorm';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const LIMIT = 4;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;

type Errors = NonNullable<GraphqlResponse['body']['errors']>;

/** A GraphQL POST from a chosen loopback address: the whole of 127/8 reaches 127.0.0.1 on Linux. */
function postFrom(url: string, localAddress: string, body: unknown): Promise<GraphqlResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      `${url}/graphql`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: new Headers(),
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphqlResponse['body'],
          }),
        );
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

function codesOf(errors: Errors | undefined): unknown[] {
  return (errors ?? []).map((error) => error.extensions?.['code']);
}

describe.each(testDatabaseTargets())('login throttling per client address on $kind', (target) => {
  let api: TestApp;
  const issued: IssuedVerificationToken[] = [];

  beforeAll(async () => {
    api = await startTestApp(target, {
      LOGIN_THROTTLE_MAX_ATTEMPTS: String(LIMIT),
      LOGIN_THROTTLE_WINDOW_SECONDS: '300',
    });
    const tokens = api.app.get(VerificationTokens);
    const issue = tokens.issue.bind(tokens);
    jest.spyOn(tokens, 'issue').mockImplementation(() => {
      const token = issue();
      issued.push(token);
      return token;
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function registerAndVerify(userId: string): Promise<string> {
    const input = {
      userId,
      password: PASSWORD,
      email: `${userId}@example.jp`,
      name: '山田 太郎',
      phone: '090-1234-5678',
    };
    const registered = await postGraphql(api.url, {
      query: `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
      variables: { input },
    });
    expect(registered.body).toEqual({ data: { registerAccount: true } });
    const verified = await postGraphql(api.url, {
      query: `mutation V($token: String!) { verifyEmail(token: $token) { id } }`,
      variables: { token: issued.at(-1)?.token },
    });
    const id = (verified.body.data?.['verifyEmail'] as { id?: string } | undefined)?.id;
    if (id === undefined) throw new Error(`not verified: ${JSON.stringify(verified.body)}`);
    return id;
  }

  function loginFrom(address: string, userId: string, password = PASSWORD) {
    return postFrom(api.url, address, { query: LOGIN, variables: { userId, password } });
  }

  it(`admits ${LIMIT} attempts from one address, answers the next RATE_LIMITED in Japanese, and leaves other addresses alone`, async () => {
    await registerAndVerify('throttle_01');
    for (let i = 0; i < LIMIT; i++) {
      expect(codesOf((await loginFrom('127.0.0.11', 'nobody_here')).body.errors)).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const refused = await loginFrom('127.0.0.11', 'throttle_01');
    expect(codesOf(refused.body.errors)).toEqual(['RATE_LIMITED']);
    expect(refused.body.errors?.[0]?.message).toMatch(/試行回数/);

    const elsewhere = await loginFrom('127.0.0.12', 'throttle_01');
    expect(elsewhere.body.errors).toBeUndefined();
  });

  it('ACC-4: a throttled attempt records no LoginFailed and does not count towards the lock', async () => {
    const accountId = await registerAndVerify('throttle_02');
    expect(codesOf((await loginFrom('127.0.0.13', 'throttle_02', 'wrong-1')).body.errors)).toEqual([
      'UNAUTHENTICATED',
    ]);
    for (let i = 1; i < LIMIT; i++) await loginFrom('127.0.0.13', 'nobody_here');
    for (let i = 0; i < 3; i++) {
      const throttled = await loginFrom('127.0.0.13', 'throttle_02', `wrong-${i + 2}`);
      expect(codesOf(throttled.body.errors)).toEqual(['RATE_LIMITED']);
    }

    const events = await api.app.get<EventStore>(EVENT_STORE).readStream(accountStream(accountId));
    expect(events.filter((event) => event.type === 'LoginFailed')).toHaveLength(1);
    expect(events.some((event) => event.type === 'AccountLocked')).toBe(false);
    expect((await loginFrom('127.0.0.14', 'throttle_02')).body.errors).toBeUndefined();
  });

  it('counts each aliased login in one request as one attempt', async () => {
    await registerAndVerify('throttle_03');
    // Root mutation fields run one after another; a refused non-null login ends the request.
    const aliases = ['a', 'b', 'c', 'd', 'e'];
    const query = `mutation Many {
      ${aliases.map((alias) => `${alias}: login(userId: "throttle_03", password: "${PASSWORD}") { accessToken }`).join('\n')}
    }`;
    const response = await postFrom(api.url, '127.0.0.15', { query });
    expect(
      (response.body.errors ?? []).map((error) => [
        (error as { path?: string[] }).path,
        error.extensions?.['code'],
      ]),
    ).toEqual([[['e'], 'RATE_LIMITED']]);
    const sessions: { count: number }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS count FROM "${api.schema}".sessions WHERE client_address = $1`,
        ['127.0.0.15'],
      );
    expect(sessions[0]?.count).toBe(LIMIT);
    expect(codesOf((await loginFrom('127.0.0.15', 'throttle_03')).body.errors)).toEqual([
      'RATE_LIMITED',
    ]);
  });
});
