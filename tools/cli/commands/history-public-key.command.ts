import {
  historyPublicKeyPem,
  historySigningKeyFile,
  readOrCreateHistorySigningKey,
} from '@app/event-sourcing';
import type { Command } from 'commander';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { cliEnvironment, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';

/** The public half of the configured signing key (or of `./var/history-signing.key`), PEM. */
async function historyPublicKey(context: CliContextOptions = {}): Promise<string> {
  const root = context.root ?? process.cwd();
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...(context.environment ?? cliEnvironment(root)),
  });
  const key =
    config.history.signingKey ?? (await readOrCreateHistorySigningKey(historySigningKeyFile(root)));
  return historyPublicKeyPem(key);
}

export function registerHistoryPublicKey(
  program: Command,
  output: CliOutput,
  context: CliContextOptions = {},
): void {
  program
    .command('history-public-key')
    .description('print the public key that verifies history checkpoints and bundles (PEM)')
    .action(async () => {
      output.out((await historyPublicKey(context)).trimEnd());
    });
}
