import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRawMail } from '../testing/raw-mail';
import { EmlFileMailTransport } from './eml-file-mail-transport';
import { createMailTransport } from './mail-transport.factory';
import type { MailLogger } from './mail-transport.port';

class RecordingLogger implements MailLogger {
  readonly lines: { message: string; details: unknown[] }[] = [];
  log(message: string, ...details: unknown[]): void {
    this.lines.push({ message, details });
  }
  warn(message: string, ...details: unknown[]): void {
    this.lines.push({ message, details });
  }
  error(message: string, ...details: unknown[]): void {
    this.lines.push({ message, details });
  }
}

describe('.eml file transport (no SMTP_URL)', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mail-'));
  });
  afterEach(async () => rm(directory, { recursive: true, force: true }));

  it('is what the factory gives without an SMTP URL', () => {
    const logger = new RecordingLogger();
    expect(createMailTransport({ logger, mailDirectory: directory })).toBeInstanceOf(
      EmlFileMailTransport,
    );
  });

  it('writes one RFC 822 file per Message-ID, with no temporary left, and logs the link', async () => {
    const logger = new RecordingLogger();
    const transport = new EmlFileMailTransport({ directory, logger });
    const message = {
      messageId: '<abc123.notification@b-route.example.jp>',
      from: 'no-reply@b-route.example.jp',
      to: 'sato@example.jp',
      subject: '【高圧Bルートサービス】新規アカウント登録のメールアドレス確認のお願い',
      text: '次のリンクを開いてください。\nhttps://b-route.example.jp/verify-email?token=t0k\n',
    };
    await transport.send(message);
    await transport.send(message);
    await transport.close();

    const files = await readdir(directory);
    expect(files).toEqual(['abc123.notification@b-route.example.jp.eml']);
    const mail = parseRawMail(await readFile(join(directory, files[0] ?? '')));
    expect(mail.from).toBe(message.from);
    expect(mail.to).toBe(message.to);
    expect(mail.subject).toBe(message.subject);
    expect(mail.messageId).toBe(message.messageId);
    expect(mail.text).toBe(message.text);
    expect(logger.lines[0]?.details).toEqual([
      { links: ['https://b-route.example.jp/verify-email?token=t0k'] },
    ]);
  });
});
