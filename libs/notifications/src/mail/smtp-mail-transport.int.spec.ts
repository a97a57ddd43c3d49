import { startSmtpTestServer, type SmtpTestServer } from '../testing/smtp-test-server';
import { MailTransportError, type MailMessage } from './mail-message';
import { SmtpMailTransport } from './smtp-mail-transport';

const message: MailMessage = {
  messageId: '<0123abcd.notification@b-route.example.jp>',
  from: 'no-reply@b-route.example.jp',
  to: 'yamada@example.jp',
  subject: '【高圧Bルートサービス】申込状況が「手続中」になりました（申込ID: 42006）',
  text: 'お申込みの状況が変わりました。\n申込ID: 42006\n申込状況: 手続中\n',
};

describe('SMTP mail transport (ACC-8)', () => {
  let server: SmtpTestServer;
  let transport: SmtpMailTransport;

  beforeEach(async () => {
    server = await startSmtpTestServer();
    transport = new SmtpMailTransport({ url: server.url, timeoutMs: 5000 });
  });
  afterEach(async () => {
    await transport.close();
    await server.stop();
  });

  it('delivers with From, To, Subject, Message-ID and a UTF-8 Japanese body', async () => {
    await transport.send(message);
    await server.waitForMails(1);
    const [mail] = server.received;
    expect(mail?.envelopeTo).toEqual(['yamada@example.jp']);
    expect(mail?.from).toBe('no-reply@b-route.example.jp');
    expect(mail?.to).toBe('yamada@example.jp');
    expect(mail?.subject).toBe(message.subject);
    expect(mail?.messageId).toBe(message.messageId);
    expect(mail?.contentType).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail?.headers.get('content-transfer-encoding')).toBe('base64');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail?.text).toBe(message.text);
  });

  it('raises a retryable MailTransportError when the server refuses with 421', async () => {
    server.refusing = true;
    await expect(transport.send(message)).rejects.toBeInstanceOf(MailTransportError);
    expect(server.received).toHaveLength(0);
  });
});
