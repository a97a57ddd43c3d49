import { userInfo } from 'node:os';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateOperatorCommand,
  staffAccountProblems,
  type CreatedOperator,
  type StaffAccountInput,
} from '@app/accounts';
import { InvalidInputError, type Actor, type FieldError } from '@app/event-sourcing';
import { CommanderError, type Command } from 'commander';
import { withCliContext, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';

export type CreateOperatorOutcome =
  | { readonly ok: true; readonly created: CreatedOperator }
  | { readonly ok: false; readonly problems: readonly FieldError[] };

/**
 * Creates a staff account (there are no default accounts): input checked before any database is
 * opened, then CreateOperator appended with the actor SYSTEM. It leaves the projections to the
 * API when it goes through the API's PGlite (see `CliContextOptions.passiveProjections`).
 */
async function createOperator(
  input: StaffAccountInput,
  options: CliContextOptions = {},
): Promise<CreateOperatorOutcome> {
  const problems = staffAccountProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  return withCliContext(
    async (context) => {
      try {
        const created = await context
          .get(CommandBus)
          .execute(new CreateOperatorCommand(input, cliActor()));
        return { ok: true, created };
      } catch (error) {
        if (error instanceof InvalidInputError) return { ok: false, problems: error.fields };
        throw error;
      }
    },
    { ...options, passiveProjections: true },
  );
}

// The audit's actor: the tool, and the operating-system user who ran it.
function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the tool alone is still named.
  }
  return { id: `cli:create-operator:${user}`, role: 'SYSTEM' };
}

interface CreateOperatorFlags {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly phone: string;
  readonly role: string;
}

export function registerCreateOperator(
  program: Command,
  output: CliOutput,
  context: CliContextOptions,
): void {
  program
    .command('create-operator')
    .description(
      'create a staff account (OPERATOR or AUDITOR) and print its initial password, ' +
        'which must be changed at the first login',
    )
    .requiredOption('--user-id <id>', 'user ID (half-width letters, digits, @ . - _)')
    .requiredOption('--email <address>', 'e-mail address')
    .requiredOption('--name <name>', 'holder name')
    .requiredOption('--phone <phone>', 'phone number')
    .requiredOption('--role <role>', 'OPERATOR or AUDITOR')
    .action(async ({ userId, email, name, phone, role }: CreateOperatorFlags) => {
      const outcome = await createOperator({ userId, email, name, phone, role }, context);
      if (!outcome.ok) {
        for (const problem of outcome.problems) output.err(`${problem.field}: ${problem.message}`);
        // Printed already: a CommanderError only sets the exit code (main prints nothing more).
        throw new CommanderError(1, 'create-operator.refused', 'create-operator refused');
      }
      output.out(`initial password: ${outcome.created.initialPassword}`);
    });
}
