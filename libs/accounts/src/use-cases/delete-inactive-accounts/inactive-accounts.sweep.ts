import { Inject, Logger } from '@nestjs/common';
import { PiiVault, ProjectionRunners, WrongExpectedRevisionError } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { AccountSweepReader } from '../../read-models/account-sweep.reader';
import { AccountsReader } from '../../read-models/accounts.reader';
import { SessionService } from '../../sessions/session.service';
import { SecurityEventLog } from '../../security-events/security-event-log';
import { waitForAccounts } from '../account-use-case';
import { SYSTEM_ACTOR } from '../expire-registrations/registration-expiry';
import { commandMetadata } from '@app/event-sourcing';

const BATCH = 200;
// A calendar year is never shorter than 365 days: asking the read model for 365 finds them all.
const SHORTEST_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * ACC-7: deletes every account not used for a year. The deletion is recorded first; then its
 * sessions end, its data key is forgotten (which erases its personal data in every event and
 * read model) and its user ID is freed. A run that stopped half-way is finished by the next one:
 * deleted accounts whose key survived are forgotten again, and a registration meeting the held
 * user ID frees it (see `UserIdClaims`). Running it again deletes nothing more.
 */
export class InactiveAccountsSweep {
  private readonly logger = new Logger('InactiveAccountsSweep');

  constructor(
    @Inject(AccountSweepReader) private readonly candidates: AccountSweepReader,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(PiiVault) private readonly vault: PiiVault,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(SecurityEventLog) private readonly securityEvents: SecurityEventLog,
    @Inject(AccountsReader) private readonly accounts: AccountsReader,
  ) {}

  /** How many accounts this run deleted. */
  async run(): Promise<number> {
    const lastUsedBy = new Date(this.clock().getTime() - SHORTEST_YEAR_MS);
    let deleted = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.candidates.unusedSince(lastUsedBy, BATCH, after);
      for (const accountId of batch) if (await this.delete(accountId)) deleted++;
      after = batch.at(-1) ?? null;
      if (batch.length < BATCH) break;
    }
    for (const accountId of await this.candidates.deletedButNotForgotten(BATCH)) {
      await this.vault.forget(accountId);
    }
    return deleted;
  }

  private async delete(accountId: string): Promise<boolean> {
    const metadata = commandMetadata(SYSTEM_ACTOR);
    // Read while the key can still open it: the security log is scrubbed by the user ID.
    const userId = await this.accounts.userIdOf(accountId);
    try {
      const outcome = await this.runner.run(
        accountId,
        { type: 'DeleteForInactivity', data: {} },
        metadata,
      );
      // Refused: used after all (a login the read model had not shown yet), or deleted already.
      if (!outcome.decision.ok || outcome.decision.events.length === 0) return false;
      await this.sessions.revokeAll(accountId, this.clock());
      await this.vault.forget(accountId);
      if (userId !== null) await this.securityEvents.forgetDeleted(userId);
      await this.reservations.releaseAfter(outcome.decision.events, metadata);
      await waitForAccounts(this.projections, outcome.checkpoint);
      return true;
    } catch (error) {
      // A login at this very moment: the account is in use, and the next run looks again.
      if (error instanceof WrongExpectedRevisionError) {
        this.logger.warn(`account ${accountId} changed while being deleted; left for the next run`);
        return false;
      }
      throw error;
    }
  }
}
