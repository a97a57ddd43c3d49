import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';

/** OPS-1: an operator takes a RECEIVED application up (手続中). */
export class StartProcessingCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
  ) {
    super();
  }
}
