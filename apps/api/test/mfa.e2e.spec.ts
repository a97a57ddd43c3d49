import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { testDatabaseTargets } from '@test/database';
import {
  AccountsHarness,
  CHANGE_PASSWORD,
  CUSTOMER_PASSWORD,
  STAFF_PASSWORD,
  codeOf,
} from './accounts-harness';
import type { GraphqlResponse } from './test-app';

const LOGIN = `mutation Login($userId: String!, $password: String!, $otp: String) {
  login(userId: $userId, password: $password, otp: $otp) { accessToken account { userId mfaEnabled } }
}`;
const START = `mutation { startMfaEnrollment { secret otpauthUri } }`;
const CONFIRM = `mutation C($code: String!) { confirmMfaEnrollment(code: $code) }`;
const ME = `{ me { userId role mfaEnabled } }`;
const ACCOUNTS = `{ accounts { total } }`;

const STEP_MS = 30_000;

describe.each(testDatabaseTargets())('staff second factor (ACC-9) on $kind', (target) => {
  let harness: AccountsHarness;

  beforeAll(async () => {
    harness = await AccountsHarness.start(target);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** The app's clock in the middle of a time step, so a code made here is of the step meant. */
  function midStep(): number {
    const now = Date.now();
    const target = (Math.floor(now / STEP_MS) + 10) * STEP_MS + STEP_MS / 2;
    harness.setClockAhead(target - now);
    return Math.floor(target / STEP_MS);
  }

  const codeOfStep = (secret: string, step: number) =>
    generateSync({ secret, epoch: (step * STEP_MS + STEP_MS / 2) / 1000 });

  function login(userId: string, password: string, otp?: string): Promise<GraphqlResponse> {
    return harness.gql(LOGIN, { userId, password, otp: otp ?? null });
  }

  function tokenIn(response: GraphqlResponse): string {
    const token = (response.body.data?.['login'] as { accessToken?: string } | undefined)
      ?.accessToken;
    if (!token) throw new Error(JSON.stringify(response.body));
    return token;
  }

  /** A staff account past its initial password, signed in, not enrolled yet. */
  async function unenrolledStaff(userId: string, role: 'OPERATOR' | 'AUDITOR' = 'OPERATOR') {
    const { initialPassword } = await harness.createOperator(userId, role);
    const first = tokenIn(await login(userId, initialPassword));
    const changed = await harness.gql(
      CHANGE_PASSWORD,
      { current: initialPassword, next: STAFF_PASSWORD },
      first,
    );
    expect(changed.body.errors).toBeUndefined();
    return tokenIn(await login(userId, STAFF_PASSWORD));
  }

  /** Enrols on `token`'s session at a known step; answers the secret and the recovery codes. */
  async function enrol(token: string, step: number) {
    const started = await harness.gql(START, {}, token);
    const { secret } = started.body.data?.['startMfaEnrollment'] as { secret: string };
    const confirmed = await harness.gql(CONFIRM, { code: codeOfStep(secret, step) }, token);
    const codes = confirmed.body.data?.['confirmMfaEnrollment'] as string[];
    return { secret, codes };
  }

  afterEach(() => harness.setClockAhead(0));

  it('ACC-9: a staff session without a factor may only me, startMfaEnrollment, confirmMfaEnrollment, changePassword and logout; everything else is MFA_REQUIRED', async () => {
    for (const role of ['OPERATOR', 'AUDITOR'] as const) {
      const userId = `mfa.restricted.${role.toLowerCase()}`;
      const token = await unenrolledStaff(userId, role);
      const refused = await harness.gql(ACCOUNTS, {}, token);
      expect(refused.body.data ?? null).toBeNull();
      expect(codeOf(refused)).toBe('MFA_REQUIRED');
      expect(refused.body.errors?.[0]?.message).toContain('2段階認証の設定が必要です');
      expect(
        codeOf(
          await harness.gql(`{ searchApplications(filter: {}, limit: 1) { total } }`, {}, token),
        ),
      ).toBe('MFA_REQUIRED');
      expect((await harness.gql(ME, {}, token)).body).toEqual({
        data: { me: { userId, role, mfaEnabled: false } },
      });
      const step = midStep();
      const { codes } = await enrol(token, step);
      expect(codes).toHaveLength(10);
      // The same session, once enrolled, may do what its role allows.
      expect((await harness.gql(ACCOUNTS, {}, token)).body.errors).toBeUndefined();
      expect((await harness.gql(ME, {}, token)).body).toEqual({
        data: { me: { userId, role, mfaEnabled: true } },
      });
      expect((await harness.gql(`mutation { logout }`, {}, token)).body).toEqual({
        data: { logout: true },
      });
    }
  });

  it('ACC-9: changePassword and logout are open to an unenrolled staff session', async () => {
    const token = await unenrolledStaff('mfa.pw');
    const changed = await harness.gql(
      CHANGE_PASSWORD,
      { current: STAFF_PASSWORD, next: 'mizu-no-oto_2026' },
      token,
    );
    expect(changed.body).toEqual({ data: { changePassword: true } });
    const again = tokenIn(await login('mfa.pw', 'mizu-no-oto_2026'));
    expect((await harness.gql(`mutation { logout }`, {}, again)).body).toEqual({
      data: { logout: true },
    });
  });

  it('ACC-9: an enrolled staff login without a code, or with a wrong one, answers MFA_REQUIRED and no token; with the code it signs in', async () => {
    const token = await unenrolledStaff('mfa.login');
    const step = midStep();
    const { secret } = await enrol(token, step);
    // No code, an empty one, and one five steps away (a wrong code, not a guess at random).
    for (const otp of [undefined, '', codeOfStep(secret, step + 5)]) {
      const refused = await login('mfa.login', STAFF_PASSWORD, otp);
      expect(refused.body.data ?? null).toBeNull();
      expect(codeOf(refused)).toBe('MFA_REQUIRED');
    }
    // A wrong password with the right code is the wrong login, nothing about the factor.
    expect(codeOf(await login('mfa.login', 'wrong-password', codeOfStep(secret, step + 1)))).toBe(
      'UNAUTHENTICATED',
    );
    const signedIn = await login('mfa.login', STAFF_PASSWORD, codeOfStep(secret, step + 1));
    expect(signedIn.body.data?.['login']).toMatchObject({
      accessToken: expect.any(String),
      account: { userId: 'mfa.login', mfaEnabled: true },
    });
    expect((await harness.gql(ACCOUNTS, {}, tokenIn(signedIn))).body.errors).toBeUndefined();
  });

  it('ACC-9: a code is accepted once (replay refused); skew of one step is accepted, two refused', async () => {
    const token = await unenrolledStaff('mfa.replay');
    const step = midStep();
    const { secret } = await enrol(token, step - 1);
    // The confirming code itself cannot sign in.
    expect(codeOf(await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step - 1)))).toBe(
      'MFA_REQUIRED',
    );
    expect(codeOf(await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step - 2)))).toBe(
      'MFA_REQUIRED',
    );
    tokenIn(await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step)));
    expect(codeOf(await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step + 2)))).toBe(
      'MFA_REQUIRED',
    );
    const replayed = await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step));
    expect(codeOf(replayed)).toBe('MFA_REQUIRED');
    expect(replayed.body.errors?.[0]?.message).toMatch(/^確認コードが正しくありません。/);
    tokenIn(await login('mfa.replay', STAFF_PASSWORD, codeOfStep(secret, step + 1)));
  });

  it('ACC-9 with ACC-4: three wrong codes in a row lock the account', async () => {
    const token = await unenrolledStaff('mfa.lock');
    const step = midStep();
    const { secret } = await enrol(token, step);
    const wrong = codeOfStep(secret, step + 5);
    expect(codeOf(await login('mfa.lock', STAFF_PASSWORD, wrong))).toBe('MFA_REQUIRED');
    expect(codeOf(await login('mfa.lock', STAFF_PASSWORD, wrong))).toBe('MFA_REQUIRED');
    expect(codeOf(await login('mfa.lock', STAFF_PASSWORD, wrong))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await login('mfa.lock', STAFF_PASSWORD, codeOfStep(secret, step + 1)))).toBe(
      'ACCOUNT_LOCKED',
    );
  });

  it('ACC-9: each recovery code signs in once, in place of the TOTP code', async () => {
    const token = await unenrolledStaff('mfa.recovery');
    const { codes } = await enrol(token, midStep());
    const [first = '', second = ''] = codes;
    tokenIn(await login('mfa.recovery', STAFF_PASSWORD, first));
    expect(codeOf(await login('mfa.recovery', STAFF_PASSWORD, first))).toBe('MFA_REQUIRED');
    // Typed in lower case without hyphens, it still counts.
    tokenIn(await login('mfa.recovery', STAFF_PASSWORD, second.toLowerCase().replace(/-/g, '')));
  });

  it('ACC-9: a customer is not held to enrol, may enrol, and then needs the code too', async () => {
    const token = await harness.customerToken('mfa.customer');
    expect((await harness.gql(ME, {}, token)).body).toEqual({
      data: { me: { userId: 'mfa.customer', role: 'CUSTOMER', mfaEnabled: false } },
    });
    const step = midStep();
    const { secret, codes } = await enrol(token, step);
    expect(codes).toHaveLength(10);
    expect(codeOf(await login('mfa.customer', CUSTOMER_PASSWORD))).toBe('MFA_REQUIRED');
    const signedIn = await login('mfa.customer', CUSTOMER_PASSWORD, codeOfStep(secret, step + 1));
    expect(signedIn.body.data?.['login']).toMatchObject({
      account: { userId: 'mfa.customer', mfaEnabled: true },
    });
  });

  it('ACC-9: enrolment refuses a wrong code with a field error, and a second enrolment once on', async () => {
    const token = await harness.customerToken('mfa.wrongcode');
    const step = midStep();
    const started = await harness.gql(START, {}, token);
    const { secret, otpauthUri } = started.body.data?.['startMfaEnrollment'] as {
      secret: string;
      otpauthUri: string;
    };
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(otpauthUri)).toContain('高圧Bルートサービス:mfa.wrongcode');
    const wrong = await harness.gql(CONFIRM, { code: codeOfStep(secret, step + 3) }, token);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors?.[0]?.extensions?.['fields']).toEqual([
      expect.objectContaining({
        field: 'code',
        message: expect.stringMatching(/^確認コードが正しくありません。/),
      }),
    ]);
    await harness.gql(CONFIRM, { code: codeOfStep(secret, step) }, token);
    expect(codeOf(await harness.gql(START, {}, token))).toBe('CONFLICT');
  });

  it('ACC-9: neither the secret nor a recovery code is in plaintext in the events table', async () => {
    const token = await unenrolledStaff('mfa.sealed');
    const { secret, codes } = await enrol(token, midStep());
    const rows: { data: string }[] = await harness.api.app
      .get(DataSource)
      .query(`SELECT data::text AS data FROM "${harness.api.schema}".events`);
    const everything = rows.map((row) => row.data).join('\n');
    expect(rows.length).toBeGreaterThan(0);
    expect(everything).not.toContain(secret);
    for (const code of codes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replace(/-/g, ''));
    }
    const types = (await harness.events('mfa.sealed')).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['MfaEnrollmentStarted', 'MfaEnabled']));
  });
});

describe.each(testDatabaseTargets())(
  'second factor and the login throttle (ACC-9, ACC-4) on $kind',
  (target) => {
    let harness: AccountsHarness;

    beforeAll(async () => {
      harness = await AccountsHarness.start(target, {
        LOGIN_FAILURES_PER_USER_AND_ADDRESS: '2',
        LOGIN_DELAY_FREE_FAILURES: '100',
      });
    }, 120_000);

    afterAll(async () => {
      await harness?.close();
    });

    it('ACC-9: a wrong code is a guess the throttle counts; the right password without a code is not', async () => {
      await harness.staffToken('mfa.throttled', 'OPERATOR');
      const login = (otp: string | null) =>
        harness.gql(LOGIN, { userId: 'mfa.throttled', password: STAFF_PASSWORD, otp });
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(codeOf(await login(null))).toBe('MFA_REQUIRED');
      }
      // Two wrong second factors (neither a current code nor an issued recovery code).
      expect(codeOf(await login('12345a'))).toBe('MFA_REQUIRED');
      expect(codeOf(await login('1234-5678-ABCD'))).toBe('MFA_REQUIRED');
      const limited = await login(null);
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(limited.body.errors?.[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
    });
  },
);
