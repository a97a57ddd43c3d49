import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';

/** OPS-1, APP-8: an operator refuses it (受付不可), with the reason. */
export class RejectApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
    readonly reason: string,
  ) {
    super();
  }
}
