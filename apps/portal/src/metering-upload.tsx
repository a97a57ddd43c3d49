import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { refusalOf } from './client';
import { graphql } from './gql';
import type { ImportMeteringPointsMutation } from './gql/graphql';
import { ErrorSummary, Field, flattenErrors, Notice } from './ui';

const ImportMutation = graphql(`
  mutation ImportMeteringPoints($csv: String!) {
    importMeteringPoints(csv: $csv) {
      imported
      rows
      recorded
      corrected
      unchanged
      problems {
        line
        message
      }
    }
  }
`);

const HEADER = 'point_id,meter_id,terminal_type,island';
const MAX_ROWS = 500;
// The API takes 64 kB per request; 500 rows stay far below, so a bigger file is not the registry's.
const MAX_BYTES = 60 * 1024;

type Report = ImportMeteringPointsMutation['importMeteringPoints'];

/** UTF-8 (with or without BOM) as the API expects; Excel's Japanese CSV (Shift_JIS) too. */
async function textOf(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/**
 * MTR-1: the registry CSV upload. The file is read in the browser and sent as text; the API
 * takes the whole file or nothing and names each bad row by its line.
 */
export function MeteringUpload() {
  const [, upload] = useMutation(ImportMutation);
  const [report, setReport] = useState<Report | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ csvFile: FileList | null }>({ shouldFocusError: false });
  const chosen = form.watch('csvFile')?.[0]?.name;

  async function onUpload({ csvFile }: { csvFile: FileList | null }) {
    setReport(null);
    setMessage(null);
    const file = csvFile?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      form.setError('csvFile', {
        message: `ファイルが大きすぎます。1回に取り込めるのは${MAX_ROWS}行までです。ファイルを分けて取り込んでください。`,
      });
      return;
    }
    const result = await upload({ csv: await textOf(file) });
    if (result.data) {
      setReport(result.data.importMeteringPoints);
      return;
    }
    const refusal = refusalOf(result.error);
    const atFile = refusal?.fields.find((problem) => problem.field === 'csv');
    if (atFile) form.setError('csvFile', { message: atFile.message });
    else setMessage(refusal?.message ?? null);
  }

  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">CSVファイルからの一括登録</h2>
      <ul className="notes">
        <li>
          1行目を見出し「<code>{HEADER}</code>
          」とし、2行目から1行に1つの計量地点を記載してください（1回に{MAX_ROWS}行まで）。
        </li>
        <li>
          terminal_type は
          HIGH_VOLTAGE_TERMINAL（高圧端末）、OPTICAL（光通信）、UNKNOWN（不明）のいずれか、island は
          true（島嶼）または false です。meter_id が空欄の行は、登録済みの計器IDを変更しません。
        </li>
        <li>
          誤りのある行が1行でもある場合は、ファイル全体を取り込みません。表示された行を修正し、同じファイルをもう一度取り込んでください（登録済みの内容と同じ行は「変更なし」となります）。
        </li>
      </ul>
      <ErrorSummary
        items={flattenErrors(form.formState.errors)}
        message={message}
        labels={() => 'CSVファイル'}
      />
      <form noValidate onSubmit={(event) => void form.handleSubmit(onUpload)(event)}>
        <Field
          name="csvFile"
          label="CSVファイル"
          hint="(UTF-8またはShift_JIS)"
          required
          error={form.formState.errors.csvFile?.message}
        >
          {(props) => (
            // The browser's own file button speaks its UI language; this one speaks Japanese.
            <div className="file-picker">
              <input
                {...props}
                type="file"
                accept=".csv,text/csv"
                className="visually-hidden"
                {...form.register('csvFile', {
                  validate: (files) =>
                    (files?.length ?? 0) > 0 || '取り込むCSVファイルを選択してください。',
                })}
              />
              <label htmlFor={props.id} className="button-secondary">
                ファイルを選択
              </label>
              <span className="file-name">{chosen ?? 'ファイルが選択されていません'}</span>
            </div>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={form.formState.isSubmitting}>
            取り込む
          </button>
        </div>
      </form>
      {report && <UploadReport report={report} />}
    </section>
  );
}

function UploadReport({ report }: { report: Report }) {
  return (
    <div className="upload-report">
      {report.imported ? (
        <Notice tone="success">
          {report.rows}行を取り込みました（新規登録 {report.recorded}件、訂正 {report.corrected}
          件、変更なし {report.unchanged}件）。
        </Notice>
      ) : (
        <Notice tone="error">
          ファイルに誤りがあるため、取り込みませんでした（登録・訂正した計量地点はありません）。次の
          {report.problems.length}行を修正し、もう一度取り込んでください。
        </Notice>
      )}
      {report.problems.length > 0 && (
        <table>
          <caption>誤りのある行</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((problem) => (
              <tr key={problem.line}>
                <td className="short">{problem.line}行目</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
