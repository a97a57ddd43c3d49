import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { initialPasswordIssuedMail } from './initial-password-issued.template';

describe('initial password mail (ACC-5, ACC-8)', () => {
  const mail = initialPasswordIssuedMail(
    {
      userId: alice.userId,
      initialPassword: alice.initialPassword,
      expiresAt: '2026-11-29T03:00:00.000Z',
    },
    templateContext,
  );

  it('gives the initial password, valid 72 hours, to be changed at first login', () => {
    expect(mail.subject).toBe('【高圧Bルートサービス】初期パスワードのお知らせ');
    expect(mail.text).toContain(`初期パスワード: ${alice.initialPassword}\n`);
    expect(mail.text).toContain('有効期限は72時間です（2026/11/29 12:00まで）');
    expect(mail.text).toContain('再度パスワードの設定をお願いいたします');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
