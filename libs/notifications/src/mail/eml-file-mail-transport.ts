import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { sendMailOptions } from './mail-headers';
import type { MailMessage } from './mail-message';
import type { MailLogger, MailTransport } from './mail-transport.port';

export interface EmlFileMailTransportOptions {
  /** `./var/mail` by default. */
  readonly directory: string;
  readonly logger: MailLogger;
}

/**
 * Development stand-in for SMTP: each mail becomes an RFC 822 `.eml` file (built by nodemailer's
 * stream transport), written under a temporary name and renamed, so a reader never sees half a file.
 * A resend overwrites the file of the same Message-ID.
 */
export class EmlFileMailTransport implements MailTransport {
  private readonly composer: Transporter;

  constructor(private readonly options: EmlFileMailTransportOptions) {
    this.composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  }

  async send(message: MailMessage): Promise<void> {
    const info: unknown = await this.composer.sendMail(sendMailOptions(message));
    const raw = (info as { message?: unknown }).message;
    if (!Buffer.isBuffer(raw)) throw new Error('the stream transport returned no message buffer');
    await mkdir(this.options.directory, { recursive: true, mode: 0o700 });
    const path = join(this.options.directory, `${fileNameOf(message.messageId)}.eml`);
    const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, raw, { mode: 0o600 });
    await rename(temporary, path);
    // Only the links are logged (the verification link, ACC-2); an initial password stays in the file.
    const links = message.text.split('\n').filter((line) => /^https?:\/\//.test(line.trim()));
    this.options.logger.log(`mail "${message.subject}" written to ${path}`, { links });
  }

  async close(): Promise<void> {
    this.composer.close();
    return Promise.resolve();
  }
}

function fileNameOf(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9.@-]/g, '');
}
