import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, ProjectionRunners } from '@app/event-sourcing';
import { contactProblems, type ContactInput } from '../../domain/account-input-rules';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import {
  AccountContactCipher,
  type PlainContact,
} from '../../infrastructure/account-contact-cipher';
import { AccountsReader, type AccountView } from '../../read-models/accounts.reader';
import { waitForAccounts } from '../account-use-case';
import { accountNamed, actorOf, currentView } from '../operator-care';
import { ChangeAccountContactCommand } from './change-account-contact.command';
import { commandMetadata } from '@app/event-sourcing';
import { domainError } from '../account-use-case';

@CommandHandler(ChangeAccountContactCommand)
export class ChangeAccountContactHandler implements ICommandHandler<ChangeAccountContactCommand> {
  constructor(
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountContactCipher) private readonly cipher: AccountContactCipher,
    @Inject(AccountCommandRunner) private readonly runner: AccountCommandRunner,
    @Inject(ProjectionRunners) private readonly projections: ProjectionRunners,
  ) {}

  async execute({ userId, input, request }: ChangeAccountContactCommand): Promise<AccountView> {
    const problems = contactProblems(input);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const { id } = await accountNamed(this.query, userId);
    const changed = await this.cipher.encryptChanges(id, givenFields(input));
    const actor = actorOf(request.operator);
    const clientAddress = await this.cipher.sealAddress(id, request.clientAddress);
    const outcome = await this.runner.run(
      id,
      { type: 'ChangeContact', data: { actor, clientAddress, changed } },
      commandMetadata(actor),
    );
    await waitForAccounts(this.projections, outcome.checkpoint);
    if (!outcome.decision.ok) throw domainError(outcome.decision.error);
    return currentView(this.query, id);
  }
}

// GraphQL gives an omitted nullable field as undefined and an explicit one as null: both mean "unchanged".
function givenFields({ email, name, phone }: ContactInput): Partial<PlainContact> {
  return {
    ...(typeof email === 'string' && { email }),
    ...(typeof name === 'string' && { name }),
    ...(typeof phone === 'string' && { phone }),
  };
}
