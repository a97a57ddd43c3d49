import { alice, bob, showsNothingOf } from '../testing/template-mother';
import { contactChangedMail } from './contact-changed.template';

describe('contact changed mail (ACC-6, ACC-8)', () => {
  const mail = contactChangedMail({ userId: alice.userId });

  it('tells the holder in Japanese that the contact changed, without repeating it', () => {
    expect(mail.subject).toBe('【Bルート申込】ご登録の連絡先が変更されました');
    expect(mail.text).toContain(`ユーザーID「${alice.userId}」のご登録の連絡先`);
    expect(mail.text).not.toContain('@');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
