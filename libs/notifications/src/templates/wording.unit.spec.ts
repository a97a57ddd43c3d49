import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEND_ONLY_NOTICE } from '../messages';
import { alice, templateContext } from '../testing/template-mother';
import { MAIL_TEMPLATE_NAMES, renderMail, type MailContent } from './mail-templates';

const NAME = '佐藤　花子';

/** One mail of every template, as the dispatcher renders it once the vault tokens are opened. */
export const EVERY_MAIL: readonly MailContent[] = [
  {
    template: 'verification-link',
    params: {
      userId: alice.userId,
      token: alice.token,
      expiresAt: '2026-11-26T01:30:00.000Z',
      addressee: NAME,
    },
  },
  { template: 'account-locked', params: { userId: alice.userId, addressee: NAME } },
  {
    template: 'initial-password-issued',
    params: {
      userId: alice.userId,
      initialPassword: alice.initialPassword,
      expiresAt: '2026-11-29T03:00:00.000Z',
      addressee: NAME,
    },
  },
  { template: 'contact-changed', params: { userId: alice.userId, addressee: NAME } },
  {
    template: 'password-changed',
    params: { userId: alice.userId, changedAt: '2026-04-02T01:00:00.000Z', addressee: NAME },
  },
  {
    template: 'application-received',
    params: {
      applicationId: alice.applicationId,
      kind: 'NEW',
      desiredStartDate: '2027-01-05',
      points: [
        { kind: 'SUPPLY', pointId: '0310111234567890123456' },
        { kind: 'RECEPTION', pointId: '0310120000000000000000' },
      ],
      warnings: [{ code: 'YEAR_END_CLOSURE', from: '2026-12-29', to: '2027-01-03' }],
      addressee: NAME,
    },
  },
  {
    template: 'application-status-changed',
    params: {
      applicationId: alice.applicationId,
      status: 'RETURNED',
      reason: '計器IDをご確認ください。',
      addressee: NAME,
    },
  },
];

// 「Bルート」 not preceded by 高圧 (DOMAIN.md, Wording: users confuse it with the low-voltage one).
const BARE_B_ROUTE = /(?<!高圧)Bルート/u;

describe('Wording of every mail (DOMAIN.md)', () => {
  it('Wording: the specs render one mail of every template', () => {
    expect(EVERY_MAIL.map((mail) => mail.template).sort()).toEqual([...MAIL_TEMPLATE_NAMES].sort());
  });

  it.each(EVERY_MAIL.map((mail) => [mail.template, mail] as const))(
    'Wording: %s opens with the addressee, names 高圧Bルートサービス in full and ends with the send-only notice (Q5) and the signature',
    (_name, content) => {
      const mail = renderMail(content, templateContext);
      expect(mail.subject.startsWith('【高圧Bルートサービス】')).toBe(true);
      expect(mail.text.split('\n')[0]).toBe(`${NAME} 様`);
      expect(mail.subject + mail.text).not.toMatch(BARE_B_ROUTE);
      expect(
        mail.text.trimEnd().endsWith(`${SEND_ONLY_NOTICE}\n\n${templateContext.signature}`),
      ).toBe(true);
      expect(SEND_ONLY_NOTICE).toContain('ご返信いただきましても回答いたしかねます');
    },
  );

  it('Wording: a mail whose addressee cannot be opened greets 「お客さま 様」', () => {
    const mail = renderMail(
      { template: 'account-locked', params: { userId: alice.userId } },
      templateContext,
    );
    expect(mail.text.split('\n')[0]).toBe('お客さま 様');
  });

  it('APP-9: the application-complete mail repeats the kind, the date with its label, the points and the APP-7 warning in the FAQ’s words', () => {
    const received = EVERY_MAIL.find((mail) => mail.template === 'application-received');
    if (!received) throw new Error('missing');
    const { subject, text } = renderMail(received, templateContext);
    expect(subject).toBe('【高圧Bルートサービス】お申込みを受け付けました（申込ID: 42006）');
    expect(text).toContain('お申込み区分: 新規\n');
    expect(text).toContain('利用開始希望日: 2027/01/05\n');
    expect(text).toContain('供給地点特定番号: 03-1011-1234-5678-9012-3456\n');
    expect(text).toContain('受電地点特定番号: 03-1012-0000-0000-0000-0000\n');
    expect(text).toContain('年末年始休業: 2026/12/29〜2027/01/03\n');
    expect(text).toContain(
      '※年末年始等連休を挟む場合、2週間(14日)以上期間を空けていただいた場合でもご希望の利用開始時期に間に合わない可能性がありますのでご了承ください。',
    );
  });

  it.each([
    ['TERMINATION', '廃止希望日', '廃止'],
    ['ACTIVATION', '活性化希望日', '活性化'],
  ] as const)('APP-9: a %s mail labels its date %s', (kind, label, kindLabel) => {
    const { text } = renderMail(
      {
        template: 'application-received',
        params: { applicationId: '1', kind, desiredStartDate: '2026-04-20', points: [] },
      },
      templateContext,
    );
    expect(text).toContain(`お申込み区分: ${kindLabel}\n`);
    expect(text).toContain(`${label}: 2026/04/20\n`);
  });

  it('ACC-8: mails that send the customer to the back office name the contact address and what to write (Q16)', () => {
    for (const template of [
      'account-locked',
      'initial-password-issued',
      'contact-changed',
      'password-changed',
    ]) {
      const content = EVERY_MAIL.find((mail) => mail.template === template);
      if (!content) throw new Error(template);
      const { text } = renderMail(content, templateContext);
      expect(text).toContain('Kouatsu2023@tepcoco.jp');
      expect(text).toContain('登録済のユーザ ID・メールアドレス・名義・電話番号');
    }
  });

  it('Wording: no sentence in a messages file says a bare 「Bルート」', () => {
    for (const file of [
      'libs/notifications/src/messages.ts',
      'libs/applications/src/messages.ts',
      'libs/metering/src/messages.ts',
      'apps/api/src/graphql/errors/messages.ts',
    ]) {
      const text = readFileSync(resolve(process.cwd(), file), 'utf8');
      expect({ file, bare: BARE_B_ROUTE.test(text) }).toEqual({ file, bare: false });
    }
  });
});
