import { alice, bob, showsNothingOf } from '../testing/template-mother';
import { accountLockedMail } from './account-locked.template';

describe('account locked mail (ACC-4, ACC-8)', () => {
  const mail = accountLockedMail({ userId: alice.userId });

  it('tells the holder in Japanese that three wrong passwords locked the account', () => {
    expect(mail.subject).toBe('【Bルート申込】アカウントがロックされました');
    expect(mail.text).toContain(`ユーザーID「${alice.userId}」`);
    expect(mail.text).toContain('3回続けて誤ったためロックされました');
    expect(mail.text).toContain('送信専用アドレス');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
