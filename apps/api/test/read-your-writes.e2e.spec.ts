import { randomUUID } from 'node:crypto';
import { ProjectionRunners } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { describeOnServer } from '@test/describe-on-server';
import pg from 'pg';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';
import { signIn, type SignedIn } from './test-sessions';

const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { id status revision } }`;
const SEARCH = `query Search($filter: ApplicationSearchInput!) { searchApplications(filter: $filter) { total items { id } } }`;

/** How long the unrelated transactions stay open while submissions go on. */
const HELD_MS = 10_000;

function submission() {
  return {
    kind: 'NEW',
    customer: {
      name: '東京電機工業株式会社',
      department: '総務部',
      contactName: '山田　太郎',
      phone: '03-1234-5678',
    },
    applicant: {
      company: 'エネルギー管理サービス株式会社',
      department: '技術部',
      name: '田中　花子',
      phone1: '090-1234-5678',
      phone2: null,
      email: 'hanako.tanaka@example.co.jp',
      fax: null,
    },
    meteringPoints: [{ pointId: '03-1011-0000-0000-0000-0000', meterId: 'F146832' }],
    desiredStartDate: new Date(Date.now() + 9 * 3_600_000 + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10),
    consentConfirmed: true,
  };
}

function submitted(response: GraphqlResponse): { id: number; status: string } {
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data?.['submitApplication'] as { id: number; status: string };
}

async function searchIds(api: TestApp, who: SignedIn, id: number): Promise<number[]> {
  const response = await postGraphql(
    api.url,
    { query: SEARCH, variables: { filter: { applicationId: id } } },
    who.headers,
  );
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  const page = response.body.data?.['searchApplications'] as { items: { id: number }[] };
  return page.items.map((item) => item.id);
}

/** A transaction with a transaction id, writing to a table of its own, open until `end`. */
async function holdUnrelatedWrite(url: string): Promise<{ xid: string; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('CREATE TEMP TABLE unrelated_work (n int) ON COMMIT DROP');
  await client.query('INSERT INTO unrelated_work VALUES (1)');
  const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  return {
    xid: rows[0]?.xid ?? '',
    async end() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describeOnServer('submissions while an unrelated transaction is open', (server) => {
  let api: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    api = await startTestApp(server);
    owner = await signIn(api.app, 'CUSTOMER');
  });
  afterAll(async () => api?.close());

  it(`answer and are searchable at once while transactions in this and another database stay open for ${HELD_MS / 1000} s`, async () => {
    const here = await holdUnrelatedWrite(server.url);
    const other = new URL(server.url);
    other.pathname = '/postgres';
    const elsewhere = await holdUnrelatedWrite(other.toString());
    const probe = new pg.Client({ connectionString: server.url });
    await probe.connect();
    try {
      const until = Date.now() + HELD_MS;
      let submissions = 0;
      while (Date.now() < until) {
        const response = await postGraphql(
          api.url,
          { query: SUBMIT, variables: { input: submission() } },
          owner.headers,
        );
        const { id, status } = submitted(response);
        expect(status).toBe('RECEIVED');
        expect(response.body).not.toHaveProperty('extensions.readModelBehind');
        expect(await searchIds(api, owner, id)).toEqual([id]);
        submissions += 1;
      }
      // Both were open all along: the server-wide xmin is still held back by them.
      const { rows } = await probe.query<{ held: boolean }>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot()) <= $1::xid8 AS held`,
        [here.xid],
      );
      expect(rows[0]?.held).toBe(true);
      expect(submissions).toBeGreaterThan(0);
    } finally {
      await probe.end();
      await here.end();
      await elsewhere.end();
    }
  }, 60_000);
});

describe.each(testDatabaseTargets())('a read model that does not catch up, on $kind', (target) => {
  let api: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    api = await startTestApp(target);
    owner = await signIn(api.app, 'CUSTOMER');
  });
  afterAll(async () => api?.close());

  it('answers the mutation from the aggregate and says the search read model is behind, not a 500', async () => {
    const runners = api.app.get(ProjectionRunners);
    await runners.runner('application-search').stop();
    try {
      const response = await postGraphql(
        api.url,
        { query: SUBMIT, variables: { input: submission() } },
        { ...owner.headers, 'x-correlation-id': randomUUID() },
      );
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      const { id, status } = submitted(response);
      expect(status).toBe('RECEIVED');
      expect(response.body).toHaveProperty('extensions.readModelBehind', ['application-search']);
      expect(await searchIds(api, owner, id)).toEqual([]);
    } finally {
      runners.runner('application-search').start();
    }
  }, 30_000);
});
