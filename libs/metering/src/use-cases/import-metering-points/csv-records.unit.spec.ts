import { readCsv, type CsvResult } from './csv-records';

function records(result: CsvResult) {
  if (!result.ok) throw new Error(`expected records, got line ${result.line}: ${result.message}`);
  return result.records;
}

describe('CSV records', () => {
  it('reads LF and CRLF records with the line each starts on', () => {
    expect(records(readCsv('a,b\r\nc,d\ne,f'))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
  });

  it('drops a leading BOM and skips blank lines, counting them', () => {
    expect(records(readCsv('\uFEFFa,b\n\nc,d\n'))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('keeps empty fields, and a quoted empty field makes a record', () => {
    expect(records(readCsv('a,,\n""'))).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: [''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(records(readCsv('"a,1","say ""hi""","two\nlines"\nx,y'))).toEqual([
      { line: 1, fields: ['a,1', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['x', 'y'] },
    ]);
  });

  it.each([
    ['an unterminated quote', 'a,b\nc,"d\n', 2],
    ['a quote inside an unquoted field', 'a,b\nc,d"e\n', 2],
    ['text after a closing quote', 'a,"b"c\n', 1],
  ])('refuses %s, naming the line', (_name, text, line) => {
    const result = readCsv(text);
    expect(result).toEqual({ ok: false, line, message: expect.stringMatching(/引用符/) });
  });
});
