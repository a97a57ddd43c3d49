import { jest } from '@jest/globals';
import { AccountJobs, SecurityEventLog } from '@app/accounts';
import { testDatabaseTargets } from '@test/database';
import { DataSource } from 'typeorm';
import { AccountsHarness, CUSTOMER_PASSWORD, STAFF_PASSWORD, codeOf } from './accounts-harness';
import { signInAsStaff } from './sign-in';
import { postGraphql, startTestApp, testLogs, type TestApp } from './test-app';

// Each test runs argon2id hashes over HTTP; on a machine shared by many suites, slowly.
jest.setTimeout(180_000);

const SECURITY_EVENTS = `query S($from: DateTime!, $to: DateTime!, $offset: Int, $limit: Int) {
  securityEvents(from: $from, to: $to, offset: $offset, limit: $limit) {
    total offset items { occurredAt type userId role clientAddress detail }
  }
}`;
const WRONG_PASSWORD = 'machigai-no-pass_2026';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface SecurityEvent {
  readonly occurredAt: string;
  readonly type: string;
  readonly userId: string | null;
  readonly role: string | null;
  readonly clientAddress: string | null;
  readonly detail: Record<string, unknown> | null;
}

interface SecurityEventPage {
  readonly total: number;
  readonly offset: number;
  readonly items: SecurityEvent[];
}

function window(): { from: string; to: string } {
  return {
    from: new Date(Date.now() - HOUR_MS).toISOString(),
    to: new Date(Date.now() + HOUR_MS).toISOString(),
  };
}

async function pageOf(
  gql: (query: string, variables: Record<string, unknown>) => ReturnType<AccountsHarness['gql']>,
  variables: Record<string, unknown> = {},
): Promise<SecurityEventPage> {
  const response = await gql(SECURITY_EVENTS, { ...window(), limit: 100, ...variables });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data?.['securityEvents'] as SecurityEventPage;
}

