import { Link } from 'react-router';
import type { ApplicationStatus } from './gql/graphql';
import { formatDate, STATUS_LABELS } from './labels';

export interface Row {
  id: number;
  registeredAt: string;
  status: ApplicationStatus;
  customer: { name: string };
}

/** 申込ID, 申込登録日, 申込状況, 需要家名: the FAQ's list; each ID opens the application. */
export function ApplicationTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">申込ID</th>
          <th scope="col">申込登録日</th>
          <th scope="col">申込状況</th>
          <th scope="col">需要家名</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link to={`/applications/${row.id}`}>{row.id}</Link>
            </td>
            <td>{formatDate(row.registeredAt)}</td>
            <td>
              <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
            </td>
            <td>{row.customer.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
