import { Inject } from '@nestjs/common';
import { ProjectionRunners, WrongExpectedRevisionError, type Actor } from '@app/event-sourcing';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { waitForAccounts } from '../account-use-case';
import { commandMetadata } from '@app/event-sourcing';

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM' };

/** ACC-2: voids a registration whose link has expired and frees its user ID. */
export class RegistrationExpiry {
  constructor(
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
  ) {}

  /**
   * True when the registration is void now (voided here or before); false while its link still
   * works, once it was verified, or when another writer changed the account meanwhile.
   */
  async expire(accountId: string): Promise<boolean> {
    const metadata = commandMetadata(SYSTEM_ACTOR);
    try {
      const outcome = await this.runner.run(
        accountId,
        { type: 'ExpireRegistration', data: {} },
        metadata,
      );
      await this.reservations.releaseAfter(outcome.decision.events, metadata);
      await waitForAccounts(this.projections, outcome.checkpoint);
      return outcome.state.status === 'RegistrationVoid';
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
