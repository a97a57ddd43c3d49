import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../client';
import { graphql } from '../gql';
import type { TerminalType } from '../gql/graphql';
import { MeteringUpload } from '../metering-upload';
import { B_ROUTE_LABELS, POINT_KIND_LABELS, TERMINAL_LABELS } from '../labels';
import {
  applyFieldProblems,
  ErrorSummary,
  Field,
  flattenErrors,
  Loading,
  Notice,
  PageTitle,
  RefusalNotice,
} from '../ui';

const PointQuery = graphql(`
  query MeteringPoint($pointId: String!) {
    meteringPoint(pointId: $pointId) {
      pointId
      kind
      meterId
      terminalType
      island
      bRouteState
    }
  }
`);
const RecordMutation = graphql(`
  mutation RecordMeteringPoint($input: MeteringPointRecordInput!) {
    recordMeteringPoint(input: $input) {
      pointId
    }
  }
`);

interface RecordValues {
  pointId: string;
  meterId: string;
  terminalType: TerminalType;
  island: boolean;
}
const LABELS: Record<string, string> = {
  pointId: '供給地点特定番号／受電地点特定番号',
  meterId: '計器ID',
  terminalType: '通信端末',
  island: '島嶼',
};

export default function MeteringPage() {
  const [pointId, setPointId] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PointQuery,
    variables: { pointId: pointId ?? '' },
    pause: !pointId,
  });
  const [, record] = useMutation(RecordMutation);
  const [done, setDone] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const lookup = useForm<{ pointId: string }>();
  const form = useForm<RecordValues>({
    shouldFocusError: false,
    defaultValues: { terminalType: 'HIGH_VOLTAGE_TERMINAL', island: false },
  });
  const point = data?.meteringPoint;

  async function onRecord(values: RecordValues) {
    setMessage(null);
    setDone(null);
    const result = await record({ input: { ...values, meterId: values.meterId.trim() || null } });
    if (result.data) {
      setDone(`${result.data.recordMeteringPoint.pointId} を登録（訂正）いたしました。`);
      setPointId(result.data.recordMeteringPoint.pointId);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const refusal = refusalOf(result.error);
    const problems = (refusal?.fields ?? []).map((p) => ({
      ...p,
      field: p.field.replace(/^input\./, ''),
    }));
    const rest = applyFieldProblems(problems, form.setError, (name) => name in LABELS);
    setMessage(rest.length > 0 || problems.length === 0 ? (refusal?.message ?? null) : null);
  }

  return (
    <div>
      <PageTitle>計量地点台帳</PageTitle>
      <section aria-labelledby="lookup-title">
        <h2 id="lookup-title">照会</h2>
        <form
          noValidate
          className="inline-form"
          onSubmit={(event) =>
            void lookup.handleSubmit(({ pointId: value }) => setPointId(value.trim()))(event)
          }
        >
          <Field
            name="lookupPointId"
            label="供給地点特定番号／受電地点特定番号"
            hint="(半角数字22桁)"
          >
            {(props) => (
              <input {...props} type="text" className="wide" {...lookup.register('pointId')} />
            )}
          </Field>
          <button type="submit" className="button-primary">
            照会
          </button>
        </form>
        <RefusalNotice refusal={refusalOf(error)} />
        {fetching && <Loading />}
        {pointId && data && !point && <p>台帳に登録されていない計量地点です。</p>}
        {point && (
          <dl className="summary">
            <div className="row">
              <dt>{POINT_KIND_LABELS[point.kind]}</dt>
              <dd>{point.pointId}</dd>
            </div>
            <div className="row">
              <dt>計器ID</dt>
              <dd>{point.meterId ?? '（未登録）'}</dd>
            </div>
            <div className="row">
              <dt>通信端末</dt>
              <dd>{TERMINAL_LABELS[point.terminalType]}</dd>
            </div>
            <div className="row">
              <dt>島嶼</dt>
              <dd>{point.island ? '島嶼' : '島嶼ではない'}</dd>
            </div>
            <div className="row">
              <dt>高圧Bルートサービス</dt>
              <dd>{B_ROUTE_LABELS[point.bRouteState]}</dd>
            </div>
          </dl>
        )}
      </section>
      <section aria-labelledby="record-title">
        <h2 id="record-title">登録・訂正</h2>
        {done && <Notice tone="success">{done}</Notice>}
        <ErrorSummary
          items={flattenErrors(form.formState.errors)}
          message={message}
          labels={(name) => LABELS[name] ?? name}
        />
        <form noValidate onSubmit={(event) => void form.handleSubmit(onRecord)(event)}>
          <Field
            name="pointId"
            label={LABELS.pointId ?? ''}
            hint="(半角数字22桁)"
            required
            error={form.formState.errors.pointId?.message}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                className="wide"
                {...form.register('pointId', { required: '番号を入力してください。' })}
              />
            )}
          </Field>
          <Field
            name="meterId"
            label="計器ID"
            hint="(大文字英字1文字＋半角数字6桁)"
            error={form.formState.errors.meterId?.message}
          >
            {(props) => (
              <input {...props} type="text" className="short" {...form.register('meterId')} />
            )}
          </Field>
          <Field
            name="terminalType"
            label="通信端末"
            required
            error={form.formState.errors.terminalType?.message}
          >
            {(props) => (
              <select {...props} {...form.register('terminalType')}>
                {(['HIGH_VOLTAGE_TERMINAL', 'OPTICAL', 'UNKNOWN'] as TerminalType[]).map(
                  (value) => (
                    <option key={value} value={value}>
                      {TERMINAL_LABELS[value]}
                    </option>
                  ),
                )}
              </select>
            )}
          </Field>
          <div className="checkbox">
            <input id="f-island" type="checkbox" {...form.register('island')} />
            <label htmlFor="f-island">島嶼の計量地点</label>
          </div>
          <button type="submit" className="button-primary">
            登録する
          </button>
        </form>
      </section>
      <MeteringUpload />
    </div>
  );
}
