import type { INestApplicationContext } from '@nestjs/common';
import { AccountJobs } from '@app/accounts';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

/**
 * ACC-7 on demand: the daily job's work, now. Null when another process (the API's daily run)
 * holds the job's lock at this moment: then that run does the deleting.
 */
export async function deleteInactiveAccounts(
  context: INestApplicationContext,
  output: CliOutput,
): Promise<number | null> {
  const deleted = await context.get(AccountJobs).deleteInactiveAccountsNow();
  if (deleted === null) {
    output.err('another process is deleting inactive accounts right now; nothing done');
  } else {
    output.out(`${deleted} inactive account${deleted === 1 ? '' : 's'} deleted`);
  }
  return deleted;
}

export function registerDeleteInactiveAccounts(program: Command, output: CliOutput): void {
  program
    .command('delete-inactive-accounts')
    .description('delete accounts not used for a year (ACC-7) and print how many')
    .action(async () => {
      const deleted = await withCliContext((context) => deleteInactiveAccounts(context, output));
      if (deleted === null) process.exitCode = 1;
    });
}
