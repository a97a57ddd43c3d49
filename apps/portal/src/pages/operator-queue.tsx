import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { refusalOf } from '../client';
import type { ApplicationKind, ApplicationStatus } from '../gql/graphql';
import { DATE_LABELS, daysBetween, formatDate, KIND_LABELS, STATUS_LABELS } from '../labels';
import { Loading, PageTitle, RefusalNotice } from '../ui';
import { SearchQuery } from './search';

const STATUSES: ApplicationStatus[] = [
  'RECEIVED',
  'IN_PROGRESS',
  'RETURNED',
  'COMPLETED',
  'REJECTED',
  'WITHDRAWN',
];
const KINDS: ApplicationKind[] = ['NEW', 'TERMINATION', 'ACTIVATION'];

/** 受付一覧: what waits for the back office, oldest first, with the days left. */
export default function OperatorQueue() {
  const [status, setStatus] = useState<ApplicationStatus | ''>('RECEIVED');
  const [kind, setKind] = useState<ApplicationKind | ''>('');
  const [{ data, fetching, error }] = useQuery({
    query: SearchQuery,
    variables: {
      filter: { ...(status ? { status } : {}), ...(kind ? { kind } : {}) },
      limit: 100,
      offset: 0,
    },
  });
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const page = data?.searchApplications;
  const rows = [...(page?.items ?? [])].sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : 1));
  return (
    <div>
      <PageTitle>受付一覧</PageTitle>
      <form className="inline-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="f-status">申込状況</label>
          <select
            id="f-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as ApplicationStatus | '')}
          >
            <option value="">すべて</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">お申込み区分</label>
          <select
            id="f-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ApplicationKind | '')}
          >
            <option value="">すべて</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <RefusalNotice refusal={refusalOf(error)} />
      {fetching && <Loading />}
      {page && (
        <p className="count" aria-live="polite">
          {page.total === 0
            ? '該当するお申込みはありません。'
            : `${page.total}件（申込登録日の古い順${page.total > 100 ? '、先頭100件' : ''}）`}
        </p>
      )}
      {rows.length > 0 && (
        <table>
          <caption>受付一覧（古い順）</caption>
          <thead>
            <tr>
              <th scope="col">申込ID</th>
              <th scope="col">申込登録日</th>
              <th scope="col">区分</th>
              <th scope="col">申込状況</th>
              <th scope="col">需要家名</th>
              <th scope="col">希望日</th>
              <th scope="col">残り日数</th>
              <th scope="col">注意</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const left = daysBetween(today, row.desiredStartDate);
              return (
                <tr key={row.id}>
                  <td>
                    <Link to={`/applications/${row.id}`}>{row.id}</Link>
                  </td>
                  <td className="short">{formatDate(row.registeredAt)}</td>
                  <td className="short">{KIND_LABELS[row.kind]}</td>
                  <td>
                    <span className={`status status-${row.status}`}>
                      {STATUS_LABELS[row.status]}
                    </span>
                  </td>
                  <td>{row.customer.name}</td>
                  <td>
                    {DATE_LABELS[row.kind]} {formatDate(row.desiredStartDate)}
                  </td>
                  <td className={left <= 7 ? 'short urgent' : 'short'}>
                    {left >= 0 ? `あと${left}日` : `${-left}日経過`}
                  </td>
                  <td>
                    {row.warnings.length > 0 ? (
                      <span className="warning-text">⚠ {row.warnings.join('、')}</span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
