import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadata } from '@app/event-sourcing';
import { Totp } from '../../credentials/second-factor';
import { accountErrors } from '../../domain/account-error';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountContactCipher } from '../../infrastructure/account-contact-cipher';
import { AccountsReader } from '../../read-models/accounts.reader';
import { domainError } from '../account-use-case';
import { StartMfaEnrollmentCommand, type MfaEnrollment } from './start-mfa-enrollment.command';

/** ACC-9: a fresh secret, sealed under the account's key before it reaches the event. */
@CommandHandler(StartMfaEnrollmentCommand)
export class StartMfaEnrollmentHandler implements ICommandHandler<StartMfaEnrollmentCommand> {
  constructor(
    @Inject(Totp) private readonly totp: Totp,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(AccountsReader) private readonly accounts: AccountsReader,
  ) {}

  async execute({ account }: StartMfaEnrollmentCommand): Promise<MfaEnrollment> {
    const secret = this.totp.newSecret();
    const sealed = await this.cipher.seal(account.accountId, secret);
    const outcome = await this.runner.run(
      account.accountId,
      { type: 'StartMfaEnrollment', data: { secret: sealed } },
      commandMetadata({ id: account.accountId, role: account.role }),
    );
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    if (outcome.state.status !== 'Active') throw domainError(accountErrors.notSignedIn());
    // The label the authenticator shows; events hold the user ID sealed (issue 11 §5).
    const userId = await this.accounts.userIdOf(account.accountId);
    if (userId === null) throw domainError(accountErrors.notSignedIn());
    return { secret, otpauthUri: this.totp.uri(secret, userId) };
  }
}
