import { MailSecrets, type MailSecret } from '@app/accounts';
import type { DataSource } from 'typeorm';
import type { MailLedger } from './mail-ledger';

/** Days a handed-over secret waits for its event before the dispatcher purges it. */
export const MAIL_SECRET_RETENTION_DAYS = 7;

/** The accounts context's port, kept by the mail ledger (issue 11 §5). */
export class LedgerMailSecrets extends MailSecrets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: MailLedger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
  }

  handOver(secret: MailSecret): Promise<void> {
    return this.ledger.handOverSecret(this.dataSource, secret, this.clock());
  }
}
