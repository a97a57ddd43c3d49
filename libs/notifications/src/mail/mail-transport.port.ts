import type { MailMessage } from './mail-message';

/** Where rendered mail goes: an SMTP server, or files in development. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** Satisfied by Nest's `Logger`. */
export interface MailLogger {
  log(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}
