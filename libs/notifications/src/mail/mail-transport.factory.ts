import { EmlFileMailTransport } from './eml-file-mail-transport';
import type { MailLogger, MailTransport } from './mail-transport.port';
import { SmtpMailTransport } from './smtp-mail-transport';

export interface MailTransportConfig {
  /** `SMTP_URL`; without it mail is written to files. */
  readonly smtpUrl?: string;
  readonly mailDirectory?: string;
  readonly logger: MailLogger;
}

export function createMailTransport(config: MailTransportConfig): MailTransport {
  if (config.smtpUrl) return new SmtpMailTransport({ url: config.smtpUrl });
  return new EmlFileMailTransport({
    directory: config.mailDirectory ?? './var/mail',
    logger: config.logger,
  });
}
