import {
  countCap,
  rowsWithIds,
  searchStatements,
  type SearchConditions,
  type SqlStatement,
} from './application-search.sql';

/** A name search the planner expects to match this many times the cap is not counted at all. */
const DENSE = 10;

type Run = <T>(statement: SqlStatement) => Promise<T[]>;

export interface SearchRow {
  readonly application_id: number;
}

/** APP-10's page and N: exact up to the cap, else the cap as a lower bound (「1,000件以上」). */
export interface SearchOutcome<Row extends SearchRow> {
  readonly total: number;
  /** True when more than `total` match. */
  readonly capped: boolean;
  /** The page, newest first. */
  readonly rows: Row[];
}

/**
 * One search as the read model answers it. The matches' IDs are listed newest first up to one
 * past the cap: under it they are the total and the page is a slice of them, read by key; past
 * it the page is read down the date index, where matches are dense enough to be met soon.
 *
 * A piece of a name in a tenth of all names (one kana, 「会社」) would still cost a bitmap over
 * every match before the listing could stop, so a name search first asks the planner how many it
 * expects (its statistics on the names are per piece), and one expected at ten times the cap or
 * more is answered as capped without listing.
 */
export async function runSearch<Row extends SearchRow>(
  run: Run,
  schema: string,
  conditions: SearchConditions,
  page: { readonly offset: number; readonly limit: number },
): Promise<SearchOutcome<Row>> {
  const cap = countCap(page);
  const statements = searchStatements(schema, conditions, page);
  const dense =
    conditions.customerNameKey !== undefined &&
    (await estimatedMatches(run, statements.estimate)) >= DENSE * cap;
  if (!dense) {
    const ids = (await run<{ application_id: number }>(statements.matches)).map(
      (row) => row.application_id,
    );
    if (ids.length <= cap) {
      const wanted = ids.slice(page.offset, page.offset + page.limit);
      const rows = wanted.length > 0 ? await run<Row>(rowsWithIds(schema, wanted)) : [];
      const order = new Map(wanted.map((id, index) => [id, index]));
      rows.sort((a, b) => (order.get(a.application_id) ?? 0) - (order.get(b.application_id) ?? 0));
      return { total: ids.length, capped: false, rows };
    }
  }
  return { total: cap, capped: true, rows: await run<Row>(statements.page) };
}

async function estimatedMatches(run: Run, estimate: SqlStatement): Promise<number> {
  const [row] = await run<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(estimate);
  const explained = row?.['QUERY PLAN'];
  const plan =
    typeof explained === 'string'
      ? (JSON.parse(explained) as [{ Plan: { 'Plan Rows': number } }])
      : explained;
  return plan?.[0]?.Plan['Plan Rows'] ?? 0;
}
