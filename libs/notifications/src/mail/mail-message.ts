/** A rendered mail, ready for a transport. */
export interface MailMessage {
  /** Stable per (event, recipient, template): a resend after a crash carries the same id. */
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** Raised by a transport when the mail may go through on a later attempt (network, 4xx). */
export class MailTransportError extends Error {
  override readonly name = 'MailTransportError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}
