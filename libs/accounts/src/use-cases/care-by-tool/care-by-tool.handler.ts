import { hostname } from 'node:os';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InitialPasswordCare, type IssuedCare } from '../initial-password-care';
import { CareByToolCommand } from './care-by-tool.command';

@CommandHandler(CareByToolCommand)
export class CareByToolHandler implements ICommandHandler<CareByToolCommand> {
  constructor(@Inject(InitialPasswordCare) private readonly care: InitialPasswordCare) {}

  execute({ act, userId, actor }: CareByToolCommand): Promise<IssuedCare> {
    // The audit's "from where" for a tool: the machine it ran on.
    return this.care.issue(act, userId, { actor, clientAddress: `cli@${hostname()}` });
  }
}
