import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CareByToolCommand, type IssuedCare } from '@app/accounts';
import { DomainError, type Actor } from '@app/event-sourcing';
import { CommanderError, type Command } from 'commander';
import { withCliContext, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';

type ToolAct = 'unlock-account' | 'reset-staff';

/**
 * ACC-9: what only the tools may do to staff accounts, and the break-glass unlock when every
 * operator is locked out. Prints the initial password (the holder is also mailed, as for an
 * operator's act); a refusal prints its Japanese message and exits 1.
 */
export async function careByTool(
  context: INestApplicationContext,
  act: ToolAct,
  userId: string,
  output: CliOutput,
): Promise<IssuedCare | null> {
  try {
    const issued = await context
      .get(CommandBus)
      .execute(
        new CareByToolCommand(
          act === 'unlock-account' ? 'UnlockAccount' : 'ResetPassword',
          userId,
          cliActor(act),
        ),
      );
    if (act === 'reset-staff' && issued.account.role === 'CUSTOMER') {
      // Reset anyway (the act is recorded), but say that an operator could have done it.
      output.err('note: a customer account; operators reset these over the API');
    }
    output.out(`initial password: ${issued.initialPassword}`);
    return issued;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    output.err(`${error.code}: ${error.message}`);
    return null;
  }
}

function cliActor(act: ToolAct): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the tool alone is still named.
  }
  return { id: `cli:${act}:${user}`, role: 'SYSTEM' };
}

export function registerCareByTool(
  program: Command,
  output: CliOutput,
  context: CliContextOptions,
): void {
  const commands: [ToolAct, string][] = [
    [
      'unlock-account',
      'unlock a locked account (staff accounts only this way; also the break-glass when every ' +
        'operator is locked) and print its initial password',
    ],
    ['reset-staff', 're-initialise the password of a staff account and print its initial password'],
  ];
  for (const [name, description] of commands) {
    program
      .command(name)
      .description(description)
      .requiredOption('--user-id <id>', 'the account’s user ID')
      .action(async ({ userId }: { userId: string }) => {
        const issued = await withCliContext((nest) => careByTool(nest, name, userId, output), {
          ...context,
          passiveProjections: true,
        });
        if (issued === null) {
          throw new CommanderError(1, `${name}.refused`, `${name} refused`);
        }
      });
  }
}
