import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';

/** OPS-1: an operator sends it back for correction (差戻し), with the reason. */
export class ReturnApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
    readonly reason: string,
  ) {
    super();
  }
}
