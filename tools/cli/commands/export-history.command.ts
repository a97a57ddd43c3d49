import { writeFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { applicationStream } from '@app/applications';
import {
  describeFinding,
  HistoryTamperedError,
  HistoryVerifier,
  type HistoryBundle,
} from '@app/event-sourcing';
import { CommanderError, type Command } from 'commander';
import { withCliContext, type CliContextOptions } from '../cli-context';
import type { CliOutput } from '../cli-output';

/** The evidence bundle of one application's intact history, signed by a checkpoint covering it. */
async function exportHistory(
  context: INestApplicationContext,
  applicationId: number,
): Promise<HistoryBundle> {
  return context.get(HistoryVerifier).exportBundle(applicationStream(applicationId));
}

export function registerExportHistory(
  program: Command,
  output: CliOutput,
  context: CliContextOptions = {},
): void {
  program
    .command('export-history <applicationId>')
    .description(
      "write an application's evidence bundle: its stored events, the global-chain links " +
        'that lead from them to a signed checkpoint, and that checkpoint',
    )
    .requiredOption('--out <file>', 'where to write the bundle (JSON)')
    .action(async (id: string, { out }: { out: string }) => {
      const applicationId = Number(id);
      if (!Number.isSafeInteger(applicationId)) throw new Error(`not an application ID: ${id}`);
      let bundle: HistoryBundle;
      try {
        bundle = await withCliContext((cli) => exportHistory(cli, applicationId), context);
      } catch (error) {
        if (!(error instanceof HistoryTamperedError)) throw error;
        for (const finding of error.findings) output.err(describeFinding(finding));
        throw new CommanderError(1, 'export-history.tampered', 'history not intact');
      }
      await writeFile(out, `${JSON.stringify(bundle, null, 2)}\n`);
      const first = bundle.chain.links[0]?.seq;
      output.out(
        `${bundle.stream}: ${bundle.events.length} events, links ${first}–${bundle.checkpoint.seq}, ` +
          `checkpoint signed at ${bundle.checkpoint.signedAt} by key ${bundle.checkpoint.keyId} → ${out}`,
      );
    });
}
