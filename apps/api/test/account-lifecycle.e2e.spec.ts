import { jest } from '@jest/globals';
import { VerificationTokens, type IssuedVerificationToken } from '@app/accounts';
import { testDatabaseTargets } from '@test/database';
import { DataSource } from 'typeorm';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const MINUTE = 60_000;
const REGISTER = `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation V($token: String!) { verifyEmail(token: $token) { id userId status } }`;
const LOGIN = `mutation L($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken account { id userId } }
}`;

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

describe.each(testDatabaseTargets())('account lifecycle over HTTP on $kind', (target) => {
  let api: TestApp;
  let now = new Date();
  const issued: IssuedVerificationToken[] = [];

  beforeAll(async () => {
    api = await startTestApp(target, {}, [], () => now);
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

  function register(userId: string, email = `${userId}@example.jp`) {
    return postGraphql(api.url, {
      query: REGISTER,
      variables: {
        input: { userId, password: PASSWORD, email, name: '山田 太郎', phone: '090-1234-5678' },
      },
    });
  }

  /** Registers and answers the mailed token. */
  async function registered(userId: string): Promise<string> {
    const before = issued.length;
    expect((await register(userId)).body).toEqual({ data: { registerAccount: true } });
    const token = issued[before]?.token;
    if (token === undefined) throw new Error(`no token issued for ${userId}`);
    return token;
  }

  function verify(token: string) {
    return postGraphql(api.url, { query: VERIFY, variables: { token } });
  }

  function login(userId: string) {
    return postGraphql(api.url, { query: LOGIN, variables: { userId, password: PASSWORD } });
  }

  async function sql<T>(query: string, parameters: unknown[] = []): Promise<T[]> {
    return api.app
      .get(DataSource)
      .query(query.replaceAll('$schema', `"${api.schema}"`), parameters);
  }

  function advance(minutes: number): void {
    now = new Date(now.getTime() + minutes * MINUTE);
  }

  it('ACC-1: five registrations of one user ID at the same moment make exactly one account', async () => {
    const before = issued.length;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => register('race_01', `race${n}@example.jp`)),
    );
    for (const answer of answers) expect(answer.body).toEqual({ data: { registerAccount: true } });
    expect(issued.length - before).toBe(1);
    const events = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM $schema.events WHERE type = 'AccountRegistered' AND data::jsonb ->> 'userId' = $1`,
      ['race_01'],
    );
    expect(events[0]?.count).toBe(1);
    const rows = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM $schema.accounts WHERE user_id = $1`,
      ['race_01'],
    );
    expect(rows[0]?.count).toBe(1);
    const token = issued[before]?.token ?? '';
    expect((await verify(token)).body.errors).toBeUndefined();
    expect((await login('race_01')).body.errors).toBeUndefined();
  });

  it('ACC-2: verifyEmail at 29 min succeeds', async () => {
    const token = await registered('in_time_01');
    advance(29);
    const verified = await verify(token);
    expect(verified.body.data?.['verifyEmail']).toMatchObject({
      userId: 'in_time_01',
      status: 'ACTIVE',
    });
    expect((await login('in_time_01')).body.errors).toBeUndefined();
  });

  it('ACC-2: at 31 min answers VERIFICATION_EXPIRED and the user ID can be registered again', async () => {
    const token = await registered('too_late_01');
    advance(31);
    const late = await verify(token);
    expect(codeOf(late)).toBe('VERIFICATION_EXPIRED');
    expect(late.body.errors?.[0]?.message).toMatch(/30分/);

    const again = await registered('too_late_01');
    const verified = await verify(again);
    expect(verified.body.data?.['verifyEmail']).toMatchObject({
      userId: 'too_late_01',
      status: 'ACTIVE',
    });
    expect((await login('too_late_01')).body.errors).toBeUndefined();
  });

  it('ACC-2: a registration nobody verified frees its user ID after 30 minutes, clicked or not', async () => {
    const first = await registered('unclicked_01');
    const before = issued.length;
    advance(30);
    expect((await register('unclicked_01', 'other@example.jp')).body).toEqual({
      data: { registerAccount: true },
    });
    expect(issued.length).toBe(before);
    advance(1);
    const second = await registered('unclicked_01');
    expect(codeOf(await verify(first))).toBe('VERIFICATION_EXPIRED');
    expect((await verify(second)).body.errors).toBeUndefined();
  });
});
