import { Command } from '@nestjs/cqrs';
import type { SessionAccount } from '@app/accounts';
import type { ApplicationModel } from '../../graphql/application.model';
import type { SubmissionInput } from '../../input/application-input';

/** APP-1, APP-2: a customer account applies. */
export class SubmitApplicationCommand extends Command<ApplicationModel> {
  constructor(
    readonly account: SessionAccount,
    readonly input: SubmissionInput,
  ) {
    super();
  }
}
