import { jest } from '@jest/globals';
import { AccountContactCipher, AccountJobs } from '@app/accounts';
import {
  AccountsReader,
  VerificationTokens,
  accountStream,
  UserIdReservations,
  type IssuedVerificationToken,
} from '@app/accounts/testing';
import { EVENT_STORE, PII_ERASED, PiiVault, type EventStore } from '@app/event-sourcing';
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
    const hmac = api.app.get(AccountContactCipher).userIdHmac('race_01');
    const events = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM $schema.events WHERE type = 'AccountRegistered' AND data::jsonb ->> 'userIdHmac' = $1`,
      [hmac],
    );
    expect(events[0]?.count).toBe(1);
    const rows = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM $schema.accounts WHERE user_id_hmac = $1`,
      [hmac],
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

  it('ACC-2: the scheduled sweep voids a registration whose link expired unopened, and frees its user ID', async () => {
    const token = await registered('swept_01');
    const jobs = api.app.get(AccountJobs);
    const pending = () =>
      sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM $schema.accounts WHERE user_id_hmac = $1`,
        [api.app.get(AccountContactCipher).userIdHmac('swept_01')],
      );
    advance(30);
    await jobs.expireRegistrations();
    expect((await pending())[0]?.count).toBe(1);
    advance(1);
    await jobs.expireRegistrations();
    expect((await pending())[0]?.count).toBe(0);
    const released = await sql<{ type: string }>(
      `SELECT type FROM $schema.events WHERE stream_id = $1 ORDER BY revision`,
      [api.app.get(UserIdReservations).streamOf('swept_01')],
    );
    expect(released.map((event) => event.type)).toEqual(['UserIdReserved', 'UserIdReleased']);

    expect(codeOf(await verify(token))).toBe('VERIFICATION_EXPIRED');
    const again = await registered('swept_01');
    expect((await verify(again)).body.errors).toBeUndefined();
  });
});

describe.each(testDatabaseTargets())('ACC-7 inactivity deletion over HTTP on $kind', (target) => {
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

  async function registerAndVerify(userId: string): Promise<void> {
    const before = issued.length;
    const answer = await postGraphql(api.url, {
      query: REGISTER,
      variables: {
        input: {
          userId,
          password: PASSWORD,
          email: `${userId}@example.jp`,
          name: '山田 太郎',
          phone: '090-1234-5678',
        },
      },
    });
    expect(answer.body).toEqual({ data: { registerAccount: true } });
    const verified = await postGraphql(api.url, {
      query: VERIFY,
      variables: { token: issued[before]?.token },
    });
    expect(verified.body.errors).toBeUndefined();
  }

  async function login(userId: string): Promise<{ accessToken: string; id: string }> {
    const answer = await postGraphql(api.url, {
      query: LOGIN,
      variables: { userId, password: PASSWORD },
    });
    expect(answer.body.errors).toBeUndefined();
    const { accessToken, account } = answer.body.data?.['login'] as {
      accessToken: string;
      account: { id: string };
    };
    return { accessToken, id: account.id };
  }

  function advanceDays(days: number): void {
    now = new Date(now.getTime() + days * 24 * 60 * MINUTE);
  }

  it('ACC-7: an account unused for a year is deleted: sessions end, personal data erased, its security events scrubbed, user ID free; one used within the year is kept; a second run deletes nothing', async () => {
    await registerAndVerify('idle_01');
    const idle = await login('idle_01');
    await registerAndVerify('busy_01');
    // A mistyped password: a security event naming idle_01 (ASVS 16), kept for its retention...
    const mistyped = await postGraphql(api.url, {
      query: LOGIN,
      variables: { userId: 'idle_01', password: `${PASSWORD}-typo` },
    });
    expect(codeOf(mistyped)).toBe('UNAUTHENTICATED');
    const naming = async (): Promise<number> => {
      const [row] = await api.app.get(DataSource).query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "${api.schema}".security_events
           WHERE user_id = $1 OR detail::text LIKE '%' || $1 || '%'`,
        ['idle_01'],
      );
      return row?.count ?? -1;
    };
    expect(await naming()).toBeGreaterThan(0);
    advanceDays(200);
    await login('busy_01');
    advanceDays(166);

    const jobs = api.app.get(AccountJobs);
    expect(await jobs.deleteInactiveAccountsNow()).toBe(1);
    // ...unless the account is deleted (ACC-7): then none names the person.
    expect(await naming()).toBe(0);

    const me = await postGraphql(
      api.url,
      { query: '{ me { userId } }' },
      { authorization: `Bearer ${idle.accessToken}` },
    );
    expect(codeOf(me)).toBe('UNAUTHENTICATED');
    const live: { count: number }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS count FROM "${api.schema}".sessions WHERE account_id = $1 AND revoked_at IS NULL`,
        [idle.id],
      );
    expect(live[0]?.count).toBe(0);

    const [registered] = await api.app
      .get<EventStore>(EVENT_STORE)
      .readStream(accountStream(idle.id), { maxCount: 1 });
    const contact = (registered?.data as { contact: { email: string; name: string } }).contact;
    const vault = api.app.get(PiiVault);
    expect(await vault.decrypt(contact.email)).toBe(PII_ERASED);
    expect(await vault.decrypt(contact.name)).toBe(PII_ERASED);

    const rows: {
      status: string;
      email: string | null;
      name: string | null;
      phone: string | null;
    }[] = await api.app
      .get(DataSource)
      .query(`SELECT status, email, name, phone FROM "${api.schema}".accounts WHERE id = $1`, [
        idle.id,
      ]);
    expect(rows).toEqual([{ status: 'DELETED', email: null, name: null, phone: null }]);
    expect(await api.app.get(AccountsReader).byId(idle.id)).toMatchObject({
      status: 'DELETED',
      email: PII_ERASED,
      name: PII_ERASED,
      phone: PII_ERASED,
    });
    const refused = await postGraphql(api.url, {
      query: LOGIN,
      variables: { userId: 'idle_01', password: PASSWORD },
    });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');

    expect((await login('busy_01')).id).toEqual(expect.any(String));
    expect(await jobs.deleteInactiveAccountsNow()).toBe(0);

    await registerAndVerify('idle_01');
    const again = await login('idle_01');
    expect(again.id).not.toBe(idle.id);
  });

  it('ACC-7: a login on an account past its year is refused and the account deleted then, before the nightly job runs', async () => {
    await registerAndVerify('idle_02');
    const idle = await login('idle_02');
    advanceDays(366);

    const refused = await postGraphql(api.url, {
      query: LOGIN,
      variables: { userId: 'idle_02', password: PASSWORD },
    });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.body.errors?.[0]?.message).toBe('ユーザ ID、もしくはパスワードが違います。');

    const events = await api.app.get<EventStore>(EVENT_STORE).readStream(accountStream(idle.id));
    expect(events.at(-1)?.type).toBe('AccountDeletedForInactivity');
    const [registered] = events;
    const contact = (registered?.data as { contact: { email: string } }).contact;
    expect(await api.app.get(PiiVault).decrypt(contact.email)).toBe(PII_ERASED);
    expect(await api.app.get(AccountsReader).byId(idle.id)).toMatchObject({ status: 'DELETED' });
    const me = await postGraphql(
      api.url,
      { query: '{ me { userId } }' },
      { authorization: `Bearer ${idle.accessToken}` },
    );
    expect(codeOf(me)).toBe('UNAUTHENTICATED');

    // The user ID is free at once: the person registers again, as a new account.
    await registerAndVerify('idle_02');
    expect((await login('idle_02')).id).not.toBe(idle.id);
  });
});
