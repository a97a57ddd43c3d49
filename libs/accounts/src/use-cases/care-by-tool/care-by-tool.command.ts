import type { Actor } from '@app/event-sourcing';
import { Command } from '@nestjs/cqrs';
import type { IssuedCare } from '../initial-password-care';

/**
 * ACC-9: staff accounts are unlocked and reset only from the command-line tools (actor SYSTEM);
 * `unlock-account` is also the break-glass when every operator is locked out. The tool prints
 * the initial password; the holder's mail goes out as for an operator's act.
 */
export class CareByToolCommand extends Command<IssuedCare> {
  constructor(
    readonly act: 'UnlockAccount' | 'ResetPassword',
    readonly userId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
