import type { Projection } from '@app/event-sourcing';
import { MailLedger } from '../ledger/mail-ledger';
import { accountMailProjection } from './account-mail.projection';
import { applicationMailProjection } from './application-mail.projection';

export interface NotificationsProjectionsOptions {
  /** The database schema of the delivery ledger (the app's schema). */
  readonly schema: string;
  /** The no-reply sender; its domain ends every Message-ID. */
  readonly from: string;
}

/** For `EventSourcingModule.forRoot({ projections })`: the projections that request mail. */
export function notificationsProjections(options: NotificationsProjectionsOptions): Projection[] {
  const ledger = new MailLedger(options);
  return [accountMailProjection(ledger), applicationMailProjection(ledger)];
}
