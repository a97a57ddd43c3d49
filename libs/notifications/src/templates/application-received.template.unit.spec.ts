import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import { applicationReceivedMail } from './application-received.template';

describe('application received mail (APP-9)', () => {
  const mail = applicationReceivedMail({ applicationId: alice.applicationId }, templateContext);

  it('is the 申込み完了メール with the 申込ID', () => {
    expect(mail.subject).toBe('【高圧Bルートサービス】お申込みを受け付けました（申込ID: 42006）');
    expect(mail.text).toContain('申込ID: 42006\n');
    expect(mail.text).toContain('申込状況: 申込受付');
  });

  it('shows nothing of another application', () => {
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
