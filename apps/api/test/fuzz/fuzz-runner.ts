import type pg from 'pg';
import type { Caller, OperationCase } from './contract-arbitraries';
import {
  AWAITING_ACCESS_BRANCH,
  answerViolations,
  isRefusal,
  type Answer,
  type Violation,
} from './invariants';
import type { RawRequest } from './raw-documents';

/**
 * Events a refused command may still leave: the account's record of a failed login attempt
 * (ACC-4's counter and lock, kept for auditors). Anything else written for a refused request is
 * half a write.
 */
const RECORDS_OF_REFUSALS: Readonly<Record<string, ReadonlySet<string>>> = {
  login: new Set(['LoginFailed', 'LoginRefused', 'AccountLocked', 'AccountDeletedForInactivity']),
};

export interface FuzzTarget {
  readonly url: string;
  /** A pool on the app's database; `schema` is where its events table is. */
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly headersOf: (caller: Caller) => Record<string, string>;
}

export type FuzzCase = { readonly operation: OperationCase } | { readonly raw: RawRequest };

interface Sent {
  readonly correlationId: string;
  readonly label: string;
  readonly fuzzCase: FuzzCase;
  readonly answer: Answer;
}

export interface Finding {
  readonly label: string;
  readonly correlationId: string;
  readonly violation: Violation;
  readonly request: string;
}

/** Requests per label, violations set aside for another branch, every refused correlation id. */
export class FuzzLedger {
  readonly requests = new Map<string, number>();
  readonly awaiting = new Map<string, number>();
  readonly refused = new Map<string, string>();
  /** The last event position a batch has looked at. */
  head = '0';
  batches = 0;
  private serial = 0;

  nextCorrelationId(label: string): string {
    this.serial += 1;
    return `fuzz-${label.replace(/[^A-Za-z0-9]/g, '-')}-${this.serial}`;
  }

  count(label: string): void {
    this.requests.set(label, (this.requests.get(label) ?? 0) + 1);
  }
}

function summary(fuzzCase: FuzzCase, limit = 600): string {
  const text =
    'operation' in fuzzCase
      ? JSON.stringify({
          caller: fuzzCase.operation.caller,
          field: fuzzCase.operation.field,
          variables: fuzzCase.operation.variables,
        })
      : JSON.stringify({
          kind: fuzzCase.raw.kind,
          method: fuzzCase.raw.method,
          search: fuzzCase.raw.search,
          headers: fuzzCase.raw.headers,
          body:
            typeof fuzzCase.raw.body === 'string'
              ? fuzzCase.raw.body
              : fuzzCase.raw.body && Buffer.from(fuzzCase.raw.body).toString('hex'),
        });
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;
}

async function send(
  target: FuzzTarget,
  fuzzCase: FuzzCase,
  correlationId: string,
): Promise<Answer> {
  let request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string | Uint8Array;
  };
  if ('operation' in fuzzCase) {
    const { query, variables, caller } = fuzzCase.operation;
    request = {
      method: 'POST',
      url: `${target.url}/graphql`,
      headers: { 'content-type': 'application/json', ...target.headersOf(caller) },
      body: JSON.stringify({ query, variables }),
    };
  } else {
    const { method, search, headers, body } = fuzzCase.raw;
    request = {
      method,
      url: `${target.url}/graphql${search !== undefined ? `?${search}` : ''}`,
      headers,
      ...(body !== undefined ? { body } : {}),
    };
  }
  const response = await fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, 'x-correlation-id': correlationId },
    // A copy on its own ArrayBuffer: the DOM typings (pulled in by the browser specs) accept no other.
    body: typeof request.body === 'object' ? new Uint8Array(request.body) : request.body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    ...(json !== undefined ? { json } : {}),
  };
}

async function eventsSince(
  target: FuzzTarget,
  position: string,
): Promise<{ position: string; type: string; stream: string; correlationId: string | null }[]> {
  const { rows } = await target.pool.query<{
    position: string;
    type: string;
    stream: string;
    correlation_id: string | null;
  }>(
    `SELECT global_position::text AS position, type, stream_id AS stream,
            metadata::jsonb ->> 'correlationId' AS correlation_id
       FROM "${target.schema}".events WHERE global_position > $1 ORDER BY global_position`,
    [position],
  );
  return rows.map((row) => ({ ...row, correlationId: row.correlation_id }));
}

