import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQuery } from 'urql';
import { ApplicationTable } from '../application-table';
import { refusalOf } from '../client';
import { graphql } from '../gql';
import type { ApplicationSearchInput } from '../gql/graphql';
import { parseDay } from '../labels';
import { ErrorSummary, Field, Loading, PageTitle, Pager, RefusalNotice } from '../ui';

export const SearchQuery = graphql(`
  query SearchApplications($filter: ApplicationSearchInput!, $limit: Int, $offset: Int) {
    searchApplications(filter: $filter, limit: $limit, offset: $offset) {
      total
      totalCapped
      offset
      limit
      items {
        id
        registeredAt
        status
        kind
        desiredStartDate
        warnings
        customer {
          name
        }
      }
    }
  }
`);

const PAGE = 20;

interface Values {
  applicationId: string;
  registeredFrom: string;
  registeredTo: string;
  customerName: string;
}

export default function SearchPage() {
  const [filter, setFilter] = useState<ApplicationSearchInput | null>(null);
  const [offset, setOffset] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ shouldFocusError: false });
  const [{ data, fetching, error }] = useQuery({
    query: SearchQuery,
    variables: { filter: filter ?? {}, limit: PAGE, offset },
    pause: filter === null,
  });
  const page = data?.searchApplications;

  function onSubmit(values: Values) {
    setProblem(null);
    const id = values.applicationId
      .trim()
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (id !== '' && !/^\d{1,9}$/.test(id)) {
      setError('applicationId', { message: '申込IDは半角数字で入力してください。' });
      return;
    }
    const registeredFrom = values.registeredFrom.trim() ? parseDay(values.registeredFrom) : '';
    const registeredTo = values.registeredTo.trim() ? parseDay(values.registeredTo) : '';
    if (registeredFrom === null || registeredTo === null) {
      setError(registeredFrom === null ? 'registeredFrom' : 'registeredTo', {
        message: '申込登録日は「2026/04/01」の形式で入力してください。',
      });
      return;
    }
    if (registeredFrom && registeredTo && registeredFrom > registeredTo) {
      setError('registeredTo', {
        message: '申込登録日の終了日は開始日以降の日付を入力してください。',
      });
      return;
    }
    const next: ApplicationSearchInput = {};
    if (id) next.applicationId = Number(id);
    if (registeredFrom) next.registeredFrom = registeredFrom;
    if (registeredTo) next.registeredTo = registeredTo;
    if (values.customerName.trim()) next.customerName = values.customerName.trim();
    setOffset(0);
    setFilter(next);
  }

  const summary = Object.entries(errors).map(([name, value]) => ({
    name,
    message: value?.message ?? '',
  }));
  const from = page && page.total > 0 ? page.offset + 1 : 0;
  const to = page ? page.offset + page.items.length : 0;

  return (
    <div>
      <PageTitle>高圧Bルートお申込み一覧の検索</PageTitle>
      <ErrorSummary items={summary} message={problem} />
      <section aria-labelledby="criteria">
        <h2 id="criteria">■ 検索条件</h2>
        <p className="help">
          「申込ID」「申込登録日」「需要家名」のどれか一つでも検索できます。何も入力せずに検索すると、すべてのお申込みを新しい順に表示します。
        </p>
        <form
          onSubmit={(event) => void handleSubmit(onSubmit)(event)}
          noValidate
          className="search-form"
        >
          <Field
            name="applicationId"
            label="申込ID"
            hint="(半角数字)"
            error={errors.applicationId?.message}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                className="short"
                {...register('applicationId')}
              />
            )}
          </Field>
          <div className="field" role="group" aria-labelledby="registered-label">
            <span id="registered-label" className="label">
              申込登録日
              <span className="hint" id="registered-hint">
                (例：2026/04/01 ～ 2026/04/30)
              </span>
            </span>
            <div className="range">
              <label htmlFor="f-registeredFrom" className="visually-hidden">
                申込登録日（開始日）
              </label>
              <input
                id="f-registeredFrom"
                type="text"
                inputMode="numeric"
                aria-describedby="registered-hint"
                aria-invalid={errors.registeredFrom ? true : undefined}
                {...register('registeredFrom')}
              />
              <span aria-hidden="true">～</span>
              <label htmlFor="f-registeredTo" className="visually-hidden">
                申込登録日（終了日）
              </label>
              <input
                id="f-registeredTo"
                type="text"
                inputMode="numeric"
                aria-invalid={errors.registeredTo || errors.registeredFrom ? true : undefined}
                aria-describedby={
                  errors.registeredTo || errors.registeredFrom
                    ? 'registered-hint f-registeredTo-error'
                    : 'registered-hint'
                }
                {...register('registeredTo')}
              />
            </div>
            {(errors.registeredTo ?? errors.registeredFrom) && (
              <p className="error-message" id="f-registeredTo-error">
                {(errors.registeredTo ?? errors.registeredFrom)?.message}
              </p>
            )}
          </div>
          <Field
            name="customerName"
            label="需要家名"
            help={
              <p>
                名前の一部でも検索できます（全角・半角、ひらがな・カタカナの違いは区別しません）。
              </p>
            }
          >
            {(props) => (
              <input {...props} type="text" className="wide" {...register('customerName')} />
            )}
          </Field>
          <button type="submit" className="button-primary">
            検索
          </button>
        </form>
      </section>
      <section aria-labelledby="results" aria-live="polite">
        <h2 id="results">■ 申込一覧</h2>
        <RefusalNotice refusal={refusalOf(error)} />
        {fetching && <Loading />}
        {!filter && <p>検索条件を入力し、「検索」を押してください。</p>}
        {page && (
          <>
            <p className="count">
              {page.total === 0
                ? '該当するお申込みはありません。'
                : `${from}-${to}件目表示 (${totalText(page.total, page.totalCapped)})`}
            </p>
            {page.items.length > 0 && <ApplicationTable rows={page.items} caption="検索結果" />}
            <Pager
              offset={offset}
              shown={page.items.length}
              total={page.total}
              totalCapped={page.totalCapped}
              pageSize={PAGE}
              onOffset={setOffset}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** APP-10's N: 「1,234件中」, or 「1,000件以上」 when the search stopped counting there. */
export function totalText(total: number, capped: boolean): string {
  return capped ? `${total.toLocaleString('ja-JP')}件以上` : `${total}件中`;
}
