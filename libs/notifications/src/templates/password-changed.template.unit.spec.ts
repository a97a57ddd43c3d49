import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { passwordChangedMail } from './password-changed.template';

describe('password changed mail (issue 11 §4, ACC-8)', () => {
  const mail = passwordChangedMail(
    { userId: alice.userId, changedAt: '2026-04-02T01:00:00.000Z', addressee: '山田 花子' },
    templateContext,
  );

  it('tells the holder in Japanese which account’s password changed and when (Japan time)', () => {
    expect(mail.subject).toBe('【高圧Bルートサービス】パスワード変更のお知らせ');
    expect(mail.text.startsWith('山田 花子 様\n')).toBe(true);
    expect(mail.text).toContain(
      `ユーザ ID「${alice.userId}」のパスワードが変更されました（2026/04/02 10:00）。`,
    );
    expect(mail.text).toContain('ご自身による変更の場合は、本メールへのご対応は不要です。');
  });

  it('ACC-8: says whom to write to if it was not them, and what to write (Q16)', () => {
    expect(mail.text).toContain(
      `お心当たりのない場合は、${templateContext.supportEmail} へ「登録済のユーザ ID・メールアドレス・名義・電話番号」をご記載のうえ、ご連絡をお願いいたします。`,
    );
    expect(mail.text).toContain('パスワードを再初期化');
    // The one address it names is the back office's, never the holder's; no password either.
    expect(mail.text.replaceAll(templateContext.supportEmail, '')).not.toContain('@');
    expect(mail.text).not.toMatch(/パスワード[:：]/);
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
