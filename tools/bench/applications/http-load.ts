import autocannon from 'autocannon';

export interface LoadResult {
  readonly connections: number;
  readonly seconds: number;
  /** Answered without an HTTP or GraphQL error. */
  readonly succeeded: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  /** Succeeded per second of the run. */
  readonly rate: number;
  /** Latency of every answered request, in ms. */
  readonly p50: number;
  readonly p99: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  /** The JSON body of the next request. */
  readonly body: () => string;
}

/**
 * `connections` clients POST to /graphql back to back for `seconds` (autocannon, in this process).
 * GraphQL answers failures with status 200 and `errors`, so each body is looked at.
 */
export async function postLoad(options: LoadOptions): Promise<LoadResult> {
  let failed = 0;
  let firstFailure: string | null = null;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({ ...request, body: options.body() }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) return;
          failed += 1;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const answered = result.requests.total;
  const succeeded = answered - failed;
  return {
    connections: options.connections,
    seconds: result.duration,
    succeeded,
    failed: failed + result.errors,
    firstFailure: firstFailure ?? (result.errors > 0 ? `${result.errors} connection errors` : null),
    rate: succeeded / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
