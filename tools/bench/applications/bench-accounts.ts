import { randomBytes } from 'node:crypto';
import { generateSync } from 'otplib';
import type { ReceivedMail } from '@app/notifications/testing';
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

/** Where the bench reads a mail the API sent: the SMTP server it gave the API. */
export interface Mailbox {
  waitForMail(matches: (mail: ReceivedMail) => boolean): Promise<ReceivedMail>;
}

/**
 * A customer as a person makes one (ACC-1, ACC-2): registered over HTTP, verified with the link
 * of the mail the API sent, then logged in.
 */
export async function signUpCustomer(url: string, mailbox: Mailbox): Promise<SignedIn> {
  const userId = `bench_customer_${randomBytes(4).toString('hex')}`;
  const email = `${userId}@example.jp`;
  const password = benchPassword();
  await graphql(url, REGISTER, {
    input: { userId, password, email, name: '需要 太郎', phone: '03-1234-5678' },
  });
  const mail = await mailbox.waitForMail((received) => received.envelopeTo.includes(email));
  const token = /verify-email\?token=(\S+)/.exec(mail.text)?.[1];
  if (token === undefined) throw new Error(`the mail to ${email} carries no verification link`);
  await graphql(url, VERIFY, { token: decodeURIComponent(token) });
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
