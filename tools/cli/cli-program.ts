import { Command } from 'commander';
import type { CliContextOptions } from './cli-context';
import { processOutput, type CliOutput } from './cli-output';
import { registerCareByTool } from './commands/care-by-tool.command';
import { registerCreateOperator } from './commands/create-operator.command';
import { registerDeleteInactiveAccounts } from './commands/delete-inactive-accounts.command';
import { registerImportMeteringPoints } from './commands/import-metering-points.command';
import { registerRebuildProjections } from './commands/rebuild-projections.command';
import { registerExportHistory } from './commands/export-history.command';
import { registerHistoryPublicKey } from './commands/history-public-key.command';
import { registerVerifyBundle } from './commands/verify-bundle.command';
import { registerVerifyHistory } from './commands/verify-history.command';

/**
 * The `npm run cli -- <command>` program. Operations commands (create-operator,
 * import-metering-points, rebuild-projections, verify-history) register here as they land.
 * `context` is for specs: another environment or `./var` than the process's.
 */
export function createCliProgram(
  output: CliOutput = processOutput,
  context: CliContextOptions = {},
): Command {
  const program: Command = new Command('npm run cli --')
    .description('Operations tools for the B-route application system.')
    // A registered `help` makes this a dispatcher even before the other commands exist, so an
    // unknown name is reported as an unknown command.
    .helpCommand(false)
    .showHelpAfterError();
  program
    .command('help [command]')
    .description('show help for the program or for one command')
    .action((name?: string) => {
      const command = name ? program.commands.find((c) => c.name() === name) : program;
      if (!command) program.error(`error: unknown command '${name}'`);
      command.outputHelp();
    });
  registerCreateOperator(program, output, context);
  registerImportMeteringPoints(program, output);
  registerRebuildProjections(program, output);
  registerVerifyHistory(program, output, context);
  registerExportHistory(program, output, context);
  registerVerifyBundle(program, output);
  registerHistoryPublicKey(program, output, context);
  registerDeleteInactiveAccounts(program, output);
  registerCareByTool(program, output, context);
  return program;
}
