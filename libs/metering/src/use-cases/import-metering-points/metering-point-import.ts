import { randomUUID } from 'node:crypto';
import {
  DomainError,
  InvalidInputError,
  RequestContext,
  type Actor,
  type Checkpoint,
} from '@app/event-sourcing';
import type { MeteringRegistry, RecordChange } from '../../infrastructure/metering-registry';
import { readImportRows, type RowProblem } from './import-rows';
import { meteringMessages } from '../../messages';

/**
 * How bad rows are handled. `skip-bad-rows` (the CLI): each bad row is left out and the good
 * rows are recorded. `whole-file` (the portal's upload): one bad row and nothing is recorded,
 * as a clerk expects from a bulk upload: fix the lines the report names, upload the file again.
 */
export type ImportPolicy = 'skip-bad-rows' | 'whole-file';

export interface ImportOptions {
  readonly policy?: ImportPolicy;
  /** More data rows than this: refused as BAD_USER_INPUT on `field`, before anything is read. */
  readonly maxRows?: { readonly rows: number; readonly field: string };
}

export interface ImportReport {
  /** Data rows in the file (the header not counted). */
  readonly rows: number;
  readonly counts: Readonly<Record<RecordChange, number>>;
  /** Rows left out, by line; the file's own problem alone when it was refused whole. */
  readonly refused: readonly RowProblem[];
  /**
   * True when nothing was recorded: the file could not be read at all, or (`whole-file`) a row
   * was bad.
   */
  readonly fileRefused: boolean;
  /** Shared by every event of this import, so the audit can tell one run from another. */
  readonly correlationId: string;
  /** Where the last append landed (read-your-writes); null when nothing was appended. */
  readonly checkpoint: Checkpoint | null;
}

/** MTR-1: operators import the registry from a CSV file (`point_id,meter_id,terminal_type,island`). */
export class MeteringPointImport {
  constructor(private readonly registry: MeteringRegistry) {}

  async run(text: string, actor: Actor, options: ImportOptions = {}): Promise<ImportReport> {
    const correlationId = randomUUID();
    const counts: Record<RecordChange, number> = { RECORDED: 0, CORRECTED: 0, UNCHANGED: 0 };
    const nothing = { counts, fileRefused: true, correlationId, checkpoint: null };
    const read = readImportRows(text);
    if (!read.ok) return { ...nothing, rows: 0, refused: [read.problem] };
    const rows = read.rows.length + read.problems.length;
    const { maxRows } = options;
    if (maxRows !== undefined && rows > maxRows.rows) {
      const message = meteringMessages.importTooManyRows(maxRows.rows, rows);
      throw new InvalidInputError([{ field: maxRows.field, code: 'TOO_MANY_ROWS', message }]);
    }
    if (options.policy === 'whole-file' && read.problems.length > 0) {
      return { ...nothing, rows, refused: read.problems };
    }
    const refused = [...read.problems];
    let checkpoint: Checkpoint | null = null;
    for (const row of read.rows) {
      const { pointId, meterId, terminalType, island } = row;
      try {
        const outcome = await RequestContext.run({ correlationId }, () =>
          this.registry.record(pointId, { meterId, terminalType, island }, actor),
        );
        counts[outcome.change] += 1;
        checkpoint = outcome.checkpoint ?? checkpoint;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push({ line: row.line, reason: error.message });
      }
    }
    refused.sort((a, b) => a.line - b.line);
    return { rows, counts, refused, fileRefused: false, correlationId, checkpoint };
  }
}
