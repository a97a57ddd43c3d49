import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../read-models/accounts.reader';
import type { OperatorRequest } from '../operator-care';

/** ACC-5: answers the unlocked account; its initial password goes only to the holder's mail. */
export class UnlockAccountCommand extends Command<AccountView> {
  constructor(
    readonly userId: string,
    readonly request: OperatorRequest,
  ) {
    super();
  }
}
