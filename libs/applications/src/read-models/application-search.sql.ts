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
  /** How many match, counting no further than one past `countCap(page)`. */
  readonly count: SqlStatement;
  /** The planner's estimate of how many match (`EXPLAIN (FORMAT JSON)`), found without reading them. */
  readonly estimate: SqlStatement;
  readonly page: SqlStatement;
}

/** Up to this many matches a search page sorts them rather than walking the date index. */
const FEW_MATCHES = 2_000;

/** A search counts its matches up to this many, or to the end of the page asked for if further. */
export const COUNT_CAP = 1_000;

/**
 * Where counting stops for `page`: past it the total is shown as a lower bound (「1,000件以上」).
 * At least the end of the page, so that a capped total still says a next page exists.
 */
export function countCap(page: { readonly offset: number; readonly limit: number }): number {
  return Math.max(COUNT_CAP, page.offset + page.limit);
}

/**
 * Whether one index finds every match in registration order: a registration range alone, or with
 * the owner or the status, whose indexes continue with `registered_at`.
 */
function indexOrdered(conditions: SearchConditions): boolean {
  const {
    registeredFrom: _from,
    registeredBefore: _before,
    ownerAccountId,
    status,
    ...others
  } = conditions;
  const alone = Object.values(others).every((value) => value === undefined);
  return alone && (ownerAccountId === undefined || status === undefined);
}

/** `%`, `_` and the escape itself match literally: a name may contain them. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (character) => `\\${character}`)}%`;
}

/**
 * The two statements a search runs, newest first. Built here alone so that the EXPLAIN spec
 * checks the very SQL the query sends: a partial name is `LIKE '%…%'` on the folded key, which
 * the trigram GIN index answers.
 */
export function searchStatements(
  schema: string,
  conditions: SearchConditions,
  page: { readonly offset: number; readonly limit: number },
  /** The exact count, when known: a few matches are sorted, not looked for down the date index. */
  total?: number,
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
  const table = `"${schema.replaceAll('"', '""')}".application_search`;
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const filterValues = [...values];
  // Walking the date index newest first and filtering pays when matches are dense; for a few
  // matches spread over the years it reads most of the table (the planner cannot tell when a
  // name piece's statistics are missing or off). The same order on an expression the index does
  // not cover makes it fetch the matches through their own index and sort them instead. Not when
  // one index both finds the matches and holds them newest first: sorting would read every one.
  const newest =
    total !== undefined && total <= FEW_MATCHES && where.length > 0 && !indexOrdered(conditions)
      ? `registered_at + interval '0 s' DESC`
      : 'registered_at DESC';
  const matches = `SELECT 1 FROM ${table}${filter}`;
  return {
    count: {
      text: `SELECT count(*)::int AS total FROM (${matches} LIMIT ${countCap(page) + 1}) AS matches`,
      values: filterValues,
    },
    estimate: { text: `EXPLAIN (FORMAT JSON) ${matches}`, values: filterValues },
    page: {
      text: `SELECT application_id, revision, view FROM ${table}${filter}
        ORDER BY ${newest}, application_id DESC OFFSET ${bind(page.offset)} LIMIT ${bind(page.limit)}`,
      values,
    },
  };
}
