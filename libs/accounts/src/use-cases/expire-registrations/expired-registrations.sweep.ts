import { Inject } from '@nestjs/common';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { VERIFICATION_WINDOW_MS } from '../../domain/account-policy';
import { AccountSweepReader } from '../../read-models/account-sweep.reader';
import { RegistrationExpiry } from './registration-expiry';

// A minute's registrations on a busy day; whatever is left waits for the next minute.
const BATCH = 500;

/** ACC-2: voids registrations whose link expired unopened, so their user IDs free on time. */
export class ExpiredRegistrationsSweep {
  constructor(
    @Inject(AccountSweepReader) private readonly candidates: AccountSweepReader,
    @Inject(RegistrationExpiry) private readonly expiry: RegistrationExpiry,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  /** How many registrations this run voided. */
  async run(): Promise<number> {
    const registeredBy = new Date(this.clock().getTime() - VERIFICATION_WINDOW_MS);
    let voided = 0;
    for (const accountId of await this.candidates.pendingRegisteredBy(registeredBy, BATCH)) {
      if (await this.expiry.expire(accountId)) voided++;
    }
    return voided;
  }
}
