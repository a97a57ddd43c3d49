import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata, ProjectionRunners } from '@app/event-sourcing';
import { RecoveryCodes, Totp } from '../../credentials/second-factor';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { SessionService } from '../../sessions/session.service';
import { domainError, waitForAccounts } from '../account-use-case';
import { ConfirmMfaEnrollmentCommand } from './confirm-mfa-enrollment.command';

/**
 * ACC-9: the code is checked against the pending secret at the command's `now`; the recovery
 * codes are made before and only their hashes recorded. Once on, the account's sessions are no
 * longer held to enrolling.
 */
@CommandHandler(ConfirmMfaEnrollmentCommand)
export class ConfirmMfaEnrollmentHandler implements ICommandHandler<ConfirmMfaEnrollmentCommand> {
  constructor(
    @Inject(Totp) private readonly totp: Totp,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async execute({ account, code }: ConfirmMfaEnrollmentCommand): Promise<readonly string[]> {
    const recovery = RecoveryCodes.issue();
    const outcome = await this.runner.run(
      account.accountId,
      async (state, now) => {
        const pending = state.status === 'Active' ? state.pendingSecondFactor : null;
        const timeStep =
          pending === null
            ? null
            : this.totp.timeStepOf(await this.cipher.decrypt(pending), code.trim(), now);
        return {
          type: 'ConfirmMfaEnrollment',
          data: { timeStep, recoveryCodeHashes: recovery.hashes },
        };
      },
      commandMetadata({ id: account.accountId, role: account.role }),
    );
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    await this.sessions.secondFactorEnrolled(account.accountId);
    await waitForAccounts(this.projections, outcome.checkpoint);
    return recovery.codes;
  }
}
