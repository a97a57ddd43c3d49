import type { MailContent, MailTemplateName } from '../templates/mail-templates';

/** What a notification projection asks for, inside its own transaction. */
export interface MailRequest {
  /** The event the mail reports; with `recipient` and the template it keys the ledger. */
  readonly eventId: string;
  /** A stable key of the recipient (e.g. the account id), not the address itself. */
  readonly recipient: string;
  /** The address as a PII-vault token, copied from the event. */
  readonly to: string;
  readonly content: MailContent;
  /** Usually the event's time. */
  readonly notBefore: Date;
}

/** A ledger row this dispatcher has claimed until `leaseUntil`. */
export interface ClaimedDelivery {
  readonly eventId: string;
  readonly recipient: string;
  readonly template: MailTemplateName;
  readonly to: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly messageId: string;
  /** Including the one just claimed. */
  readonly attempts: number;
  readonly claimToken: string;
}

export class UnsealedMailDataError extends Error {
  override readonly name = 'UnsealedMailDataError';
  constructor(field: string) {
    super(`mail field ${field} must be a PII-vault token, never plaintext`);
  }
}
