import type { INestApplicationContext } from '@nestjs/common';
import { applicationStream } from '@app/applications';
import {
  describeFinding,
  HistoryVerifier,
  type HistoryFinding,
  type SignedCheckpoint,
} from '@app/event-sourcing';
import { CommanderError, type Command } from 'commander';
import { withCliContext, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';

/**
 * Checks every stream and the global chain against the signed checkpoints (or one
 * application's stream and its place in the chain), after linking and signing what is new.
 * Each finding is printed by kind, stream and revision.
 */
export async function verifyHistory(
  context: INestApplicationContext,
  applicationId: number | undefined,
  output: CliOutput,
): Promise<readonly HistoryFinding[]> {
  const verifier = context.get(HistoryVerifier);
  try {
    await verifier.settle(
      applicationId === undefined ? undefined : applicationStream(applicationId),
    );
  } catch (error) {
    // A broken chain is refused a signature; the check below names what broke it.
    output.err(`not signed now: ${(error as Error).message}`);
  }
  if (applicationId !== undefined) {
    const report = await verifier.verifyStream(applicationStream(applicationId));
    if (report.events === 0 && report.findings.length === 0) {
      output.err(`${report.stream}: no such history`);
      return [{ kind: 'DELETED', stream: report.stream, revision: null, detail: 'no events' }];
    }
    for (const finding of report.findings) output.out(describeFinding(finding));
    output.out(
      `${report.stream}: ${report.findings.length === 0 ? 'intact' : 'NOT INTACT'} ` +
        `(${report.events} events; ${signed(report.signedBy)})`,
    );
    return report.findings;
  }
  const report = await verifier.verifyAll();
  for (const finding of report.findings) output.out(describeFinding(finding));
  output.out(
    `${report.streams} streams, ${report.events} events, ${report.links} linked; ` +
      `${signed(report.signedThrough)}; ${report.unsignedLinks} linked since, ` +
      `${report.pending} not linked yet`,
  );
  output.out(
    report.findings.length === 0
      ? 'history intact'
      : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`,
  );
  return report.findings;
}

function signed(checkpoint: SignedCheckpoint | null): string {
  return checkpoint
    ? `signed through link ${checkpoint.seq} at ${checkpoint.signedAt}`
    : 'no signed checkpoint yet';
}

export function registerVerifyHistory(
  program: Command,
  output: CliOutput,
  context: CliContextOptions = {},
): void {
  program
    .command('verify-history [applicationId]')
    .description(
      'check every stream and the global chain against the latest signed checkpoint (or one ' +
        'application); names each edited, recomputed, deleted, inserted or reordered event',
    )
    .action(async (id?: string) => {
      const applicationId = id === undefined ? undefined : Number(id);
      if (applicationId !== undefined && !Number.isSafeInteger(applicationId)) {
        throw new Error(`not an application ID: ${id}`);
      }
      const findings = await withCliContext(
        (cli) => verifyHistory(cli, applicationId, output),
        context,
      );
      if (findings.length > 0) {
        throw new CommanderError(1, 'verify-history.findings', 'history not intact');
      }
    });
}
