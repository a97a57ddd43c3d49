import type { RetryPolicy } from '../dispatcher/retry-policy';

export interface NotificationsOptions {
  /** The database schema of the delivery ledger (the app's schema). */
  readonly schema: string;
  /** The no-reply sender of every mail (ACC-8). */
  readonly from: string;
  /** `PUBLIC_URL`, for links in mails (the verification link, ACC-2). */
  readonly publicUrl: string;
  /** `SUPPORT_EMAIL` (ACC-8); the FAQ's when not given. */
  readonly supportEmail?: string;
  /** `MAIL_SIGNATURE`; the operator's name when not given. */
  readonly signature?: string;
  /** `SMTP_URL`; without it mail is written as `.eml` files under `mailDirectory`. */
  readonly smtpUrl?: string;
  readonly mailDirectory?: string;
  readonly retry?: RetryPolicy;
  /** How often an idle dispatcher looks for due mail. */
  readonly pollIntervalMs?: number;
  /**
   * How long a claimed mail stays with its dispatcher; a dispatcher that died mid-send has its
   * mail sent again (same Message-ID) once it runs out. Longer than any one send may take.
   */
  readonly leaseMs?: number;
  /** Whether this process sends mail (true unless said otherwise); requests are recorded either way. */
  readonly dispatch?: boolean;
}

export const MAIL_TRANSPORT = Symbol('MailTransport');
export const NOTIFICATIONS_OPTIONS = Symbol('NotificationsOptions');
