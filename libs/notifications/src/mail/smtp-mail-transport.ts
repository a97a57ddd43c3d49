import nodemailer, { type Transporter } from 'nodemailer';
import { sendMailOptions } from './mail-headers';
import { MailTransportError, type MailMessage } from './mail-message';
import type { MailTransport } from './mail-transport.port';

export interface SmtpMailTransportOptions {
  /** e.g. `smtp://user:pass@mail.example.jp:587`, `smtps://…:465`. */
  readonly url: string;
  /** Kept well below the dispatcher's claim lease, so a send never outlives its claim. */
  readonly timeoutMs?: number;
}

/** Sends through an SMTP server; one connection per mail, nothing pooled across failures. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(options: SmtpMailTransportOptions) {
    const timeout = options.timeoutMs ?? 30_000;
    this.transporter = nodemailer.createTransport(options.url, {
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transporter.sendMail(sendMailOptions(message));
    } catch (error) {
      throw new MailTransportError(`SMTP delivery of ${message.messageId} failed`, error);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
    return Promise.resolve();
  }
}
