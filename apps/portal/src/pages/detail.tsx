import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  ApplicationFields,
  applicationLabel,
  isApplicationField,
  toContactInput,
  toPointInput,
  type ApplicationValues,
} from '../application-form';
import { refusalOf, type Refusal } from '../client';
import { CompleteForm } from '../complete-form';
import { graphql } from '../gql';
import type { ApplicationDetailQuery } from '../gql/graphql';
import {
  DATE_LABELS,
  daysBetween,
  EVENT_LABELS,
  formatDate,
  formatDateTime,
  KIND_LABELS,
  parseDay,
  parseJapanDateTime,
  POINT_KIND_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from '../labels';
import { useSession } from '../session';
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

graphql(`
  fragment ApplicationFields on Application {
    id
    kind
    status
    statusReason
    revision
    registeredAt
    updatedAt
    desiredStartDate
    warnings
    customer {
      name
      department
      contactName
      phone
    }
    applicant {
      company
      department
      name
      phone1
      phone2
      email
      fax
    }
    meteringPoints {
      kind
      pointId
      meterId
      unissued
    }
  }
`);

const DetailQuery = graphql(`
  query ApplicationDetail($id: Int!) {
    today
    application(id: $id) {
      ...ApplicationFields
    }
    applicationHistory(id: $id) {
      revision
      type
      occurredAt
      actorId
      actorRole
      data
      hash
      position
    }
  }
`);

const AsOfQuery = graphql(`
  query ApplicationAsOf($id: Int!, $at: DateTime!) {
    applicationAsOf(id: $id, at: $at) {
      ...ApplicationFields
    }
  }
`);

const VerifyQuery = graphql(`
  query VerifyHistory($id: Int!) {
    verifyApplicationHistory(id: $id) {
      intact
      events
      firstBrokenRevision
    }
  }
`);

const ChangeMutation = graphql(`
  mutation ChangeApplication($id: Int!, $expectedRevision: Int!, $input: ChangeApplicationInput!) {
    changeApplication(id: $id, expectedRevision: $expectedRevision, input: $input) {
      id
      revision
    }
  }
`);
const WithdrawMutation = graphql(`
  mutation WithdrawApplication($id: Int!, $expectedRevision: Int!, $reason: String) {
    withdrawApplication(id: $id, expectedRevision: $expectedRevision, reason: $reason) {
      id
    }
  }
`);
const StartMutation = graphql(`
  mutation StartProcessing($id: Int!, $expectedRevision: Int!) {
    startProcessing(id: $id, expectedRevision: $expectedRevision) {
      id
    }
  }
`);
const ReturnMutation = graphql(`
  mutation ReturnApplication($id: Int!, $expectedRevision: Int!, $reason: String!) {
    returnApplication(id: $id, expectedRevision: $expectedRevision, reason: $reason) {
      id
    }
  }
`);
const RejectMutation = graphql(`
  mutation RejectApplication($id: Int!, $expectedRevision: Int!, $reason: String!) {
    rejectApplication(id: $id, expectedRevision: $expectedRevision, reason: $reason) {
      id
    }
  }
`);

type Application = NonNullable<ApplicationDetailQuery['application']>;

function conflictAware(refusal: Refusal | null): Refusal | null {
  if (refusal?.code !== 'CONFLICT') return refusal;
  return {
    ...refusal,
    message:
      'ほかの操作（担当者による手続きや、別の画面での変更）で申込み内容が更新されていたため、保存できませんでした。最新の内容を表示しましたので、ご確認のうえ、もう一度操作してください。',
  };
}

function ApplicationSummary({ application, today }: { application: Application; today?: string }) {
  const left = today ? daysBetween(today, application.desiredStartDate) : null;
  return (
    <dl className="summary">
      <div className="row">
        <dt>申込ID</dt>
        <dd>{application.id}</dd>
      </div>
      <div className="row">
        <dt>お申込み区分</dt>
        <dd>{KIND_LABELS[application.kind]}</dd>
      </div>
      <div className="row">
        <dt>申込状況</dt>
        <dd>
          <span className={`status status-${application.status}`}>
            {STATUS_LABELS[application.status]}
          </span>
          {application.statusReason && <p className="reason">理由：{application.statusReason}</p>}
        </dd>
      </div>
      <div className="row">
        <dt>申込登録日</dt>
        <dd>{formatDate(application.registeredAt)}</dd>
      </div>
      <div className="row">
        <dt>{DATE_LABELS[application.kind]}</dt>
        <dd>
          {formatDate(application.desiredStartDate)}
          {left !== null &&
            left >= 0 &&
            ['RECEIVED', 'IN_PROGRESS'].includes(application.status) && <>（あと{left}日）</>}
          {/* APP-7: each warning is a whole sentence of the API's. */}
          {application.warnings.map((warning) => (
            <p className="warning-text" key={warning}>
              {warning}
            </p>
          ))}
        </dd>
      </div>
      <div className="row">
        <dt>お客さま名</dt>
        <dd>{application.customer.name}</dd>
      </div>
      <div className="row">
        <dt>お客さま担当者所属部署名</dt>
        <dd>{application.customer.department}</dd>
      </div>
      <div className="row">
        <dt>お客さま担当者名</dt>
        <dd>{application.customer.contactName}</dd>
      </div>
      <div className="row">
        <dt>お客さま電話番号</dt>
        <dd>{application.customer.phone}</dd>
      </div>
      <div className="row">
        <dt>申込者所属企業名</dt>
        <dd>{application.applicant.company}</dd>
      </div>
      <div className="row">
        <dt>申込者所属部署名</dt>
        <dd>{application.applicant.department}</dd>
      </div>
      <div className="row">
        <dt>申込者氏名</dt>
        <dd>{application.applicant.name}</dd>
      </div>
      <div className="row">
        <dt>電話番号1</dt>
        <dd>{application.applicant.phone1}</dd>
      </div>
      <div className="row">
        <dt>電話番号2</dt>
        <dd>{application.applicant.phone2 ?? '（なし）'}</dd>
      </div>
      <div className="row">
        <dt>E-mail</dt>
        <dd>{application.applicant.email}</dd>
      </div>
      <div className="row">
        <dt>FAX</dt>
        <dd>{application.applicant.fax ?? '（なし）'}</dd>
      </div>
      {application.meteringPoints.map((point, index) => (
        <div className="row" key={point.pointId}>
          <dt>計量地点{index + 1}</dt>
          <dd>
            {POINT_KIND_LABELS[point.kind]}：{point.pointId}
            {point.unissued && <span className="tag">未発行</span>}
            <br />
            計器ID：{point.meterId}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ReasonAction({
  title,
  button,
  onSend,
}: {
  title: string;
  button: string;
  onSend: (reason: string) => Promise<Refusal | null>;
}) {
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm<{ reason: string }>({ shouldFocusError: false });
  const name = `reason-${button}`;
  if (!open) {
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {button}
      </button>
    );
  }
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit(async ({ reason }) => {
          const problem = await onSend(reason);
          setRefusal(problem);
          if (problem?.fields.length)
            form.setError('reason', { message: problem.fields[0]?.message ?? problem.message });
        })(event)
      }
    >
      <h3>{title}</h3>
      <RefusalNotice refusal={refusal} />
      <Field
        name={name}
        label="理由"
        required
        error={form.formState.errors.reason?.message}
        help={<p>お客さまへのメールにそのまま記載されます。</p>}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            {...form.register('reason', {
              validate: (v) => v.trim() !== '' || '理由を入力してください。',
            })}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          やめる
        </button>
        <button type="submit" className="button-primary">
          {button}する
        </button>
      </div>
    </form>
  );
}

function ChangeForm({
  application,
  today,
  onDone,
}: {
  application: Application;
  today?: string;
  onDone: (refusal: Refusal | null) => void;
}) {
  const [, change] = useMutation(ChangeMutation);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<ApplicationValues>({
    shouldFocusError: false,
    defaultValues: {
      kind: application.kind,
      consentConfirmed: true,
      // Field by field: the answer's objects carry __typename, which no input type accepts.
      customer: {
        name: application.customer.name,
        department: application.customer.department,
        contactName: application.customer.contactName,
        phone: application.customer.phone,
      },
      applicant: {
        company: application.applicant.company,
        department: application.applicant.department,
        name: application.applicant.name,
        phone1: application.applicant.phone1,
        email: application.applicant.email,
        phone2: application.applicant.phone2 ?? '',
        fax: application.applicant.fax ?? '',
      },
      meteringPoints: application.meteringPoints.map((point) => ({
        pointId: point.pointId,
        meterId: point.meterId,
        plateOnly: false,
        meterNumber: '',
        inputFormatName: '',
      })),
      desiredStartDate: formatDate(application.desiredStartDate),
    },
  });
  async function onSubmit(values: ApplicationValues) {
    setMessage(null);
    const result = await change({
      id: application.id,
      expectedRevision: application.revision,
      input: {
        ...toContactInput(values),
        meteringPoints: values.meteringPoints.map(toPointInput),
        desiredStartDate: parseDay(values.desiredStartDate) ?? values.desiredStartDate,
      },
    });
    if (result.data) {
      onDone(null);
      return;
    }
    const refusal = conflictAware(refusalOf(result.error));
    if (refusal?.code === 'CONFLICT') {
      onDone(refusal);
      return;
    }
    const problems = [...(refusal?.fields ?? [])];
    if (refusal?.code === 'START_DATE_TOO_SOON' && problems.length === 0)
      problems.push({ field: 'desiredStartDate', message: refusal.message });
    const rest = applyFieldProblems(problems, form.setError, isApplicationField);
    setMessage(rest.length > 0 || problems.length === 0 ? (refusal?.message ?? null) : null);
  }
  return (
    <section aria-labelledby="change-title">
      <h2 id="change-title">申込内容の変更</h2>
      <p>
        変更する項目を修正し、「変更を送信する」を押してください。
        {application.status === 'RETURNED' &&
          '差戻しの理由をご確認のうえ修正いただくと、再度お申込みを受け付けます。'}
      </p>
      <ErrorSummary
        items={flattenErrors(form.formState.errors)}
        message={message}
        labels={(name) => applicationLabel(name, application.kind)}
      />
      <form noValidate onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}>
        <ApplicationFields form={form} kind={application.kind} today={today} />
        <div className="actions">
          <button type="submit" className="button-primary">
            変更を送信する
          </button>
        </div>
      </form>
    </section>
  );
}

/** OPS-4: the unissued IDs a completion replaced, from a PointIdsIssued event's data. */
function assignmentsOf(
  data: Record<string, unknown> | null,
): { index: number; unissuedPointId: string; pointId: string }[] {
  const assignments = data?.['assignments'];
  if (!Array.isArray(assignments)) return [];
  return assignments.filter(
    (item): item is { index: number; unissuedPointId: string; pointId: string } =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Record<string, unknown>)['index'] === 'number' &&
      typeof (item as Record<string, unknown>)['pointId'] === 'string' &&
      typeof (item as Record<string, unknown>)['unissuedPointId'] === 'string',
  );
}

function History({
  events,
  full,
}: {
  events: NonNullable<ApplicationDetailQuery['applicationHistory']>;
  full: boolean;
}) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">履歴</h2>
      <ol className="timeline">
        {events.map((event) => {
          const data = event.data as Record<string, unknown> | null;
          const reason = typeof data?.['reason'] === 'string' ? data['reason'] : null;
          const issued = event.type === 'PointIdsIssued' ? assignmentsOf(data) : [];
          return (
            <li key={event.revision}>
              <p className="timeline-head">
                <span className="revision">版番号 {event.revision}</span>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                <strong>{EVENT_LABELS[event.type] ?? 'その他の記録'}</strong>
                <span>
                  {event.actorRole ? ROLE_LABELS[event.actorRole] : 'システム'}
                  {full && event.actorId ? `（${event.actorId}）` : ''}
                </span>
              </p>
              {reason && <p>理由：{reason}</p>}
              {issued.map((assignment) => (
                <p key={assignment.index}>
                  計量地点{assignment.index + 1}：{assignment.unissuedPointId} →{' '}
                  {assignment.pointId}
                </p>
              ))}
              {full && (
                <details>
                  <summary>記録内容（版番号 {event.revision}）</summary>
                  <pre tabIndex={0}>{JSON.stringify(event.data, null, 2)}</pre>
                  <p className="hash">ハッシュ値：{event.hash}</p>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function AuditTools({ id }: { id: number }) {
  const [{ data: verification }] = useQuery({ query: VerifyQuery, variables: { id } });
  const [at, setAt] = useState<string | null>(null);
  const [{ data: asOf, error: asOfError }] = useQuery({
    query: AsOfQuery,
    variables: { id, at: at ?? '' },
    pause: !at,
  });
  const form = useForm<{ at: string }>({ shouldFocusError: false });
  const result = verification?.verifyApplicationHistory;
  return (
    <>
      <section aria-labelledby="verify-title">
        <h2 id="verify-title">改ざん検証</h2>
        {!result && <Loading />}
        {result?.intact && (
          <Notice tone="success">
            履歴 {result.events} 件のハッシュチェーンを検証し、改ざんは見つかりませんでした。
          </Notice>
        )}
        {result && !result.intact && (
          <Notice tone="error">
            履歴の第{result.firstBrokenRevision}
            版以降で、記録内容とハッシュ値が一致しません（改ざんの可能性があります）。
          </Notice>
        )}
      </section>
      <section aria-labelledby="asof-title">
        <h2 id="asof-title">指定日時の申込内容</h2>
        <form
          noValidate
          className="inline-form"
          onSubmit={(event) =>
            void form.handleSubmit(({ at: text }) => {
              const instant = parseJapanDateTime(text);
              if (!instant) {
                form.setError('at', {
                  message: '日時は「2026/04/02 10:30」の形式で入力してください。',
                });
                return;
              }
              setAt(instant);
            })(event)
          }
        >
          <Field
            name="at"
            label="日時（日本時間）"
            hint="(例：2026/04/02 10:30)"
            error={form.formState.errors.at?.message}
          >
            {(props) => <input {...props} type="text" {...form.register('at')} />}
          </Field>
          <button type="submit" className="button-primary">
            表示
          </button>
        </form>
        <RefusalNotice refusal={refusalOf(asOfError)} />
        {at && asOf && !asOf.applicationAsOf && (
          <p>指定の日時にはまだお申込みがありませんでした。</p>
        )}
        {at && asOf?.applicationAsOf && (
          <>
            <p>
              {formatDateTime(at)} 時点（版番号 {asOf.applicationAsOf.revision}）の内容です。
            </p>
            <ApplicationSummary application={asOf.applicationAsOf} />
          </>
        )}
      </section>
    </>
  );
}

export default function DetailPage() {
  const id = Number(useParams().id);
  const session = useSession();
  const role = session?.role ?? 'CUSTOMER';
  const [{ data, fetching, error }, refetch] = useQuery({ query: DetailQuery, variables: { id } });
  const [mode, setMode] = useState<'view' | 'change' | 'withdraw'>('view');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, withdraw] = useMutation(WithdrawMutation);
  const [, start] = useMutation(StartMutation);
  const [, giveBack] = useMutation(ReturnMutation);
  const [, reject] = useMutation(RejectMutation);
  const application = data?.application;

  function finished(message: string, problem: Refusal | null) {
    setRefusal(conflictAware(problem));
    if (!problem) {
      setDone(message);
      setMode('view');
    }
    refetch({ requestPolicy: 'network-only' });
  }

  if (fetching && !data) return <Loading />;
  if (!application) {
    return (
      <div>
        <PageTitle>内容照会・変更・取消</PageTitle>
        <RefusalNotice refusal={refusalOf(error)} />
        {!error && (
          <Notice tone="error">
            申込ID {Number.isFinite(id) ? id : ''} のお申込みは見つかりませんでした。
          </Notice>
        )}
        <Link to="/applications">申込一覧の検索へ戻る</Link>
      </div>
    );
  }
  const editable = role === 'CUSTOMER' && ['RECEIVED', 'RETURNED'].includes(application.status);
  const revision = { id, expectedRevision: application.revision };
  return (
    <div>
      <PageTitle>内容照会・変更・取消</PageTitle>
      {done && <Notice tone="success">{done}</Notice>}
      {refusal && <Notice tone="error">{refusal.message}</Notice>}
      {application.status === 'RETURNED' && role === 'CUSTOMER' && (
        <Notice tone="warning">
          お申込みが差戻しされました。理由をご確認のうえ、「申込内容を変更する」から修正して再度お申込みください。
        </Notice>
      )}
      <ApplicationSummary application={application} today={data?.today} />

      {editable && mode === 'view' && (
        <div className="actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              setDone(null);
              setMode('change');
            }}
          >
            申込内容を変更する
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setDone(null);
              setMode('withdraw');
            }}
          >
            お申込みを取り消す
          </button>
        </div>
      )}
      {editable && mode === 'change' && (
        <ChangeForm
          key={application.revision}
          application={application}
          today={data?.today}
          onDone={(problem) =>
            finished(
              application.status === 'RETURNED'
                ? '変更を受け付け、再度お申込みいたしました。'
                : '申込内容を変更いたしました。',
              problem,
            )
          }
        />
      )}
      {editable && mode === 'withdraw' && (
        <section className="panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">お申込みの取消</h2>
          <p>
            申込ID {application.id}{' '}
            のお申込みを取り消します。取り消したお申込みは元に戻せません。よろしいですか。
          </p>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => setMode('view')}>
              取り消さない
            </button>
            <button
              type="button"
              className="button-danger"
              onClick={() =>
                void withdraw({ ...revision, reason: null }).then((r) =>
                  finished('お申込みを取り消しました。', refusalOf(r.error)),
                )
              }
            >
              取り消す
            </button>
          </div>
        </section>
      )}

      {role === 'OPERATOR' && (
        <section aria-labelledby="ops-title" className="panel">
          <h2 id="ops-title">受付処理</h2>
          <div className="actions">
            {application.status === 'RECEIVED' && (
              <button
                type="button"
                className="button-primary"
                onClick={() =>
                  void start(revision).then((r) =>
                    finished('手続を開始しました。', refusalOf(r.error)),
                  )
                }
              >
                手続開始
              </button>
            )}
            {application.status === 'IN_PROGRESS' && (
              <CompleteForm
                key={application.revision}
                application={application}
                onDone={(problem) => finished('完了にしました。', problem)}
              />
            )}
          </div>
          {['RECEIVED', 'IN_PROGRESS'].includes(application.status) && (
            <ReasonAction
              title="差戻し（お客さまに修正を依頼します）"
              button="差戻し"
              onSend={async (reason) => {
                const r = await giveBack({ ...revision, reason });
                const problem = refusalOf(r.error);
                finished('差戻しました。', problem);
                return problem;
              }}
            />
          )}
          {['RECEIVED', 'IN_PROGRESS', 'RETURNED'].includes(application.status) && (
            <ReasonAction
              title="受付不可（お申込みをお受けできません）"
              button="受付不可"
              onSend={async (reason) => {
                const r = await reject({ ...revision, reason });
                const problem = refusalOf(r.error);
                finished('受付不可にしました。', problem);
                return problem;
              }}
            />
          )}
          {['COMPLETED', 'REJECTED', 'WITHDRAWN'].includes(application.status) && (
            <p>このお申込みの手続は終了しています。</p>
          )}
        </section>
      )}

      {data?.applicationHistory && (
        <History events={data.applicationHistory} full={role !== 'CUSTOMER'} />
      )}
      {/* Verified again after each write, so the count matches the history above. */}
      {role !== 'CUSTOMER' && <AuditTools key={application.revision} id={id} />}
      <p>
        <Link
          to={role === 'OPERATOR' ? '/operator' : role === 'AUDITOR' ? '/auditor' : '/applications'}
        >
          一覧へ戻る
        </Link>
      </p>
    </div>
  );
}
