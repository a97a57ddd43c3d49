import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { verificationLinkMail } from './verification-link.template';

describe('verification link mail (ACC-2, ACC-8)', () => {
  const mail = verificationLinkMail(
    { userId: alice.userId, token: alice.token, expiresAt: '2026-11-26T01:30:00.000Z' },
    templateContext,
  );

  it('has a Japanese subject and the link <PUBLIC_URL>/verify-email?token=<token>', () => {
    expect(mail.subject).toBe(
      '【高圧Bルートサービス】新規アカウント登録のメールアドレス確認のお願い',
    );
    expect(mail.text).toContain(`https://b-route.example.jp/verify-email?token=${alice.token}\n`);
  });

  it('says the link is valid for 30 minutes, until the time in Japan', () => {
    expect(mail.text).toContain('有効期限は30分です（2026/11/26 10:30まで）');
  });

  it('says it comes from a send-only address (ACC-8)', () => {
    expect(mail.text).toContain('送信専用のメールアドレス');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });

  it('encodes a token that is not URL-safe', () => {
    const odd = verificationLinkMail(
      { userId: alice.userId, token: 'a+b/c=', expiresAt: '2026-11-26T01:30:00.000Z' },
      templateContext,
    );
    expect(odd.text).toContain('/verify-email?token=a%2Bb%2Fc%3D');
  });
});
