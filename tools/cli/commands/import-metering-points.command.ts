import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { MeteringPointImport, type ImportReport } from '@app/metering';
import type { Command } from 'commander';
import { withCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';

// Operators run the tools on the server; no account signs the import, the tool does.
const IMPORT_ACTOR = { id: 'import-metering-points', role: 'SYSTEM' } as const;

/** MTR-1: records or corrects every good row, reports each bad one by line, then a summary. */
export async function importMeteringPoints(
  context: INestApplicationContext,
  text: string,
  output: CliOutput,
): Promise<ImportReport> {
  const report = await context.get(MeteringPointImport).run(text, IMPORT_ACTOR);
  for (const problem of report.refused) output.err(`line ${problem.line}: ${problem.reason}`);
  if (report.fileRefused) {
    output.out('file refused: nothing imported');
    return report;
  }
  const { RECORDED, CORRECTED, UNCHANGED } = report.counts;
  output.out(
    `${report.rows} rows: ${RECORDED} recorded, ${CORRECTED} corrected, ${UNCHANGED} unchanged, ` +
      `${report.refused.length} refused (correlation id ${report.correlationId})`,
  );
  return report;
}

export function registerImportMeteringPoints(program: Command, output: CliOutput): void {
  program
    .command('import-metering-points <file>')
    .description(
      'record or correct metering points from a CSV file with the header ' +
        'point_id,meter_id,terminal_type,island (an empty meter_id keeps the known one); ' +
        'bad rows are reported and left out, and the command then exits with 1',
    )
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      const report = await withCliContext((context) => importMeteringPoints(context, text, output));
      if (report.refused.length > 0) process.exitCode = 1;
    });
}
