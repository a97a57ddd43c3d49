import type { SmtpTestServer } from '@app/notifications/testing';
import { submissionInput } from '../../bench/applications/submission-inputs';
import { pause } from './api-process';

const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { id } }`;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const APPLICATION = `query Application($id: Int!) { application(id: $id) { id status } }`;
const SEARCH = `query Search($offset: Int!) {
  searchApplications(filter: {}, offset: $offset, limit: 100) { total items { id } }
}`;
const PASSWORD = 'kumo-no-ue_2026';
const REQUEST_TIMEOUT_MS = 30_000;

/** What one HTTP request got: data, the contract's error code, or no answer at all. */
export interface Answer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly code?: string;
  readonly reason?: string;
  /** No HTTP answer: refused connection, reset, timeout. */
  readonly network?: string;
}

async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let body: {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string; reason?: string } }[];
    } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { status: response.status, code: 'NOT_JSON' };
    }
    const error = body.errors?.[0];
    return error
      ? {
          status: response.status,
          code: error.extensions?.code ?? 'NO_CODE',
          reason: error.extensions?.reason,
        }
      : { status: response.status, data: body.data };
  } catch (error) {
    return { status: 0, network: error instanceof Error ? error.message : String(error) };
  }
}

export interface Customer {
  readonly index: number;
  readonly userId: string;
  readonly token: string;
}

/** ACC-1/ACC-2 over HTTP: registers, opens the verification link of the mail it gets, logs in. */
export async function signUp(
  url: string,
  smtp: SmtpTestServer,
  run: number,
  index: number,
): Promise<Customer> {
  const userId = `fault${run}_c${index}`;
  const email = `${userId}@example.jp`;
  const registered = await graphql(url, REGISTER, {
    input: { userId, password: PASSWORD, email, name: '需要 太郎', phone: '03-1234-5678' },
  });
  if (!registered.data) throw new Error(`registerAccount: ${JSON.stringify(registered)}`);
  const mail = await smtp.waitForMail((m) => m.envelopeTo.includes(email));
  const link = /\/verify-email\?token=(\S+)$/m.exec(mail.text);
  if (!link?.[1]) throw new Error(`no verification link for ${email}`);
  const verified = await graphql(url, VERIFY, { token: decodeURIComponent(link[1]) });
  if (!verified.data) throw new Error(`verifyEmail: ${JSON.stringify(verified)}`);
  const login = await graphql(url, LOGIN, { userId, password: PASSWORD });
  const token = (login.data?.login as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`login: ${JSON.stringify(login)}`);
  return { index, userId, token };
}

/** One submission of the load: its point and applicant are its own. */
export interface Submission {
  readonly customer: Customer;
  readonly n: number;
  readonly pointId: string;
  readonly applicantEmail: string;
  readonly startedAt: number;
  readonly answeredAt: number;
  readonly answer: Answer;
  /** The 申込ID when acknowledged. */
  readonly id?: number;
}

export function submit(
  url: string,
  run: number,
  customer: Customer,
  n: number,
): Promise<Submission> {
  const input = submissionInput(run, n, new Date());
  const startedAt = Date.now();
  return graphql(url, SUBMIT, { input }, customer.token).then((answer) => {
    const id = (answer.data?.submitApplication as { id?: number } | undefined)?.id;
    return {
      customer,
      n,
      pointId: input.meteringPoints[0]?.pointId ?? '',
      applicantEmail: input.applicant.email,
      startedAt,
      answeredAt: Date.now(),
      answer,
      ...(id !== undefined ? { id } : {}),
    };
  });
}

/**
 * Customers submitting back to back, each a NEW application on a point of its own, against the
 * API addresses in turn (a client fails over to the next address when one does not answer).
 */
export class CustomerLoad {
  readonly submissions: Submission[] = [];
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private next = 0;

  constructor(
    private readonly urls: () => readonly string[],
    private readonly run: number,
    private readonly customers: readonly Customer[],
    /** The load ends by itself once this many submissions were acknowledged. */
    private readonly maxAcknowledged: number,
  ) {}

  start(): void {
    this.running = Promise.all(this.customers.map((customer) => this.loop(customer))).then(
      () => undefined,
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  get acknowledged(): Submission[] {
    return this.submissions.filter((s) => s.id !== undefined);
  }

  /** One more submission of the first customer to `url`, recorded and checked as the others. */
  async probe(url: string): Promise<Submission> {
    const customer = this.customers[0];
    if (!customer) throw new Error('a load without customers');
    const done = await submit(url, this.run, customer, this.next++);
    this.submissions.push(done);
    return done;
  }

  private async loop(customer: Customer): Promise<void> {
    let attempt = customer.index;
    while (!this.stopped && this.acknowledged.length < this.maxAcknowledged) {
      const n = this.next++;
      const urls = this.urls();
      const url = urls[attempt % urls.length] ?? '';
      const done = await submit(url, this.run, customer, n);
      this.submissions.push(done);
      if (done.answer.network) attempt += 1;
      // Refused or unanswered: a real client waits a few seconds before it tries again.
      await pause(done.id === undefined ? 3000 : 100);
    }
  }
}

export async function readApplication(
  url: string,
  customer: Customer,
  id: number,
): Promise<Answer> {
  return graphql(url, APPLICATION, { id }, customer.token);
}

/** Every application ID a customer's search finds (APP-10: its own). */
export async function searchAll(url: string, customer: Customer): Promise<Set<number>> {
  const found = new Set<number>();
  for (let offset = 0; ; offset += 100) {
    const answer = await graphql(url, SEARCH, { offset }, customer.token);
    const page = answer.data?.searchApplications as
      { total: number; items: { id: number }[] } | undefined;
    if (!page) throw new Error(`searchApplications: ${JSON.stringify(answer)}`);
    for (const item of page.items) found.add(item.id);
    if (offset + 100 >= page.total) return found;
  }
}
