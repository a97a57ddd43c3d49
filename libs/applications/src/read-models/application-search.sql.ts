import { SHORTEST_TRIGRAM_SEARCH } from '../projections/customer-name-search-key';
import type { ApplicationKind, ApplicationStatus } from '../domain/application.event';

/** APP-10 criteria as the read model compares them; every one given must hold. */
export interface SearchConditions {
  readonly applicationId?: number;
  /** Inclusive. */
  readonly registeredFrom?: Date;
  /** Exclusive: the start of the day after the last one asked for. */
  readonly registeredBefore?: Date;
  /** Already folded by `customerNameSearchKey`; matched anywhere in the key. */
  readonly customerNameKey?: string;
  readonly status?: ApplicationStatus;
  readonly kind?: ApplicationKind;
  /** Exclusive (OPS-1: untouched since). */
  readonly updatedBefore?: Date;
  /** Visibility: a customer's search is always limited to its own. */
  readonly ownerAccountId?: string;
}

export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

export interface SearchStatements {
  /**
   * The matches' IDs newest first, no more than one past `countCap(page)`: their number is the
   * total, and under the cap the page is a slice of them.
   */
  readonly matches: SqlStatement;
  /** The planner's estimate of how many match (`EXPLAIN (FORMAT JSON)`), found without reading them. */
  readonly estimate: SqlStatement;
  /** The page when more match than were listed: newest first down the date index. */
  readonly page: SqlStatement;
}

/** A search counts its matches up to this many, or to the end of the page asked for if further. */
export const COUNT_CAP = 1_000;

/**
 * Where counting stops for `page`: past it the total is shown as a lower bound (「1,000件以上」).
 * At least the end of the page, so that a capped total still says a next page exists.
 */
export function countCap(page: { readonly offset: number; readonly limit: number }): number {
  return Math.max(COUNT_CAP, page.offset + page.limit);
}

/** `%`, `_` and the escape itself match literally: a name may contain them. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (character) => `\\${character}`)}%`;
}

function tableOf(schema: string): string {
  return `"${schema.replaceAll('"', '""')}".application_search`;
}

/**
 * The statements a search runs, newest first. Built here alone so that the EXPLAIN spec checks
 * the very SQL the query sends: a partial name is `LIKE '%…%'` on the folded key, which the
 * trigram GIN index answers, or at one and two characters the grams' GIN index.
 */
export function searchStatements(
  schema: string,
  conditions: SearchConditions,
  page: { readonly offset: number; readonly limit: number },
): SearchStatements {
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  if (conditions.applicationId !== undefined)
    where.push(`application_id = ${bind(conditions.applicationId)}`);
  if (conditions.registeredFrom !== undefined)
    where.push(`registered_at >= ${bind(conditions.registeredFrom)}`);
  if (conditions.registeredBefore !== undefined)
    where.push(`registered_at < ${bind(conditions.registeredBefore)}`);
  const nameKey = conditions.customerNameKey;
  if (nameKey !== undefined && [...nameKey].length < SHORTEST_TRIGRAM_SEARCH)
    where.push(`customer_name_grams @> ARRAY[${bind(nameKey)}::text]`);
  else if (nameKey !== undefined)
    where.push(`customer_name_key LIKE ${bind(likeContaining(nameKey))} ESCAPE '\\'`);
  if (conditions.status !== undefined) where.push(`status = ${bind(conditions.status)}`);
  if (conditions.kind !== undefined) where.push(`kind = ${bind(conditions.kind)}`);
  if (conditions.updatedBefore !== undefined)
    where.push(`updated_at < ${bind(conditions.updatedBefore)}`);
  if (conditions.ownerAccountId !== undefined)
    where.push(`owner_account_id = ${bind(conditions.ownerAccountId)}`);
  const table = tableOf(schema);
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const filterValues = [...values];
  return {
    // Any cap + 1 of them, then sorted: found through whichever index suits the conditions, each
    // read once. Under the cap that is all of them, and the page needs no second search.
    matches: {
      text: `SELECT application_id FROM (
          SELECT application_id, registered_at FROM ${table}${filter} LIMIT ${countCap(page) + 1}
        ) AS matches ORDER BY registered_at DESC, application_id DESC`,
      values: filterValues,
    },
    estimate: {
      text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table}${filter}`,
      values: filterValues,
    },
    page: {
      text: `SELECT application_id, revision, view FROM ${table}${filter}
        ORDER BY registered_at DESC, application_id DESC OFFSET ${bind(page.offset)} LIMIT ${bind(page.limit)}`,
      values,
    },
  };
}

/** The rows of a page whose IDs `matches` listed, in no particular order. */
export function rowsWithIds(schema: string, ids: readonly number[]): SqlStatement {
  return {
    text: `SELECT application_id, revision, view FROM ${tableOf(schema)} WHERE application_id = ANY($1::int[])`,
    values: [ids],
  };
}
