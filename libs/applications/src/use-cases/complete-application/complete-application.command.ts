import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';
import type { IssuedPointInputValue } from '../../input/application-input.rules';

/** OPS-1, OPS-4: an operator completes it; its points change B-route state. */
export class CompleteApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly applicationId: number,
    readonly expectedRevision: number,
    /** OPS-4: the issued IDs of its unissued points, as typed. */
    readonly issuedPoints: readonly IssuedPointInputValue[] = [],
  ) {
    super();
  }
}
