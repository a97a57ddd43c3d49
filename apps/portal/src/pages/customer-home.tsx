import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationTable } from '../application-table';
import { refusalOf } from '../client';
import { PageTitle, Loading, RefusalNotice } from '../ui';
import { SearchQuery, totalText } from './search';

export default function CustomerHome() {
  const [{ data, fetching, error }] = useQuery({
    query: SearchQuery,
    variables: { filter: {}, limit: 20, offset: 0 },
  });
  const page = data?.searchApplications;
  return (
    <div>
      <PageTitle>お申込み状況</PageTitle>
      <p>
        <Link to="/apply" className="button-link">
          高圧Bルートサービスを申し込む
        </Link>
      </p>
      <RefusalNotice refusal={refusalOf(error)} />
      {fetching && <Loading />}
      {page && page.total === 0 && <p>まだお申込みはありません。</p>}
      {page && page.total > 0 && (
        <>
          <p className="count">
            {`1-${page.items.length}件目表示 (${totalText(page.total, page.totalCapped)})`}
            　新しいお申込みから表示しています。すべてのお申込みは
            <Link to="/applications">申込一覧の検索</Link>からご覧いただけます。
          </p>
          <ApplicationTable rows={page.items} caption="このアカウントのお申込み" />
        </>
      )}
    </div>
  );
}
