import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { AccountCommandRunner, AccountContactCipher, PasswordHasher } from '@app/accounts';
import {
  SESSION_CLOCK,
  TestAuthenticator,
  VerificationTokens,
  type SessionClock,
  type StaffRole,
} from '@app/accounts/testing';
import { ProjectionRunners } from '@app/event-sourcing';
import { askWith, postGraphql, type TestApp } from './test-app';

const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;
const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { id } }`;
const CHANGE_PASSWORD = `mutation Change($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

async function login(api: TestApp, userId: string, password: string): Promise<string> {
  const response = await postGraphql(api.url, { query: LOGIN, variables: { userId, password } });
  const session = response.body.data?.['login'] as { accessToken: string } | undefined;
  if (!session) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
  return session.accessToken;
}

/**
 * A staff account as create-operator makes it (an OperatorCreated event in the store, with an
 * initial password), which then logs in over HTTP, replaces that password (ACC-5) and enrols its
 * second factor (ACC-9). Resolves with a bearer token of a session that may do what the role allows.
 */
export async function signInAsStaff(api: TestApp, role: StaffRole): Promise<string> {
  const accountId = randomUUID();
  const userId = `${role.toLowerCase()}_${accountId.slice(0, 8)}`;
  const initialPassword = `Shoki-${randomUUID()}`;
  const chosenPassword = `Erabu-${randomUUID()}`;
  const hasher = api.app.get(PasswordHasher);
  const cipher = api.app.get(AccountContactCipher);
  const outcome = await api.app.get(AccountCommandRunner).run(
    accountId,
    {
      type: 'CreateOperator',
      data: {
        accountId,
        ...(await cipher.sealUserId(accountId, userId)),
        role,
        contact: await cipher.encryptContact(accountId, {
          email: `${userId}@example.jp`,
          name: '運用 花子',
          phone: '03-0000-0000',
        }),
        initialPasswordHash: await hasher.hash(initialPassword),
      },
    },
    { correlationId: randomUUID(), actor: { id: 'create-operator', role: 'SYSTEM' } },
  );
  if (!outcome.decision.ok || outcome.checkpoint === null) {
    throw new Error(`no ${role} account was created`);
  }
  await api.app.get(ProjectionRunners).waitFor('accounts', outcome.checkpoint, 5_000);
  const initialSession = await login(api, userId, initialPassword);
  const changed = await postGraphql(
    api.url,
    {
      query: CHANGE_PASSWORD,
      variables: { currentPassword: initialPassword, newPassword: chosenPassword },
    },
    { authorization: `Bearer ${initialSession}` },
  );
  if (changed.body.errors)
    throw new Error(`changePassword: ${JSON.stringify(changed.body.errors)}`);
  const session = await login(api, userId, chosenPassword);
  // The app's own clock: a spec may have moved it.
  const clock = api.app.get<symbol, SessionClock>(SESSION_CLOCK);
  await TestAuthenticator.enrol(askWith(api.url, session), clock);
  return session;
}

/** A self-registered, verified customer (ACC-1, ACC-2); the spec reads the token where it is made. */
export async function signInAsCustomer(api: TestApp): Promise<string> {
  const { userId, password } = await registerCustomer(api);
  return login(api, userId, password);
}

/** A customer registered over HTTP and verified with the token read where it is made. */
export async function registerCustomer(
  api: TestApp,
): Promise<{ readonly userId: string; readonly password: string }> {
  const userId = `customer_${randomUUID().slice(0, 8)}`;
  const password = `Kokyaku-${randomUUID()}`;
  const tokens = api.app.get(VerificationTokens);
  const issue = tokens.issue.bind(tokens);
  let token: string | undefined;
  const spy = jest.spyOn(tokens, 'issue').mockImplementation(() => {
    const issued = issue();
    token = issued.token;
    return issued;
  });
  try {
    const input = {
      userId,
      password,
      email: `${userId}@example.jp`,
      name: '需要 太郎',
      phone: '090-0000-0000',
    };
    const registered = await postGraphql(api.url, { query: REGISTER, variables: { input } });
    if (registered.body.errors)
      throw new Error(`register: ${JSON.stringify(registered.body.errors)}`);
  } finally {
    spy.mockRestore();
  }
  const verified = await postGraphql(api.url, { query: VERIFY, variables: { token } });
  if (verified.body.errors) throw new Error(`verifyEmail: ${JSON.stringify(verified.body.errors)}`);
  return { userId, password };
}
