import type { Actor } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { StaffAccountInput } from '../../domain/account-input-rules';
import type { AccountView } from '../../read-models/accounts.reader';

export interface CreatedOperator {
  readonly account: AccountView;
  /** For the one who runs the CLI to hand over; it must be changed at the first login (ACC-5). */
  readonly initialPassword: string;
}

/** Staff accounts (OPERATOR, AUDITOR) come only from the `create-operator` tool, never over GraphQL. */
export class CreateOperatorCommand extends Command<CreatedOperator> {
  constructor(
    readonly input: StaffAccountInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
