import { summarize, type Summary } from '../stats';
import { graphql } from './bench-graphql';

const SEARCH = `query Search($filter: ApplicationSearchInput!, $limit: Int) {
  searchApplications(filter: $filter, limit: $limit) {
    total offset limit
    items { id registeredAt status customer { name } }
  }
}`;

export type SearchFilter = Record<string, string | number>;

export interface SearchResult extends Summary {
  readonly kind: string;
  /** Why no figure, e.g. the query is not served yet. */
  readonly failure?: string;
  /** Queries that found at least one application. */
  readonly found: number;
  readonly meanTotal: number;
}

interface Page {
  readonly searchApplications?: { readonly total: number; readonly items: readonly unknown[] };
}

/**
 * `queries` requests one after the other (latency, not throughput) as the given account, after
 * `warmup` unmeasured ones. Times are request to parsed answer, in ms.
 */
async function sequentialLatency(
  url: string,
  token: string,
  kind: string,
  request: (i: number) => { query: string; variables: Record<string, unknown> },
  queries: number,
  warmup: number,
): Promise<SearchResult> {
  try {
    return await measure(url, token, kind, request, queries, warmup);
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { kind, ...summarize([]), found: 0, meanTotal: 0, failure };
  }
}

async function measure(
  url: string,
  token: string,
  kind: string,
  request: (i: number) => { query: string; variables: Record<string, unknown> },
  queries: number,
  warmup: number,
): Promise<SearchResult> {
  const times: number[] = [];
  let found = 0;
  let totals = 0;
  for (let i = -warmup; i < queries; i++) {
    const { query, variables } = request(i);
    const started = performance.now();
    const page = await graphql<Page>(url, query, variables, token);
    const elapsed = performance.now() - started;
    if (i < 0) continue;
    times.push(elapsed);
    totals += page.searchApplications?.total ?? 0;
    if ((page.searchApplications?.items.length ?? 0) > 0) found += 1;
  }
  return { kind, ...summarize(times), found, meanTotal: totals / queries };
}

/** searchApplications with a fresh filter each time, 20 rows a page as APP-10 lists them. */
export function searchLatency(
  url: string,
  token: string,
  kind: string,
  filter: (i: number) => SearchFilter,
  queries: number,
  warmup: number,
): Promise<SearchResult> {
  return sequentialLatency(
    url,
    token,
    kind,
    (i) => ({ query: SEARCH, variables: { filter: filter(i), limit: 20 } }),
    queries,
    warmup,
  );
}

/** The floor for a search: an authenticated request for a constant, through the same gateway. */
export function bareQueryLatency(
  url: string,
  token: string,
  queries: number,
  warmup: number,
): Promise<SearchResult> {
  return sequentialLatency(
    url,
    token,
    'bare { today } (baseline)',
    () => ({ query: '{ today }', variables: {} }),
    queries,
    warmup,
  );
}
