import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQuery } from 'urql';
import { refusalOf } from '../client';
import { graphql } from '../gql';
import {
  addDays,
  formatDate,
  formatMinute,
  japanToday,
  parseDay,
  ROLE_LABELS,
  SECURITY_EVENT_LABELS,
  startOfJapanDay,
} from '../labels';
import { ErrorSummary, Loading, PageTitle, Pager, RefusalNotice } from '../ui';

const SecurityEventsQuery = graphql(`
  query SecurityEvents($from: DateTime!, $to: DateTime!, $offset: Int, $limit: Int) {
    securityEvents(from: $from, to: $to, offset: $offset, limit: $limit) {
      total
      offset
      items {
        occurredAt
        type
        userId
        role
        clientAddress
        detail
      }
    }
  }
`);

const PAGE = 50;

interface Values {
  from: string;
  to: string;
}

/** The days asked for, both included, as the instants the query takes. */
interface Period {
  readonly from: string;
  readonly to: string;
}

function periodOf(fromDay: string, toDay: string): Period {
  return { from: startOfJapanDay(fromDay), to: startOfJapanDay(addDays(toDay, 1)) };
}

// The names `detail` uses; the values are the API's own identifiers and codes.
const DETAIL_LABELS: Record<string, string> = {
  operation: '操作',
  reason: '理由',
  code: '応答',
  userId: 'ユーザ ID',
  applicationId: '申込ID',
  pointId: '地点番号',
};

// The operations and codes an auditor meets in `detail`, by the names the portal's screens use;
// anything not listed (a later operation) is shown as the API names it.
const VALUE_LABELS: Record<string, string> = {
  changeAccountContact: '連絡先の変更',
  changeApplication: '申込内容の変更',
  changePassword: 'パスワードの変更',
  completeApplication: '完了',
  confirmMfaEnrollment: '2段階認証の設定',
  importMeteringPoints: '計量地点台帳の一括登録',
  recordMeteringPoint: '計量地点台帳の登録・訂正',
  rejectApplication: '受付不可',
  resetPassword: 'パスワードの再初期化',
  returnApplication: '差戻し',
  startMfaEnrollment: '2段階認証の設定開始',
  startProcessing: '手続開始',
  unlockAccount: 'ロック解除',
  withdrawApplication: '取消',
  logout: 'ログアウト',
  INVALID_CREDENTIALS: 'ユーザ ID またはパスワードの誤り',
  ACCOUNT_LOCKED: 'ロック中',
  ACCOUNT_NOT_FOUND: '未登録のユーザ ID',
  INITIAL_PASSWORD_EXPIRED: '初期パスワードの期限切れ',
  MFA_CODE_INVALID: '確認コードの誤り',
  MFA_CODE_MISSING: '確認コードなし',
  MFA_REQUIRED: '2段階認証が必要',
  UNAUTHENTICATED: '未ログイン',
  FORBIDDEN: '権限なし',
  PASSWORD_CHANGE_REQUIRED: 'パスワード変更が必要',
  RATE_LIMITED: '回数超過',
};

