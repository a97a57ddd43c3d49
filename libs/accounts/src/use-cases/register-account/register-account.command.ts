import { Command } from '@nestjs/cqrs';
import type { RegistrationInput } from '../../domain/account-input-rules';

/** Answers true whatever became of it: no enumeration of user IDs (ACC-1). */
export class RegisterAccountCommand extends Command<boolean> {
  constructor(
    readonly input: RegistrationInput,
    readonly clientAddress: string,
  ) {
    super();
  }
}
