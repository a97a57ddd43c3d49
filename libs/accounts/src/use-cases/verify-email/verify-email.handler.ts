import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRunners } from '@app/event-sourcing';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { ActionThrottle } from '../../throttling/action-throttle';
import { VerificationTokens } from '../../credentials/verification-tokens';
import { accountErrors } from '../../domain/account-error';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { AccountsReader, type AccountView } from '../../read-models/accounts.reader';
import { waitForAccounts } from '../account-use-case';
import { VerifyEmailCommand } from './verify-email.command';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

/** ACC-2: the link's token, found by its hash; the decision checks it and its 30 minutes. */
@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand> {
  constructor(
    @Inject(VerificationTokens) private readonly tokens: VerificationTokens,
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
    @Inject(ActionThrottle) private readonly throttle: ActionThrottle,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  async execute({ token, clientAddress }: VerifyEmailCommand): Promise<AccountView> {
    if (!(await this.throttle.admit('verify-email', clientAddress, this.clock()))) {
      throw domainError(accountErrors.tooManyRequests());
    }
    const verificationTokenHash = this.tokens.hashOf(token);
    const accountId = await this.query.idByVerificationTokenHash(verificationTokenHash);
    if (accountId === null) throw domainError(accountErrors.invalidVerificationToken());
    const metadata = commandMetadata({ id: accountId, role: 'CUSTOMER' });
    const outcome = await this.runner.run(
      accountId,
      { type: 'VerifyEmail', data: { verificationTokenHash } },
      metadata,
    );
    // ACC-2: a link opened too late voids the registration; its user ID is free again.
    await this.reservations.releaseAfter(outcome.decision.events, metadata);
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    const account = await this.query.byId(accountId);
    if (account === null) throw domainError(accountErrors.notFound());
    return account;
  }
}
