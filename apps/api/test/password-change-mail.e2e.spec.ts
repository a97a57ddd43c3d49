import {
  startSmtpTestServer,
  type ReceivedMail,
  type SmtpTestServer,
} from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import { postGraphql, startTestApp, type TestApp } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const NEW_PASSWORD = 'hoshi-no-sora_2026';
const PUBLIC_URL = 'https://portal.b-route.example.jp';
const MAIL_FROM = 'no-reply@b-route.example.jp';
const BACK_OFFICE = 'madoguchi@b-route.example.jp';

const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { userId } }`;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;
const CHANGE_PASSWORD = `mutation Change($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

describe.each(testDatabaseTargets())('the password-change mail over SMTP on $kind', (target) => {
  let smtp: SmtpTestServer;
  let api: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    api = await startTestApp(target, {
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM,
      SUPPORT_EMAIL: BACK_OFFICE,
      MAIL_POLL_INTERVAL_MS: '100',
    });
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const mailTo = (address: string, subject: RegExp): Promise<ReceivedMail> =>
    smtp.waitForMail((mail) => mail.envelopeTo.includes(address) && subject.test(mail.subject));

  it('issue 11 §4, ACC-8: a changed password is mailed to the holder, with whom to tell if it was not them', async () => {
    const userId = 'pw_mail_01';
    const email = `${userId}@example.jp`;
    const input = { userId, password: PASSWORD, email, name: '山田 太郎', phone: '090-1234-5678' };
    await postGraphql(api.url, { query: REGISTER, variables: { input } });
    const verification = await mailTo(email, /メールアドレス確認/);
    const token = /verify-email\?token=(\S+)$/m.exec(verification.text)?.[1];
    expect(token).toBeDefined();
    await postGraphql(api.url, {
      query: VERIFY,
      variables: { token: decodeURIComponent(token ?? '') },
    });
    const login = await postGraphql(api.url, {
      query: LOGIN,
      variables: { userId, password: PASSWORD },
    });
    const session = (login.body.data?.['login'] as { accessToken: string }).accessToken;

    const changed = await postGraphql(
      api.url,
      {
        query: CHANGE_PASSWORD,
        variables: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      },
      { authorization: `Bearer ${session}` },
    );
    expect(changed.body).toEqual({ data: { changePassword: true } });

    const mail = await mailTo(email, /パスワード変更/);
    expect(mail.subject).toBe('【高圧Bルートサービス】パスワード変更のお知らせ');
    expect(mail.from).toContain(MAIL_FROM);
    expect(mail.headers.get('reply-to')).toBeUndefined();
    const lines = mail.text.replace(/\r\n/g, '\n');
    expect(lines.startsWith('山田 太郎 様\n')).toBe(true);
    expect(lines).toMatch(
      /ユーザ ID「pw_mail_01」のパスワードが変更されました（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）。/,
    );
    expect(lines).toContain(
      `お心当たりのない場合は、${BACK_OFFICE} へ「登録済のユーザ ID・メールアドレス・名義・電話番号」をご記載のうえ、ご連絡をお願いいたします。`,
    );
    expect(lines).toContain('送信専用のメールアドレスから送信しております');
    expect(lines.trimEnd().endsWith('東京電力パワーグリッド株式会社')).toBe(true);
    // Neither the old nor the new password travels in it.
    expect(lines).not.toContain(PASSWORD);
    expect(lines).not.toContain(NEW_PASSWORD);
  });
});
