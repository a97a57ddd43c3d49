import { Command } from '@nestjs/cqrs';
import type { ContactInput } from '../../domain/account-input-rules';
import type { AccountView } from '../../read-models/accounts.reader';
import type { OperatorRequest } from '../operator-care';

/** ACC-6: e-mail, holder name and phone; the user ID only names the account. */
export class ChangeAccountContactCommand extends Command<AccountView> {
  constructor(
    readonly userId: string,
    readonly input: ContactInput,
    readonly request: OperatorRequest,
  ) {
    super();
  }
}
