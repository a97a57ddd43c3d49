import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { CommonPasswords } from '../../credentials/common-passwords';
import { PasswordHasher } from '../../credentials/password-hasher';
import { accountErrors } from '../../domain/account-error';
import { ActionThrottle } from '../../throttling/action-throttle';
import { passwordProblems } from '../../domain/account-input-rules';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { SessionService } from '../../sessions/session.service';
import { endSessionsAfter, waitForAccounts } from '../account-use-case';
import { ChangePasswordCommand } from './change-password.command';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    @Inject(CommonPasswords) private readonly commonPasswords: CommonPasswords,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
    @Inject(ActionThrottle) private readonly throttle: ActionThrottle,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<boolean> {
    const { account, currentPassword, newPassword, clientAddress } = command;
    if (!(await this.throttle.admit('change-password', clientAddress, this.clock()))) {
      throw domainError(accountErrors.tooManyRequests());
    }
    const problems = passwordProblems(newPassword, this.commonPasswords.isCommon, 'newPassword');
    if (problems.length > 0) throw new InvalidInputError(problems);
    const outcome = await this.runner.run(
      account.accountId,
      async (state) => {
        const currentHash = 'passwordHash' in state ? state.passwordHash : null;
        const [currentPasswordMatched, newPasswordIsCurrent, newPasswordHash] = await Promise.all([
          currentHash === null ? false : this.hasher.verify(currentHash, currentPassword),
          currentHash === null ? false : this.hasher.verify(currentHash, newPassword),
          this.hasher.hash(newPassword),
        ]);
        return {
          type: 'ChangePassword',
          data: {
            clientAddress: await this.cipher.sealAddress(account.accountId, clientAddress),
            currentPasswordMatched,
            newPasswordIsCurrent,
            newPasswordHash,
          },
        };
      },
      commandMetadata({ id: account.accountId, role: account.role }),
    );
    await endSessionsAfter(outcome, account.accountId, this.sessions, this.clock());
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    return true;
  }
}
