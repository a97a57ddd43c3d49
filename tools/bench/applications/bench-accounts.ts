import { randomBytes } from 'node:crypto';
import { generateSync } from 'otplib';
import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import type { PiiVault } from '@app/event-sourcing';
import { graphql } from './bench-graphql';

const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { id } }`;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken account { id } }
}`;
const START_MFA = `mutation { startMfaEnrollment { secret } }`;
const CONFIRM_MFA = `mutation Confirm($code: String!) { confirmMfaEnrollment(code: $code) }`;
const CHANGE_PASSWORD = `mutation Change($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}`;

export interface SignedIn {
  readonly accountId: string;
  readonly token: string;
}

function benchPassword(): string {
  return `bench_${randomBytes(12).toString('hex')}`;
}

async function login(url: string, userId: string, password: string): Promise<SignedIn> {
  const { login: session } = await graphql<{
    login: { accessToken: string; account: { id: string } };
  }>(url, LOGIN, { userId, password });
  return { accountId: session.account.id, token: session.accessToken };
}

/**
 * A customer as a person makes one (ACC-1, ACC-2): registered over HTTP, verified with the token
 * the mail would carry, which the bench opens from the mail ledger's pending row with the vault
 * (the mailer's own way to it; the bench's SMTP never takes the mail), then logged in.
 */
export async function signUpCustomer(
  url: string,
  ledger: { readonly pool: pg.Pool; readonly schema: string },
  vault: PiiVault,
): Promise<SignedIn> {
  const userId = `bench_customer_${randomBytes(4).toString('hex')}`;
  const password = benchPassword();
  await graphql(url, REGISTER, {
    input: {
      userId,
      password,
      email: `${userId}@example.jp`,
      name: '需要 太郎',
      phone: '03-1234-5678',
    },
  });
  const sealed = await verificationTokenOf(ledger, vault, userId);
  await graphql(url, VERIFY, { token: await vault.decrypt(sealed) });
  return login(url, userId, password);
}

/**
 * ACC-5: a staff account's first login must replace the initial password; ACC-9: then enrol the
 * second factor as an authenticator app would, which frees the session.
 */
export async function firstStaffLogin(
  url: string,
  userId: string,
  initialPassword: string,
): Promise<SignedIn> {
  const first = await login(url, userId, initialPassword);
  const password = benchPassword();
  await graphql(url, CHANGE_PASSWORD, { current: initialPassword, next: password }, first.token);
  const session = await login(url, userId, password);
  const { startMfaEnrollment } = await graphql<{ startMfaEnrollment: { secret: string } }>(
    url,
    START_MFA,
    {},
    session.token,
  );
  const code = generateSync({ secret: startMfaEnrollment.secret });
  await graphql(url, CONFIRM_MFA, { code }, session.token);
  return session;
}

/**
 * Issue 11 §5: the sealed token waits in the ledger's row of the verification mail, whose user ID
 * is sealed too: the bench opens the pending rows' user IDs to find its own.
 */
async function verificationTokenOf(
  { pool, schema }: { readonly pool: pg.Pool; readonly schema: string },
  vault: PiiVault,
  userId: string,
): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await pool.query<{ user_id: string; token: string }>(
      `SELECT params->>'userId' AS user_id, params->>'token' AS token FROM "${schema}".mail_deliveries
       WHERE template = 'verification-link' AND status = 'pending' AND params->>'token' IS NOT NULL`,
    );
    for (const row of rows) {
      if ((await vault.decrypt(row.user_id).catch(() => row.user_id)) === userId) return row.token;
    }
    await delay(50);
  }
  throw new Error(`no verification mail for ${userId} in the ledger`);
}
