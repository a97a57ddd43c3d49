import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata, domainErrorOf, ProjectionRunners } from '@app/event-sourcing';
import { VerificationTokens } from '../../credentials/verification-tokens';
import { accountErrors } from '../../domain/account-error';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { AccountsQuery, type AccountView } from '../../queries/accounts.query';
import { waitForAccounts } from '../account-use-case';
import { VerifyEmailCommand } from './verify-email.command';

/** ACC-2: the link's token, found by its hash; the decision checks it and its 30 minutes. */
@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand> {
  constructor(
    @Inject(VerificationTokens) private readonly tokens: VerificationTokens,
    @Inject(AccountsQuery) private readonly query: AccountsQuery,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
  ) {}

  async execute({ token }: VerifyEmailCommand): Promise<AccountView> {
    const verificationTokenHash = this.tokens.hashOf(token);
    const accountId = await this.query.idByVerificationTokenHash(verificationTokenHash);
    if (accountId === null) throw domainErrorOf(accountErrors.invalidVerificationToken());
    const metadata = commandMetadata({ id: accountId, role: 'CUSTOMER' });
    const outcome = await this.runner.run(
      accountId,
      { type: 'VerifyEmail', data: { verificationTokenHash } },
      metadata,
    );
    // ACC-2: a link opened too late voids the registration; its user ID is free again.
    await this.reservations.releaseAfter(outcome.decision.events, metadata);
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainErrorOf(outcome.decision.error);
    const account = await this.query.byId(accountId);
    if (account === null) throw domainErrorOf(accountErrors.notFound());
    return account;
  }
}
