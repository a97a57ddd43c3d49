import { randomUUID } from 'node:crypto';
import { DomainError, RequestContext, type Actor } from '@app/event-sourcing';
import type { MeteringRegistry, RecordChange } from '../../infrastructure/metering-registry';
import { readImportRows, type RowProblem } from './import-rows';

export interface ImportReport {
  /** Data rows in the file (the header not counted). */
  readonly rows: number;
  readonly counts: Readonly<Record<RecordChange, number>>;
  /** Rows left out, by line; the file's own problem alone when it was refused whole. */
  readonly refused: readonly RowProblem[];
  /** True when the file could not be read at all; nothing was recorded then. */
  readonly fileRefused: boolean;
  /** Shared by every event of this import, so the audit can tell one run from another. */
  readonly correlationId: string;
}

/** MTR-1: operators import the registry from a CSV file (`point_id,meter_id,terminal_type,island`). */
export class MeteringPointImport {
  constructor(private readonly registry: MeteringRegistry) {}

  async run(text: string, actor: Actor): Promise<ImportReport> {
    const correlationId = randomUUID();
    const counts: Record<RecordChange, number> = { RECORDED: 0, CORRECTED: 0, UNCHANGED: 0 };
    const read = readImportRows(text);
    if (!read.ok) {
      return { rows: 0, counts, refused: [read.problem], fileRefused: true, correlationId };
    }
    const refused = [...read.problems];
    for (const row of read.rows) {
      const { pointId, meterId, terminalType, island } = row;
      try {
        const outcome = await RequestContext.run({ correlationId }, () =>
          this.registry.record(pointId, { meterId, terminalType, island }, actor),
        );
        counts[outcome.change] += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push({ line: row.line, reason: error.message });
      }
    }
    refused.sort((a, b) => a.line - b.line);
    return {
      rows: read.rows.length + read.problems.length,
      counts,
      refused,
      fileRefused: false,
      correlationId,
    };
  }
}
