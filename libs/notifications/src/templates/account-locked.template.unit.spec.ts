import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { accountLockedMail } from './account-locked.template';

describe('account locked mail (ACC-4, ACC-8)', () => {
  const mail = accountLockedMail({ userId: alice.userId }, templateContext);

  it('tells the holder in Japanese that three wrong passwords locked the account', () => {
    expect(mail.subject).toBe('【高圧Bルートサービス】アカウントロックのお知らせ');
    expect(mail.text).toContain(`ユーザ ID「${alice.userId}」`);
    expect(mail.text).toContain('3回連続で間違えて入力されたため、ロックがかかりました');
    expect(mail.text).toContain('送信専用のメールアドレス');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
