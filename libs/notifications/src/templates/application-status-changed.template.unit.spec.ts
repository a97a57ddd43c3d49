import { alice, bob, showsNothingOf, templateContext } from '../testing/template-mother';
import {
  applicationStatusChangedMail,
  type ApplicationStatusName,
} from './application-status-changed.template';

describe('application status changed mail (OPS-3)', () => {
  const cases: [ApplicationStatusName, string][] = [
    ['RECEIVED', '申込受付'],
    ['IN_PROGRESS', '手続中'],
    ['COMPLETED', '完了'],
    ['RETURNED', '差戻し'],
    ['REJECTED', '受付不可'],
    ['WITHDRAWN', '取消'],
  ];

  it.each(cases)('names %s as 「%s」 in the subject and body', (status, japanese) => {
    const mail = applicationStatusChangedMail(
      { applicationId: alice.applicationId, status },
      templateContext,
    );
    expect(mail.subject).toBe(
      `【高圧Bルートサービス】申込状況が「${japanese}」になりました（申込ID: ${alice.applicationId}）`,
    );
    expect(mail.text).toContain(`申込状況: ${japanese}\n`);
    expect(mail.text).not.toContain('理由:');
  });

  it('gives the reason of a rejection', () => {
    const mail = applicationStatusChangedMail(
      {
        applicationId: alice.applicationId,
        status: 'REJECTED',
        reason: '通信端末が光通信のため',
      },
      templateContext,
    );
    expect(mail.text).toContain('理由: 通信端末が光通信のため\n');
  });

  it('asks for a correction when returned', () => {
    const mail = applicationStatusChangedMail(
      {
        applicationId: alice.applicationId,
        status: 'RETURNED',
        reason: '需要家名に機種依存文字',
      },
      templateContext,
    );
    expect(mail.text).toContain('理由: 需要家名に機種依存文字\n');
    expect(mail.text).toContain('お申込み内容を修正いただき、再度お申込みをお願いいたします');
  });

  it('shows nothing of another application', () => {
    const mail = applicationStatusChangedMail(
      {
        applicationId: alice.applicationId,
        status: 'COMPLETED',
      },
      templateContext,
    );
    expect(showsNothingOf(mail.subject + mail.text, bob)).toBe(true);
  });
});
