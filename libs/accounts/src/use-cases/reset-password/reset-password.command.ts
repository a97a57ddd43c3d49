import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../../read-models/accounts.reader';
import type { OperatorRequest } from '../operator-care';

/** ACC-5: re-initialises a forgotten password; the new initial one goes only to the holder's mail. */
export class ResetPasswordCommand extends Command<AccountView> {
  constructor(
    readonly userId: string,
    readonly request: OperatorRequest,
  ) {
    super();
  }
}