/** Events written for a refused request, apart from the record of a refusal itself. */
export async function eventsOfRefusals(
  target: FuzzTarget,
  ledger: FuzzLedger,
  since = '0',
): Promise<Finding[]> {
  return refusalFindings(ledger, await eventsSince(target, since));
}

function refusalFindings(
  ledger: FuzzLedger,
  events: Awaited<ReturnType<typeof eventsSince>>,
): Finding[] {
  const findings: Finding[] = [];
  for (const event of events) {
    const label = event.correlationId ? ledger.refused.get(event.correlationId) : undefined;
    if (label === undefined || RECORDS_OF_REFUSALS[label]?.has(event.type)) continue;
    findings.push({
      label,
      correlationId: event.correlationId ?? '',
      violation: {
        rule: 'no event for a refused command',
        detail: `${event.type} on ${event.stream} at position ${event.position}`,
      },
      request: '',
    });
  }
  return findings;
}

/**
 * Sends a batch at once and checks every answer, that nothing was appended for a refused request
 * (attributed by correlation id, as the events' metadata records it), and that the API still
 * answers a plain query. Resolves with what broke; violations another branch fixes are counted
 * in the ledger instead.
 */
export async function runBatch(
  target: FuzzTarget,
  ledger: FuzzLedger,
  batch: readonly FuzzCase[],
): Promise<Finding[]> {
  const sent: Sent[] = await Promise.all(
    batch.map(async (fuzzCase) => {
      const label = 'operation' in fuzzCase ? fuzzCase.operation.field : fuzzCase.raw.kind;
      const correlationId = ledger.nextCorrelationId(label);
      ledger.count(label);
      return {
        correlationId,
        label,
        fuzzCase,
        answer: await send(target, fuzzCase, correlationId),
      };
    }),
  );
  const findings: Finding[] = [];
  for (const { correlationId, label, fuzzCase, answer } of sent) {
    if (isRefusal(answer)) ledger.refused.set(correlationId, label);
    const request = 'operation' in fuzzCase ? fuzzCase.operation : fuzzCase.raw;
    const field = 'operation' in fuzzCase ? fuzzCase.operation.field : undefined;
    for (const violation of answerViolations(answer, request, field)) {
      const gap = AWAITING_ACCESS_BRANCH.find((known) => known.covers(answer, violation));
      if (gap) {
        ledger.awaiting.set(gap.name, (ledger.awaiting.get(gap.name) ?? 0) + 1);
        continue;
      }
      findings.push({ label, correlationId, violation, request: summary(fuzzCase) });
    }
  }
  // Attributed by correlation id, so an event committed late still lands on its request; the
  // final scan from position 0 catches those written after their batch was checked.
  const appended = await eventsSince(target, ledger.head);
  ledger.head = appended.at(-1)?.position ?? ledger.head;
  for (const finding of refusalFindings(ledger, appended)) {
    const culprit = sent.find((one) => one.correlationId === finding.correlationId);
    findings.push({
      ...finding,
      violation: {
        ...finding.violation,
        detail: `${finding.violation.detail} (${appended.length} events appended over the batch)`,
      },
      request: culprit ? summary(culprit.fuzzCase) : '(an earlier batch)',
    });
  }
  if (ledger.batches++ % LIVENESS_EVERY === 0) {
    const alive = await isAlive(target, ledger);
    if (alive !== true) {
      findings.push({
        label: 'liveness',
        correlationId: '',
        violation: { rule: 'process alive', detail: `{ today } after the batch: ${alive}` },
        request: sent.map((one) => summary(one.fuzzCase, 200)).join('\n'),
      });
    }
  }
  return findings;
}

/** Every request gets an answer or the batch throws; this also asks after a batch of refusals. */
const LIVENESS_EVERY = 4;

/** The API still answers a plain query: true, or what it did instead. */
export async function isAlive(target: FuzzTarget, ledger: FuzzLedger): Promise<true | string> {
  const probe: FuzzCase = {
    raw: {
      kind: 'liveness',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ today }"}',
    },
  };
  try {
    const answer = await send(target, probe, ledger.nextCorrelationId('liveness'));
    return answer.status === 200 && answer.text.includes('"today"')
      ? true
      : answer.text.slice(0, 200);
  } catch (error) {
    return String(error);
  }
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (finding) =>
        `[${finding.violation.rule}] ${finding.label} (${finding.correlationId}): ${finding.violation.detail}\n  request: ${finding.request}`,
    )
    .join('\n');
}
