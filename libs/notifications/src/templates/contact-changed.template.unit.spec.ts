import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { contactChangedMail } from './contact-changed.template';

describe('contact changed mail (ACC-6, ACC-8)', () => {
  const mail = contactChangedMail({ userId: alice.userId }, templateContext);

  it('tells the holder in Japanese that the contact changed, without repeating it', () => {
    expect(mail.subject).toBe('【高圧Bルートサービス】ご登録内容の変更のお知らせ');
    expect(mail.text).toContain(`ユーザ ID「${alice.userId}」のご登録内容`);
    // The one address it names is the back office's (ACC-8), never the holder's.
    expect(mail.text.replaceAll(templateContext.supportEmail, '')).not.toContain('@');
  });

  it('shows nothing of another person', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
