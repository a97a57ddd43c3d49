import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import {
  AccountsHarness,
  CHANGE_PASSWORD,
  CUSTOMER_PASSWORD,
  STAFF_PASSWORD,
  codeOf,
} from './accounts-harness';
import type { GraphqlResponse } from './test-app';

// Each test runs several argon2 hashes over HTTP; on a machine shared by many suites, slowly.
jest.setTimeout(120_000);

type Caller = 'anonymous' | 'CUSTOMER' | 'OPERATOR' | 'AUDITOR';
/** Whose account the operation names: the caller's own, another's, or none (no such argument). */
type Target = 'self' | 'other' | '-';
type Expected = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const STAFF_USER_IDS = { OPERATOR: 'matrix.ops', AUDITOR: 'matrix.audit' } as const;
const CUSTOMER_USER_ID = 'matrix.self';

interface Run {
  readonly response: GraphqlResponse;
  /** The account the operation named, to show a refusal changed nothing. */
  readonly targetUserId?: string;
  /** What an allowed call must answer. */
  readonly allowed: unknown;
}

interface Context {
  readonly harness: AccountsHarness;
  /** A fresh session of the caller (null for anonymous), and its user ID. */
  readonly token: string | null;
  readonly callerUserId: string | null;
  readonly target: Target;
  /** A fresh customer account for this row: verified, optionally locked. */
  freshCustomer(options?: { locked?: boolean }): Promise<string>;
}

const ACCOUNT = 'userId status mustChangePassword';

function unique(prefix: string): string {
  return `${prefix}.${randomBytes(4).toString('hex')}`;
}

/** The account an operation on `target` names: the caller's own, or a fresh customer's. */
async function targetOf(context: Context, options?: { locked?: boolean }): Promise<string> {
  if (context.target === 'self' && context.callerUserId !== null) return context.callerUserId;
  return context.freshCustomer(options);
}

// Every account operation of the contract, each run once per caller as it would be used.
const OPERATIONS: Record<string, (context: Context) => Promise<Run>> = {
  async registerAccount({ harness, token }) {
    const userId = unique('reg');
    const response = await harness.gql(
      `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
      {
        input: {
          userId,
          password: CUSTOMER_PASSWORD,
          email: `${userId}@example.jp`,
          name: '登録 太郎',
          phone: '090-0000-0000',
        },
      },
      token ?? undefined,
    );
    return { response, allowed: { registerAccount: true } };
  },
  async verifyEmail({ harness, token }) {
    const userId = unique('verify');
    await harness.gql(
      `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
      {
        input: {
          userId,
          password: CUSTOMER_PASSWORD,
          email: `${userId}@example.jp`,
          name: '確認 太郎',
          phone: '090-0000-0000',
        },
      },
    );
    const response = await harness.gql(
      `mutation V($token: String!) { verifyEmail(token: $token) { ${ACCOUNT} } }`,
      { token: await harness.sealedSecret(userId, 'verificationToken') },
      token ?? undefined,
    );
    return {
      response,
      allowed: { verifyEmail: { userId, status: 'ACTIVE', mustChangePassword: false } },
    };
  },
  async login({ harness, token }) {
    const response = await harness.gql(
      `mutation L($userId: String!, $password: String!) {
        login(userId: $userId, password: $password) { account { ${ACCOUNT} } }
      }`,
      { userId: CUSTOMER_USER_ID, password: CUSTOMER_PASSWORD },
      token ?? undefined,
    );
    return {
      response,
      allowed: {
        login: {
          account: { userId: CUSTOMER_USER_ID, status: 'ACTIVE', mustChangePassword: false },
        },
      },
    };
  },
  async changePassword({ harness, token, callerUserId }) {
    const current = passwordOf(callerUserId);
    const response = await harness.gql(
      CHANGE_PASSWORD,
      { current, next: 'tsuki-no-ura_2026' },
      token ?? undefined,
    );
    if (response.body.data && callerUserId !== null) {
      // Put it back, so the next rows sign in as before.
      const again = await harness.tokenOf(callerUserId, 'tsuki-no-ura_2026');
      await harness.gql(CHANGE_PASSWORD, { current: 'tsuki-no-ura_2026', next: current }, again);
    }
    return { response, allowed: { changePassword: true } };
  },
  async logout({ harness, token }) {
    const response = await harness.gql(`mutation { logout }`, {}, token ?? undefined);
    return { response, allowed: { logout: true } };
  },
  async unlockAccount(context) {
    const targetUserId = await targetOf(context, { locked: true });
    const response = await context.harness.gql(
      `mutation U($userId: String!) { unlockAccount(userId: $userId) { ${ACCOUNT} } }`,
      { userId: targetUserId },
      context.token ?? undefined,
    );
    return {
      response,
      targetUserId,
      allowed: {
        unlockAccount: { userId: targetUserId, status: 'ACTIVE', mustChangePassword: true },
      },
    };
  },
  async resetPassword(context) {
    const targetUserId = await targetOf(context);
    const response = await context.harness.gql(
      `mutation R($userId: String!) { resetPassword(userId: $userId) { ${ACCOUNT} } }`,
      { userId: targetUserId },
      context.token ?? undefined,
    );
    return {
      response,
      targetUserId,
      allowed: {
        resetPassword: { userId: targetUserId, status: 'ACTIVE', mustChangePassword: true },
      },
    };
  },
  async changeAccountContact(context) {
    const targetUserId = await targetOf(context);
    const response = await context.harness.gql(
      `mutation C($userId: String!, $input: AccountContactInput!) {
        changeAccountContact(userId: $userId, input: $input) { userId name }
      }`,
      { userId: targetUserId, input: { name: '変更 後子' } },
      context.token ?? undefined,
    );
    return {
      response,
      targetUserId,
      allowed: { changeAccountContact: { userId: targetUserId, name: '変更 後子' } },
    };
  },
  async me({ harness, token, callerUserId }) {
    const response = await harness.gql(`{ me { userId } }`, {}, token ?? undefined);
    return { response, allowed: { me: { userId: callerUserId } } };
  },
  async accounts({ harness, token }) {
    const response = await harness.gql(
      `query A($userId: String) { accounts(userId: $userId) { total items { userId } } }`,
      { userId: CUSTOMER_USER_ID },
      token ?? undefined,
    );
    return {
      response,
      allowed: { accounts: { total: 1, items: [{ userId: CUSTOMER_USER_ID }] } },
    };
  },
};

