import { countCap, type SearchConditions, type SearchStatements } from './application-search.sql';

/** APP-10's N: exact up to the cap, else the cap as a lower bound (「1,000件以上」). */
export interface SearchTotal {
  readonly total: number;
  /** True when more than `total` match. */
  readonly capped: boolean;
}

/** A name search the planner expects to match this many times the cap is not counted at all. */
const DENSE = 10;

type Run = <T>(statement: {
  readonly text: string;
  readonly values: readonly unknown[];
}) => Promise<T[]>;

/**
 * Counts a search's matches no further than the cap. A piece of a name in a tenth of all names
 * (one kana, 「会社」) would still cost a bitmap over every match before the count could stop, so
 * a name search first asks the planner how many it expects (its statistics on the names are
 * per piece), and one expected at ten times the cap or more is answered as capped unread.
 */
export async function countSearch(
  run: Run,
  conditions: SearchConditions,
  statements: SearchStatements,
  page: { readonly offset: number; readonly limit: number },
): Promise<SearchTotal> {
  const cap = countCap(page);
  if (conditions.customerNameKey !== undefined) {
    const [row] = await run<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(
      statements.estimate,
    );
    const explained = row?.['QUERY PLAN'];
    const plan =
      typeof explained === 'string'
        ? (JSON.parse(explained) as [{ Plan: { 'Plan Rows': number } }])
        : explained;
    if ((plan?.[0]?.Plan['Plan Rows'] ?? 0) >= DENSE * cap) return { total: cap, capped: true };
  }
  const [counted] = await run<{ total: number }>(statements.count);
  const total = counted?.total ?? 0;
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}
