import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';
import type { ChangeInput } from '../../input/application-input';

/** OPS-2: the owner changes a RECEIVED or RETURNED application (a RETURNED one is resubmitted). */
export class ChangeApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
    readonly input: ChangeInput,
  ) {
    super();
  }
}