function passwordOf(userId: string | null): string {
  return userId === CUSTOMER_USER_ID ? CUSTOMER_PASSWORD : STAFF_PASSWORD;
}

const PUBLIC: Expected[] = ['allowed', 'allowed', 'allowed', 'allowed'];
const SIGNED_IN: Expected[] = ['UNAUTHENTICATED', 'allowed', 'allowed', 'allowed'];
const STAFF: Expected[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'allowed', 'allowed'];
const OPERATOR_ONLY: Expected[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'allowed', 'FORBIDDEN'];
const CALLERS: Caller[] = ['anonymous', 'CUSTOMER', 'OPERATOR', 'AUDITOR'];

/** Per operation: the targets it can name, and the answer per caller (in CALLERS order). */
const MATRIX: [keyof typeof OPERATIONS, Target[], Expected[]][] = [
  ['registerAccount', ['-'], PUBLIC],
  ['verifyEmail', ['-'], PUBLIC],
  ['login', ['-'], PUBLIC],
  ['changePassword', ['self'], SIGNED_IN],
  ['logout', ['self'], SIGNED_IN],
  ['me', ['self'], SIGNED_IN],
  ['accounts', ['-'], STAFF],
  ['unlockAccount', ['self', 'other'], OPERATOR_ONLY],
  ['resetPassword', ['self', 'other'], OPERATOR_ONLY],
  ['changeAccountContact', ['self', 'other'], OPERATOR_ONLY],
];

// A customer tries operator care on its own account and on another's; the others name another's.
const ROWS = MATRIX.flatMap(([operation, targets, expected]) =>
  CALLERS.flatMap((caller, index) =>
    targets
      .filter((target) => caller === 'CUSTOMER' || targets.length === 1 || target === 'other')
      .map((target) => ({ operation, caller, target, expected: expected[index] })),
  ),
);
const CARE_EVENTS = ['AccountUnlocked', 'PasswordReset', 'ContactChanged'];

describe.each(testDatabaseTargets())('who may run which account operation, on $kind', (target) => {
  let harness: AccountsHarness;

  beforeAll(async () => {
    harness = await AccountsHarness.start(target);
    await harness.staffToken(STAFF_USER_IDS.OPERATOR, 'OPERATOR');
    await harness.staffToken(STAFF_USER_IDS.AUDITOR, 'AUDITOR');
    await harness.customerToken(CUSTOMER_USER_ID);
    // The app, two staff accounts through the tool and a customer: slow on a busy machine.
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  async function session(caller: Caller): Promise<[string | null, string | null]> {
    if (caller === 'anonymous') return [null, null];
    const userId = caller === 'CUSTOMER' ? CUSTOMER_USER_ID : STAFF_USER_IDS[caller];
    return [await harness.tokenOf(userId, passwordOf(userId)), userId];
  }

  async function freshCustomer(options: { locked?: boolean } = {}): Promise<string> {
    const userId = unique('cust');
    await harness.customerToken(userId);
    if (options.locked) {
      for (const attempt of [1, 2, 3]) await harness.login(userId, `wrong-password-${attempt}`);
    }
    return userId;
  }

  it.each(ROWS)('$operation as $caller (target: $target) → $expected', async (row) => {
    const [token, callerUserId] = await session(row.caller);
    const context: Context = {
      harness,
      token,
      callerUserId,
      target: row.target,
      freshCustomer,
    };
    const run = await OPERATIONS[row.operation](context);
    if (row.expected === 'allowed') {
      expect(run.response.body).toEqual({ data: run.allowed });
      return;
    }
    expect(run.response.body.data ?? null).toBeNull();
    expect(codeOf(run.response)).toBe(row.expected);
    expect(run.response.body.errors?.[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
    // A refusal is not a half write: no operator ever acted on the named account.
    if (run.targetUserId !== undefined) {
      const types = (await harness.events(run.targetUserId)).map((event) => event.type);
      expect(types.filter((type) => CARE_EVENTS.includes(type))).toEqual([]);
    }
  });
});
