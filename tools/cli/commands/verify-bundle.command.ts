import { readFile } from 'node:fs/promises';
import { parseHistoryPublicKey, verifyBundle, type BundleVerification } from '@app/event-sourcing';
import { CommanderError, type Command } from 'commander';
import type { CliOutput } from '../cli-output';

/** Verifies a bundle from its bytes and a public key alone: no database, no server, no `./var`. */
function verifyBundleText(
  bundleText: string,
  publicKeyText: string,
  output: CliOutput,
): BundleVerification {
  let parsed: unknown;
  let result: BundleVerification;
  try {
    parsed = JSON.parse(bundleText);
    result = verifyBundle(parsed, parseHistoryPublicKey(publicKeyText));
  } catch (error) {
    result = {
      ok: false,
      problems: [`unreadable: ${(error as Error).message}`],
      stream: null,
      events: 0,
      checkpoint: null,
    };
  }
  for (const problem of result.problems) output.out(problem);
  output.out(
    result.ok && result.checkpoint
      ? `${result.stream}: intact (${result.events} events; signed through link ` +
          `${result.checkpoint.seq} at ${result.checkpoint.signedAt} by key ${result.checkpoint.keyId})`
      : `NOT VERIFIED (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'})`,
  );
  return result;
}

export function registerVerifyBundle(program: Command, output: CliOutput): void {
  program
    .command('verify-bundle <bundle>')
    .description('verify an evidence bundle with only the public key (no database, no server)')
    .requiredOption('--public-key <file>', 'the public key, as `history-public-key` prints it')
    .action(async (file: string, { publicKey }: { publicKey: string }) => {
      const [bundleText, keyText] = await Promise.all([
        readFile(file, 'utf8'),
        readFile(publicKey, 'utf8'),
      ]);
      if (!verifyBundleText(bundleText, keyText, output).ok) {
        throw new CommanderError(1, 'verify-bundle.failed', 'bundle not verified');
      }
    });
}