describe.each(testDatabaseTargets())('security events (ASVS 16) over HTTP on $kind', (target) => {
  let harness: AccountsHarness;
  let auditor: string;
  let operator: string;
  let customer: string;
  const secrets: string[] = [WRONG_PASSWORD, CUSTOMER_PASSWORD, STAFF_PASSWORD];

  beforeAll(async () => {
    harness = await AccountsHarness.start(target);
    auditor = await harness.staffToken('sec.audit', 'AUDITOR');
    operator = await harness.staffToken('sec.ops', 'OPERATOR');
    customer = await harness.customerToken('sec.cust');
    secrets.push(auditor, operator, customer);
  });

  afterAll(async () => {
    await harness?.close();
  });

  function events(variables: Record<string, unknown> = {}): Promise<SecurityEventPage> {
    return pageOf((query, v) => harness.gql(query, v, auditor), variables);
  }

  async function only(type: string, userId: string | null): Promise<SecurityEvent[]> {
    const { items } = await events();
    return items.filter((event) => event.type === type && event.userId === userId);
  }

  it('records a wrong password and an unknown user ID alike, with user ID, role and address', async () => {
    expect(codeOf(await harness.login('sec.cust', WRONG_PASSWORD))).toBe('UNAUTHENTICATED');
    expect(codeOf(await harness.login('sec.nobody', WRONG_PASSWORD))).toBe('UNAUTHENTICATED');

    expect(await only('LOGIN_FAILED', 'sec.cust')).toEqual([
      {
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        type: 'LOGIN_FAILED',
        userId: 'sec.cust',
        role: 'CUSTOMER',
        clientAddress: expect.stringMatching(/127\.0\.0\.1$/),
        detail: { reason: 'INVALID_CREDENTIALS' },
      },
    ]);
    expect(await only('LOGIN_FAILED', 'sec.nobody')).toEqual([
      expect.objectContaining({
        role: null,
        clientAddress: expect.stringMatching(/127\.0\.0\.1$/),
      }),
    ]);
  });

  it('records a hostile user ID bounded to 200 characters and storable (NUL, lone surrogate)', async () => {
    const hostile = `sec.hostile\u0000\ud800${'x'.repeat(1000)}`;
    expect(codeOf(await harness.login(hostile, WRONG_PASSWORD))).toBe('UNAUTHENTICATED');

    const [recorded] = (await events()).items.filter((event) =>
      event.userId?.startsWith('sec.hostile'),
    );
    expect(recorded).toMatchObject({ type: 'LOGIN_FAILED' });
    expect(recorded?.userId).toBe(`sec.hostile\ufffd\ufffd${'x'.repeat(187)}`);
  });

  it('ACC-4: records the lock-out, and the operator’s unlock as a staff act', async () => {
    await harness.customerToken('sec.locked');
    for (let i = 0; i < 3; i += 1) await harness.login('sec.locked', WRONG_PASSWORD);

    expect(await only('ACCOUNT_LOCKED', 'sec.locked')).toEqual([
      expect.objectContaining({ role: 'CUSTOMER', clientAddress: expect.stringMatching(/127/) }),
    ]);
    expect(await only('LOGIN_FAILED', 'sec.locked')).toHaveLength(3);

    const unlocked = await harness.gql(
      `mutation U($userId: String!) { unlockAccount(userId: $userId) { userId } }`,
      { userId: 'sec.locked' },
      operator,
    );
    expect(unlocked.body.errors).toBeUndefined();
    expect(await only('STAFF_ACT', 'sec.ops')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'OPERATOR',
          detail: { operation: 'unlockAccount', userId: 'sec.locked' },
        }),
      ]),
    );
  });

  it('records staff acts of other contexts too (a metering record)', async () => {
    const recorded = await harness.gql(
      `mutation M($input: MeteringPointRecordInput!) { recordMeteringPoint(input: $input) { pointId } }`,
      {
        input: {
          pointId: '0310112222333344449999',
          meterId: 'F146832',
          terminalType: 'HIGH_VOLTAGE_TERMINAL',
          island: false,
        },
      },
      operator,
    );
    expect(recorded.body.errors).toBeUndefined();

    expect(await only('STAFF_ACT', 'sec.ops')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          detail: { operation: 'recordMeteringPoint', pointId: '0310112222333344449999' },
        }),
      ]),
    );
  });

  it('records authorization refusals: a CUSTOMER or OPERATOR asking for the log gets FORBIDDEN', async () => {
    for (const token of [customer, operator]) {
      const refused = await harness.gql(SECURITY_EVENTS, window(), token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.body.data).toBeNull();
    }
    expect(codeOf(await harness.gql(SECURITY_EVENTS, window()))).toBe('UNAUTHENTICATED');

    const denied = (await events()).items.filter((event) => event.type === 'ACCESS_DENIED');
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: 'sec.cust',
          role: 'CUSTOMER',
          detail: { operation: 'securityEvents', code: 'FORBIDDEN' },
        }),
        expect.objectContaining({
          userId: 'sec.ops',
          role: 'OPERATOR',
          detail: { operation: 'securityEvents', code: 'FORBIDDEN' },
        }),
        expect.objectContaining({
          userId: null,
          role: null,
          clientAddress: expect.stringMatching(/127/),
          detail: { operation: 'securityEvents', code: 'UNAUTHENTICATED' },
        }),
      ]),
    );
  });

  it('records a logout', async () => {
    const session = await harness.tokenOf('sec.cust', CUSTOMER_PASSWORD);
    secrets.push(session);
    const loggedOut = await harness.gql('mutation { logout }', {}, session);
    expect(loggedOut.body.data).toEqual({ logout: true });

    expect(await only('LOGOUT', 'sec.cust')).toEqual([
      expect.objectContaining({ role: 'CUSTOMER', detail: null }),
    ]);
  });

  it('ACC-9: serves what the MFA check records through its hook', async () => {
    await harness.api.app
      .get(SecurityEventLog)
      .mfaFailed({ userId: 'sec.ops', role: 'OPERATOR' }, '192.0.2.7', 'WRONG_CODE');

    expect(await only('MFA_FAILED', 'sec.ops')).toEqual([
      expect.objectContaining({
        role: 'OPERATOR',
        clientAddress: '192.0.2.7',
        detail: { reason: 'WRONG_CODE' },
      }),
    ]);
  });

  it('pages newest first within the period, and refuses a bad page or period field by field', async () => {
    const all = await events();
    const times = all.items.map((event) => Date.parse(event.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.total).toBe(all.items.length);

    const second = await events({ offset: 2, limit: 3 });
    expect(second).toEqual({ total: all.total, offset: 2, items: all.items.slice(2, 5) });
    const past = await events({ offset: all.total + 10 });
    expect(past).toEqual({ total: all.total, offset: all.total + 10, items: [] });
    const before = await events({
      from: new Date(Date.now() - 2 * DAY_MS).toISOString(),
      to: new Date(Date.now() - DAY_MS).toISOString(),
    });
    expect(before).toEqual({ total: 0, offset: 0, items: [] });

    const refused = await harness.gql(
      SECURITY_EVENTS,
      { from: window().to, to: window().from, limit: 101, offset: -1 },
      auditor,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const fields = refused.body.errors?.[0]?.extensions?.['fields'] as { field: string }[];
    expect(fields.map((field) => field.field).sort()).toEqual(['limit', 'offset', 'to']);
  });

  it('names no password, token or personal data', async () => {
    const page = await events();
    const text = JSON.stringify(page);

    expect(text).toContain('LOGIN_FAILED');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/example\.jp|山田|090-1111-2222/);
    const detailNames = page.items.flatMap((event) => Object.keys(event.detail ?? {}));
    expect(detailNames.length).toBeGreaterThan(0);
    expect(detailNames.filter((name) => /password|otp|token|secret/i.test(name))).toEqual([]);
  });

  it('answers the request even when the log cannot be written, and says so in the log', async () => {
    const dataSource = harness.api.app.get(DataSource);
    const table = `"${harness.api.schema}".security_events`;
    await dataSource.query(`ALTER TABLE ${table} RENAME TO security_events_away`);
    try {
      const refused = await harness.login('sec.cust', WRONG_PASSWORD);
      expect(refused.status).toBe(200);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    } finally {
      await dataSource.query(
        `ALTER TABLE "${harness.api.schema}".security_events_away RENAME TO security_events`,
      );
    }
    expect(testLogs.join('\n')).toContain('security event LOGIN_FAILED not recorded');
  });

  it('drops events past SECURITY_EVENTS_RETENTION_DAYS (365 by default) in the scheduled purge', async () => {
    harness.setClockAhead(-366 * DAY_MS);
    try {
      await harness.login('sec.ancient', WRONG_PASSWORD);
    } finally {
      harness.setClockAhead(0);
    }
    const dataSource = harness.api.app.get(DataSource);
    const table = `"${harness.api.schema}".security_events`;
    const count = async (userId: string): Promise<number> => {
      const [row] = await dataSource.query<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM ${table} WHERE user_id = $1`,
        [userId],
      );
      return row?.n ?? 0;
    };
    expect(await count('sec.ancient')).toBe(1);

    await harness.api.app.get(AccountJobs).expireRegistrations();

    expect(await count('sec.ancient')).toBe(0);
    expect(await count('sec.cust')).toBeGreaterThan(0);
  });
});

describe.each(testDatabaseTargets())(
  'throttled attempts in the security log on $kind',
  (target) => {
    let api: TestApp;
    let auditor: string;

    beforeAll(async () => {
      api = await startTestApp(target, {
        LOGIN_FAILURES_PER_USER_AND_ADDRESS: '2',
        REGISTER_PER_ADDRESS_PER_HOUR: '1',
      });
      auditor = await signInAsStaff(api, 'AUDITOR');
    });

    afterAll(async () => {
      await api?.close();
    });

    it('records a login answered RATE_LIMITED and a registration answered RATE_LIMITED', async () => {
      const login = {
        query: `mutation { login(userId: "sec.guessed", password: "x1y2z3w4v5") { accessToken } }`,
      };
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(codeOf(await postGraphql(api.url, login)));
      expect(answers).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);

      const register = (userId: string) =>
        postGraphql(api.url, {
          query: `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
          variables: {
            input: {
              userId,
              password: 'kumo-no-ue_2026',
              email: `${userId}@example.jp`,
              name: '山田 花子',
              phone: '090-1111-2222',
            },
          },
        });
      expect(codeOf(await register('sec.first'))).toBeUndefined();
      expect(codeOf(await register('sec.second'))).toBe('RATE_LIMITED');

      const page = await pageOf((query, variables) =>
        postGraphql(api.url, { query, variables }, { authorization: `Bearer ${auditor}` }),
      );
      expect(page.items.filter((event) => event.type === 'LOGIN_THROTTLED')).toEqual([
        expect.objectContaining({ userId: 'sec.guessed', role: null, detail: null }),
      ]);
      expect(page.items.filter((event) => event.type === 'LOGIN_FAILED')).toHaveLength(2);
      expect(page.items.filter((event) => event.type === 'RATE_LIMITED')).toEqual([
        expect.objectContaining({
          userId: null,
          clientAddress: expect.stringMatching(/127/),
          detail: { operation: 'registerAccount' },
        }),
      ]);
    });
  },
);
