import {
  startSmtpTestServer,
  type ReceivedMail,
  type SmtpTestServer,
} from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const PUBLIC_URL = 'https://portal.b-route.example.jp';
const MAIL_FROM = 'no-reply@b-route.example.jp';

const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { userId status } }`;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken account { userId status } }
}`;

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

/** The token in the mailed link `<PUBLIC_URL>/verify-email?token=…` (ACC-2). */
function verificationTokenIn(mail: ReceivedMail): string {
  const escaped = PUBLIC_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`^${escaped}/verify-email\\?token=(\\S+)$`, 'm').exec(mail.text);
  if (!link?.[1]) throw new Error(`no verification link in:\n${mail.text}`);
  return decodeURIComponent(link[1]);
}

describe.each(testDatabaseTargets())('mail caused by registration over HTTP on $kind', (target) => {
  let smtp: SmtpTestServer;
  let api: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    api = await startTestApp(target, {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM,
      MAIL_POLL_INTERVAL_MS: '100',
    });
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const mailTo = (address: string, subject: RegExp): Promise<ReceivedMail> =>
    smtp.waitForMail((mail) => mail.envelopeTo.includes(address) && subject.test(mail.subject));

  async function register(userId: string, email = `${userId}@example.jp`): Promise<void> {
    const input = { userId, password: PASSWORD, email, name: '山田 太郎', phone: '090-1234-5678' };
    const response = await postGraphql(api.url, { query: REGISTER, variables: { input } });
    expect(response.body).toEqual({ data: { registerAccount: true } });
  }

  async function registerAndVerify(userId: string): Promise<void> {
    await register(userId);
    const mail = await mailTo(`${userId}@example.jp`, /メールアドレス確認/);
    const token = verificationTokenIn(mail);
    const verified = await postGraphql(api.url, { query: VERIFY, variables: { token } });
    expect(verified.body.errors).toBeUndefined();
  }

  async function ledgerRows(): Promise<number> {
    const [row] = await api.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${api.schema}".mail_deliveries`,
    );
    return row?.count ?? 0;
  }

  function login(userId: string, password = PASSWORD): Promise<GraphqlResponse> {
    return postGraphql(api.url, { query: LOGIN, variables: { userId, password } });
  }

  it('ACC-2: register → the verification mail arrives → verifyEmail with its link → login → me', async () => {
    await register('mail_user_01');
    const mail = await mailTo('mail_user_01@example.jp', /メールアドレス確認/);
    expect(mail.subject).toBe(
      '【高圧Bルートサービス】新規アカウント登録のメールアドレス確認のお願い',
    );
    expect(mail.to).toBe('mail_user_01@example.jp');
    expect(mail.text).toContain('ユーザ ID: mail_user_01');
    expect(mail.text.split('\n')[0]).toBe('山田 太郎 様');
    expect(mail.text).toContain('有効期限は30分です');
    const token = verificationTokenIn(mail);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const verified = await postGraphql(api.url, { query: VERIFY, variables: { token } });
    expect(verified.body).toEqual({
      data: { verifyEmail: { userId: 'mail_user_01', status: 'ACTIVE' } },
    });
    const session = await login('mail_user_01');
    expect(session.body.errors).toBeUndefined();
    const { accessToken } = session.body.data?.['login'] as { accessToken: string };
    const me = await postGraphql(
      api.url,
      { query: '{ me { userId email status } }' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(me.body).toEqual({
      data: { me: { userId: 'mail_user_01', email: 'mail_user_01@example.jp', status: 'ACTIVE' } },
    });
  });

  it('ACC-8: mail comes from the no-reply address, marked automatic, with no Reply-To to a person', async () => {
    await register('mail_user_02');
    const mail = await mailTo('mail_user_02@example.jp', /メールアドレス確認/);
    expect(mail.from).toBe(MAIL_FROM);
    expect(mail.headers.has('reply-to')).toBe(false);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.messageId).toMatch(/@b-route\.example\.jp>$/);
    expect(mail.text).toContain('送信専用のメールアドレスから送信しております');
  });

  it('ACC-4: the lock mail arrives after the third wrong password', async () => {
    await registerAndVerify('mail_lock_01');
    expect(codeOf(await login('mail_lock_01', 'wrong-password-1'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login('mail_lock_01', 'wrong-password-2'))).toBe('UNAUTHENTICATED');
    // ACC-4: the guesser is not told; the holder learns of the lock by mail.
    expect(codeOf(await login('mail_lock_01', 'wrong-password-3'))).toBe('UNAUTHENTICATED');

    const mail = await mailTo('mail_lock_01@example.jp', /ロック/);
    expect(mail.subject).toBe('【高圧Bルートサービス】アカウントロックのお知らせ');
    expect(mail.text).toContain('ユーザ ID「mail_lock_01」');
    expect(mail.text).toContain('3回連続で間違えて入力されたため、ロックがかかりました');
    expect(mail.text).toContain('Kouatsu2023@tepcoco.jp');
    expect(mail.from).toBe(MAIL_FROM);
  });

  it('ACC-1: registering a taken user ID sends no mail to anyone', async () => {
    await registerAndVerify('mail_taken_01');
    const requested = await ledgerRows();
    const before = smtp.received.length;
    await register('mail_taken_01', 'someone.else@example.jp');
    // A registration after it is mailed after it: once that mail is here, the taken one's would be too.
    await register('mail_after_01');
    await mailTo('mail_after_01@example.jp', /メールアドレス確認/);
    const since = smtp.received.slice(before);
    expect(since.map((mail) => mail.envelopeTo)).toEqual([['mail_after_01@example.jp']]);
    expect(smtp.received.some((mail) => mail.raw.includes('someone.else'))).toBe(false);
    expect(await ledgerRows()).toBe(requested + 1);
  });
});