/** What an act named (operation, identifiers, reason), as one line. */
function detailText(detail: unknown): string {
  if (detail === null || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .map(([name, value]) => {
      const text = String(value);
      return `${DETAIL_LABELS[name] ?? name}: ${VALUE_LABELS[text] ?? text}`;
    })
    .join(' / ');
}

export default function SecurityEventsPage() {
  const today = japanToday();
  const firstDay = addDays(today, -6);
  const [period, setPeriod] = useState<Period>(() => periodOf(firstDay, today));
  const [offset, setOffset] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    shouldFocusError: false,
    defaultValues: { from: formatDate(firstDay), to: formatDate(today) },
  });
  const [{ data, fetching, error }] = useQuery({
    query: SecurityEventsQuery,
    variables: { ...period, limit: PAGE, offset },
  });
  const page = data?.securityEvents;

  function onSubmit(values: Values) {
    const fromDay = parseDay(values.from);
    const toDay = parseDay(values.to);
    if (fromDay === null || toDay === null) {
      setError(fromDay === null ? 'from' : 'to', {
        message: '期間は「2026/04/01」の形式で入力してください。',
      });
      return;
    }
    if (fromDay > toDay) {
      setError('to', { message: '期間の終了日は開始日以降の日付を入力してください。' });
      return;
    }
    setOffset(0);
    setPeriod(periodOf(fromDay, toDay));
  }

  const summary = Object.entries(errors).map(([name, value]) => ({
    name,
    message: value?.message ?? '',
  }));
  const first = page && page.total > 0 ? page.offset + 1 : 0;
  const last = page ? page.offset + page.items.length : 0;
  const fieldError = errors.to ?? errors.from;

  return (
    <div>
      <PageTitle>セキュリティイベント</PageTitle>
      <p className="help">
        ログインの失敗・制限、アカウントのロック、確認コードの誤り、権限のない操作の拒否、ログアウト、担当者の操作を、新しい順に表示します（日時は日本時間）。
      </p>
      <ErrorSummary items={summary} message={null} />
      <section aria-labelledby="criteria">
        <h2 id="criteria">■ 表示する期間</h2>
        <form
          onSubmit={(event) => void handleSubmit(onSubmit)(event)}
          noValidate
          className="search-form"
        >
          <div className="field" role="group" aria-labelledby="period-label">
            <span id="period-label" className="label">
              期間
              <span className="hint" id="period-hint">
                (例：2026/04/01 ～ 2026/04/30)
              </span>
            </span>
            <div className="range">
              <label htmlFor="f-from" className="visually-hidden">
                期間（開始日）
              </label>
              <input
                id="f-from"
                type="text"
                inputMode="numeric"
                aria-describedby="period-hint"
                aria-invalid={errors.from ? true : undefined}
                {...register('from')}
              />
              <span aria-hidden="true">～</span>
              <label htmlFor="f-to" className="visually-hidden">
                期間（終了日）
              </label>
              <input
                id="f-to"
                type="text"
                inputMode="numeric"
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? 'period-hint f-to-error' : 'period-hint'}
                {...register('to')}
              />
            </div>
            {fieldError && (
              <p className="error-message" id="f-to-error">
                {fieldError.message}
              </p>
            )}
          </div>
          <button type="submit" className="button-primary">
            表示
          </button>
        </form>
      </section>
      <section aria-labelledby="results" aria-live="polite">
        <h2 id="results">■ イベント一覧</h2>
        <RefusalNotice refusal={refusalOf(error)} />
        {fetching && <Loading />}
        {page && (
          <>
            <p className="count">
              {page.total === 0
                ? 'この期間のイベントはありません。'
                : `${first}-${last}件目表示 (${page.total}件中)`}
            </p>
            {page.items.length > 0 && (
              <div>
                <table>
                  <caption>セキュリティイベント</caption>
                  <thead>
                    <tr>
                      <th scope="col">日時</th>
                      <th scope="col">種別</th>
                      <th scope="col">ユーザ ID</th>
                      <th scope="col">ロール</th>
                      <th scope="col">接続元アドレス</th>
                      <th scope="col">内容</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((event, index) => (
                      <tr key={`${event.occurredAt}-${index}`}>
                        <td className="short">{formatMinute(event.occurredAt)}</td>
                        <td>{SECURITY_EVENT_LABELS[event.type] ?? event.type}</td>
                        <td>{event.userId ?? '—'}</td>
                        <td>{event.role ? ROLE_LABELS[event.role] : '—'}</td>
                        <td>{event.clientAddress ?? '—'}</td>
                        <td className="detail">{detailText(event.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              offset={offset}
              shown={page.items.length}
              total={page.total}
              pageSize={PAGE}
              onOffset={setOffset}
            />
          </>
        )}
      </section>
    </div>
  );
}
