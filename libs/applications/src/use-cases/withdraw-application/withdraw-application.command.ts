import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';

/** OPS-2: the owner withdraws (取消) a RECEIVED or RETURNED application. */
export class WithdrawApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
    readonly reason: string | null,
  ) {
    super();
  }
}
