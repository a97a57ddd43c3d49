import { meteringMessages } from '../../messages';
/** One CSV record and the line it starts on (1-based), for reports a person can find in the file. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

const QUOTE = '"';

/**
 * RFC 4180 records: fields separated by commas, optionally quoted (`""` inside quotes is one
 * quote, and quotes may span lines), records ended by CRLF or LF. A leading BOM (Excel's UTF-8)
 * is dropped and blank lines are skipped. Strict rather than forgiving: a stray quote in an
 * unquoted field or an unterminated quote is an error, since guessing would import a wrong row.
 */
export function readCsv(text: string): CsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let index = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !fieldWasQuoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (index < source.length) {
    const char = source.charAt(index);
    if (quoted) {
      if (char === QUOTE) {
        if (source[index + 1] === QUOTE) {
          field += QUOTE;
          index += 2;
          continue;
        }
        quoted = false;
        const next = source[index + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return { ok: false, line, message: meteringMessages.csvTextAfterQuote };
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === QUOTE) {
      if (field !== '') {
        return { ok: false, line, message: meteringMessages.csvStrayQuote };
      }
      quoted = true;
      fieldWasQuoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) return { ok: false, line: recordLine, message: meteringMessages.csvUnclosedQuote };
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return { ok: true, records };
}
