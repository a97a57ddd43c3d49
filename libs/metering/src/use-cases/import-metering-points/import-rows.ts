import type { TerminalType } from '../../domain/metering-point.event';
import type { PointId } from '../../domain/point-id';
import { issuedPointIdAt, optionalMeterIdAt } from '../metering-input';
import { readCsv, type CsvRecord } from './csv-records';
import { meteringMessages } from '../../messages';

const IMPORT_HEADER = ['point_id', 'meter_id', 'terminal_type', 'island'] as const;

/** How a problem names its column to a clerk: place, header name and meaning (「1列目（point_id: 地点特定番号）」). */
const COLUMN = {
  pointId: meteringMessages.importColumn(1, 'point_id', '地点特定番号'),
  meterId: meteringMessages.importColumn(2, 'meter_id', '計器ID'),
  terminalType: meteringMessages.importColumn(3, 'terminal_type', '通信端末'),
  island: meteringMessages.importColumn(4, 'island', '島嶼'),
};

export interface ImportRow {
  readonly line: number;
  readonly pointId: PointId;
  /** Null (an empty cell) keeps the meter ID the registry knows. */
  readonly meterId: string | null;
  readonly terminalType: TerminalType;
  readonly island: boolean;
}

/** A row left out, and why (Japanese, for the operator who fixes the file). */
export interface RowProblem {
  readonly line: number;
  readonly reason: string;
}

export type ImportRows =
  | {
      readonly ok: true;
      readonly rows: readonly ImportRow[];
      readonly problems: readonly RowProblem[];
    }
  | { readonly ok: false; readonly problem: RowProblem };

const TERMINAL_TYPES: ReadonlySet<string> = new Set<TerminalType>([
  'HIGH_VOLTAGE_TERMINAL',
  'OPTICAL',
  'UNKNOWN',
]);
const ISLAND: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

/**
 * MTR-1: the rows of an import file. A file that cannot be read as CSV with the expected header
 * is refused whole; otherwise each bad row is reported and left out, and the good rows stand.
 */
export function readImportRows(text: string): ImportRows {
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, problem: { line: csv.line, reason: csv.message } };
  const [header, ...records] = csv.records;
  const names = header?.fields.map((name) => name.trim().toLowerCase());
  if (header === undefined || names?.join(',') !== IMPORT_HEADER.join(',')) {
    return {
      ok: false,
      problem: {
        line: header?.line ?? 1,
        reason: meteringMessages.importHeader(IMPORT_HEADER.join(',')),
      },
    };
  }
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const row = readRow(record);
    if (!row.ok) {
      problems.push({ line: record.line, reason: row.reasons.join(' ') });
      continue;
    }
    const earlier = firstLineOf.get(row.value.pointId.value);
    if (earlier !== undefined) {
      problems.push({
        line: record.line,
        reason: meteringMessages.importDuplicate(COLUMN.pointId, earlier),
      });
      continue;
    }
    firstLineOf.set(row.value.pointId.value, record.line);
    rows.push(row.value);
  }
  return { ok: true, rows, problems };
}

function readRow(
  record: CsvRecord,
): { ok: true; value: ImportRow } | { ok: false; reasons: string[] } {
  if (record.fields.length !== IMPORT_HEADER.length) {
    return {
      ok: false,
      reasons: [meteringMessages.importColumns(IMPORT_HEADER.length, record.fields.length)],
    };
  }
  const [pointIdText = '', meterIdText = '', terminalText = '', islandText = ''] = record.fields;
  const reasons: string[] = [];
  const pointId = issuedPointIdAt('point_id', pointIdText);
  if (!pointId.ok) reasons.push(`${COLUMN.pointId}: ${pointId.error.message}`);
  const meterId = optionalMeterIdAt('meter_id', meterIdText);
  if (!meterId.ok) reasons.push(`${COLUMN.meterId}: ${meterId.error.message}`);
  const terminalType = terminalText.trim().toUpperCase();
  if (!TERMINAL_TYPES.has(terminalType)) {
    reasons.push(meteringMessages.importTerminalType(COLUMN.terminalType));
  }
  const island = ISLAND.get(islandText.trim().toLowerCase());
  if (island === undefined) reasons.push(meteringMessages.importIsland(COLUMN.island));
  if (!pointId.ok || !meterId.ok || island === undefined || reasons.length > 0) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    value: {
      line: record.line,
      pointId: pointId.value,
      meterId: meterId.value,
      terminalType: terminalType as TerminalType,
      island,
    },
  };
}
