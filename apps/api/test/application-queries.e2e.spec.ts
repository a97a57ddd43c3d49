import { randomUUID } from 'node:crypto';
import { PII_ERASED, PiiVault } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import pg from 'pg';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';
import { signIn, type SignedIn } from './test-sessions';

const FIELDS = `id kind status registeredAt revision statusReason
  customer { name contactName phone } applicant { name email }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { id revision } }`;
const START = `mutation Start($id: Int!, $rev: Int!) { startProcessing(id: $id, expectedRevision: $rev) { revision } }`;
const RETURN = `mutation Return($id: Int!, $rev: Int!, $reason: String!) {
  returnApplication(id: $id, expectedRevision: $rev, reason: $reason) { revision }
}`;
const GET = `query Get($id: Int!) { application(id: $id) { ${FIELDS} } }`;
const SEARCH = `query Search($filter: ApplicationSearchInput!, $offset: Int, $limit: Int) {
  searchApplications(filter: $filter, offset: $offset, limit: $limit) {
    total offset limit items { ${FIELDS} }
  }
}`;
const HISTORY = `query History($id: Int!) {
  applicationHistory(id: $id) { revision position type occurredAt actorId actorRole data hash }
}`;
const AS_OF = `query AsOf($id: Int!, $at: DateTime!) { applicationAsOf(id: $id, at: $at) { ${FIELDS} } }`;
const VERIFY = `query Verify($id: Int!) { verifyApplicationHistory(id: $id) { intact events firstBrokenRevision } }`;

/** Today in Japan plus `days`, as YYYY-MM-DD. */
function japanDayPlus(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function submission(customerName: string) {
  return {
    kind: 'NEW',
    customer: {
      name: customerName,
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
    desiredStartDate: japanDayPlus(30),
    consentConfirmed: true,
  };
}

/** A kana word no other application of this run carries: full-width, half-width, hiragana. */
function uniqueKana(): { katakana: string; halfWidth: string; hiragana: string } {
  const digits = [...randomUUID().replace(/\D/gu, '').slice(0, 8).padEnd(8, '0')].map(Number);
  const spell = (kana: string) => digits.map((digit) => kana[digit]).join('');
  return {
    katakana: spell('アイウエオカキクケコ'),
    halfWidth: spell('ｱｲｳｴｵｶｷｸｹｺ'),
    hiragana: spell('あいうえおかきくけこ'),
  };
}

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

function dataOf<T>(response: GraphqlResponse, field: string): T {
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data?.[field] as T;
}

interface Page {
  total: number;
  offset: number;
  limit: number;
  items: { id: number; status: string; customer: { name: string; contactName: string } }[];
}

interface HistoryEntry {
  revision: number;
  position: string;
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  data: { customer?: { contactName: string; name: string }; applicant?: { email: string } };
  hash: string;
}

describe.each(testDatabaseTargets())('application queries over HTTP on $kind', (target) => {
  let api: TestApp;
  let pool: pg.Pool;
  let owner: SignedIn;
  let otherCustomer: SignedIn;
  let operator: SignedIn;
  let auditor: SignedIn;

  beforeAll(async () => {
    api = await startTestApp(target);
    pool = new pg.Pool({ connectionString: target.url, max: 1 });
    owner = await signIn(api.app, 'CUSTOMER');
    otherCustomer = await signIn(api.app, 'CUSTOMER');
    operator = await signIn(api.app, 'OPERATOR');
    auditor = await signIn(api.app, 'AUDITOR');
  });

  afterAll(async () => {
    await pool?.end();
    await api?.close();
  });

  function call(query: string, variables: Record<string, unknown>, who?: SignedIn) {
    return postGraphql(api.url, { query, variables }, who?.headers ?? {});
  }

  async function submit(customerName: string, who: SignedIn = owner) {
    const response = await call(SUBMIT, { input: submission(customerName) }, who);
    return dataOf<{ id: number; revision: number }>(response, 'submitApplication');
  }

  async function search(filter: Record<string, unknown>, who: SignedIn, offset = 0, limit = 20) {
    return dataOf<Page>(await call(SEARCH, { filter, offset, limit }, who), 'searchApplications');
  }

  /** Submitted, taken up and returned: three events by two actors. */
  async function returnedApplication(customerName: string) {
    const { id } = await submit(customerName);
    const started = dataOf<{ revision: number }>(
      await call(START, { id, rev: 0 }, operator),
      'startProcessing',
    );
    dataOf(
      await call(
        RETURN,
        { id, rev: started.revision, reason: '計器IDをご確認ください。' },
        operator,
      ),
      'returnApplication',
    );
    return id;
  }

  it('APP-10: submit then search immediately finds it, by a katakana, half-width or hiragana part of the name', async () => {
    const { katakana, halfWidth, hiragana } = uniqueKana();
    const { id } = await submit(`株式会社${katakana}製作所`);
    for (const part of [katakana, hiragana, halfWidth]) {
      const page = await search({ customerName: part }, owner);
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({
        id,
        status: 'RECEIVED',
        customer: { name: `株式会社${katakana}製作所`, contactName: '山田　太郎' },
      });
    }
    const started = await call(START, { id, rev: 0 }, operator);
    expect(started.body.errors).toBeUndefined();
    const afterStart = await search({ applicationId: id }, operator);
    expect(afterStart.items.map((item) => item.status)).toEqual(['IN_PROGRESS']);
  });

  it('APP-10: paged x–y of N, newest first; a customer sees only its own, staff see all', async () => {
    const { hiragana, katakana } = uniqueKana();
    const first = await submit(`${katakana}一`);
    const second = await submit(`${katakana}二`);
    const third = await submit(`${katakana}三`);
    const others = await submit(`${katakana}四`, otherCustomer);

    const top = await search({ customerName: hiragana }, owner, 0, 2);
    expect(top).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(top.items.map((item) => item.id)).toEqual([third.id, second.id]);
    const rest = await search({ customerName: hiragana }, owner, 2, 2);
    expect(rest).toMatchObject({ total: 3, offset: 2, limit: 2 });
    expect(rest.items.map((item) => item.id)).toEqual([first.id]);

    expect(
      (await search({ customerName: hiragana }, otherCustomer)).items.map((i) => i.id),
    ).toEqual([others.id]);
    for (const staff of [operator, auditor]) {
      const all = await search({ customerName: hiragana }, staff);
      expect(all.items.map((item) => item.id)).toEqual([others.id, third.id, second.id, first.id]);
    }
    const mine = await search({}, owner, 0, 100);
    expect(mine.items.map((item) => item.id)).not.toContain(others.id);
    expect(mine.items.map((item) => item.id)).toContain(first.id);
  });

  it('APP-10: by registration day in Japan time and by ID; bad ranges and pages are BAD_USER_INPUT', async () => {
    const { katakana } = uniqueKana();
    const { id } = await submit(`${katakana}商事`);
    const today = japanDayPlus(0);
    const onToday = await search(
      { registeredFrom: today, registeredTo: today, customerName: katakana },
      owner,
    );
    expect(onToday.items.map((item) => item.id)).toEqual([id]);
    const fromTomorrow = await search(
      { registeredFrom: japanDayPlus(1), customerName: katakana },
      owner,
    );
    expect(fromTomorrow.total).toBe(0);
    expect((await search({ applicationId: id }, owner)).total).toBe(1);

    const reversed = await call(
      SEARCH,
      { filter: { registeredFrom: today, registeredTo: japanDayPlus(-1) } },
      owner,
    );
    expect(codeOf(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.body.errors?.[0]?.extensions?.['fields']).toEqual([
      expect.objectContaining({ field: 'filter.registeredTo', code: 'BEFORE_START' }),
    ]);
    const tooMany = await call(SEARCH, { filter: {}, limit: 101 }, owner);
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.body.errors?.[0]?.extensions?.['fields']).toEqual([
      expect.objectContaining({ field: 'limit', code: 'OUT_OF_RANGE' }),
    ]);
  });

  it('applicationHistory is the stream: every event with its actor, decrypted data and hash', async () => {
    const id = await returnedApplication('履歴確認株式会社');
    const history = dataOf<HistoryEntry[]>(
      await call(HISTORY, { id }, auditor),
      'applicationHistory',
    );
    expect(history.map((entry) => [entry.revision, entry.type, entry.actorRole])).toEqual([
      [0, 'ApplicationSubmitted', 'CUSTOMER'],
      [1, 'ProcessingStarted', 'OPERATOR'],
      [2, 'ApplicationReturned', 'OPERATOR'],
    ]);
    expect(history[0]).toMatchObject({
      actorId: owner.accountId,
      data: {
        applicationId: id,
        customer: { name: '履歴確認株式会社', contactName: '山田　太郎' },
        applicant: { email: 'hanako.tanaka@example.co.jp' },
      },
    });
    expect(history[1]?.actorId).toBe(operator.accountId);
    for (const entry of history) {
      expect(entry.position).toMatch(/^\d+$/u);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/u);
    }
    expect(BigInt(history[0]?.position ?? 0)).toBeLessThan(BigInt(history[2]?.position ?? 0));

    await api.app.get(PiiVault).forget(`application-${id}`);
    const erased = dataOf<HistoryEntry[]>(await call(HISTORY, { id }, owner), 'applicationHistory');
    expect(erased[0]?.data.customer).toMatchObject({
      name: '履歴確認株式会社',
      contactName: PII_ERASED,
    });
    expect(erased[0]?.data.applicant?.email).toBe(PII_ERASED);
  });

  it('applicationAsOf folds the events up to the instant: null before submission', async () => {
    const id = await returnedApplication('時点確認株式会社');
    const history = dataOf<HistoryEntry[]>(
      await call(HISTORY, { id }, operator),
      'applicationHistory',
    );
    const [submittedAt, startedAt] = history.map((entry) => new Date(entry.occurredAt));
    if (!submittedAt || !startedAt) throw new Error('history too short');
    const asOf = async (at: Date) =>
      dataOf<{ status: string; revision: number } | null>(
        await call(AS_OF, { id, at: at.toISOString() }, auditor),
        'applicationAsOf',
      );
    expect(await asOf(new Date(submittedAt.getTime() - 1))).toBeNull();
    expect(await asOf(submittedAt)).toMatchObject({ status: 'RECEIVED', revision: 0 });
    expect(await asOf(startedAt)).toMatchObject({ status: 'IN_PROGRESS', revision: 1 });
    expect(await asOf(new Date())).toMatchObject({
      status: 'RETURNED',
      revision: 2,
      statusReason: '計器IDをご確認ください。',
      customer: { contactName: '山田　太郎' },
    });
  });

  it('verifyApplicationHistory finds an event edited in the table behind the store', async () => {
    const id = await returnedApplication('改ざん確認株式会社');
    expect(dataOf(await call(VERIFY, { id }, auditor), 'verifyApplicationHistory')).toEqual({
      intact: true,
      events: 3,
      firstBrokenRevision: null,
    });
    await pool.query(
      `UPDATE "${api.schema}".events SET data = jsonb_set(data::jsonb, '{reason}', '"書き換え"')
        WHERE stream_id = $1 AND revision = 2`,
      [`application-${id}`],
    );
    expect(dataOf(await call(VERIFY, { id }, operator), 'verifyApplicationHistory')).toEqual({
      intact: false,
      events: 3,
      firstBrokenRevision: 2,
    });
  });

  it("verifyApplicationHistory finds an edit whose stream hashes were recomputed, and the stream's last event deleted", async () => {
    const id = await returnedApplication('再計算確認株式会社');
    const stream = `application-${id}`;
    expect(dataOf(await call(VERIFY, { id }, auditor), 'verifyApplicationHistory')).toEqual({
      intact: true,
      events: 3,
      firstBrokenRevision: null,
    });
    // What an administrator would run to keep the stream's own chain consistent.
    await pool.query(
      `UPDATE "${api.schema}".events SET data = jsonb_set(data::jsonb, '{reason}', '"書き換え"')
        WHERE stream_id = $1 AND revision = 2`,
      [stream],
    );
    await pool.query(`DO $$
      DECLARE r record; prev text := repeat('0', 64);
      BEGIN
        FOR r IN SELECT event_id FROM "${api.schema}".events WHERE stream_id = '${stream}' ORDER BY revision LOOP
          UPDATE "${api.schema}".events SET prev_hash = prev,
                 hash = encode(sha256(convert_to(concat_ws(E'\\n', prev, event_id::text, stream_id,
                          revision::text, type, data, metadata), 'UTF8')), 'hex')
           WHERE event_id = r.event_id RETURNING hash INTO prev;
        END LOOP;
      END $$`);
    expect(dataOf(await call(VERIFY, { id }, auditor), 'verifyApplicationHistory')).toEqual({
      intact: false,
      events: 3,
      firstBrokenRevision: 2,
    });

    const other = await returnedApplication('削除確認株式会社');
    await pool.query(`DELETE FROM "${api.schema}".events WHERE stream_id = $1 AND revision = 2`, [
      `application-${other}`,
    ]);
    expect(dataOf(await call(VERIFY, { id: other }, auditor), 'verifyApplicationHistory')).toEqual({
      intact: false,
      events: 2,
      firstBrokenRevision: 2,
    });
  });

  it('authorization: anonymous, owner, another customer, OPERATOR and AUDITOR on every query', async () => {
    const { id } = await submit('権限確認株式会社');
    const now = new Date().toISOString();
    type Outcome = 'ANSWER' | 'NULL' | 'EMPTY' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
    const operations: [string, string, Record<string, unknown>, (data: unknown) => Outcome][] = [
      ['application', GET, { id }, (data) => (data === null ? 'NULL' : 'ANSWER')],
      [
        'searchApplications',
        SEARCH,
        { filter: { applicationId: id } },
        (data) => ((data as Page).total === 1 ? 'ANSWER' : 'EMPTY'),
      ],
      ['applicationHistory', HISTORY, { id }, () => 'ANSWER'],
      ['applicationAsOf', AS_OF, { id, at: now }, (data) => (data === null ? 'NULL' : 'ANSWER')],
      ['verifyApplicationHistory', VERIFY, { id }, () => 'ANSWER'],
    ];
    const readers: [string, SignedIn | undefined][] = [
      ['anonymous', undefined],
      ['owner', owner],
      ['another customer', otherCustomer],
      ['OPERATOR', operator],
      ['AUDITOR', auditor],
    ];
    const seen: Record<string, Record<string, Outcome>> = {};
    for (const [name, query, variables, outcomeOf] of operations) {
      seen[name] = {};
      for (const [reader, who] of readers) {
        const response = await call(query, variables, who);
        const code = codeOf(response) as Outcome | undefined;
        seen[name][reader] = code ?? outcomeOf(response.body.data?.[name]);
      }
    }
    expect(seen).toEqual({
      application: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'ANSWER',
        'another customer': 'NULL',
        OPERATOR: 'ANSWER',
        AUDITOR: 'ANSWER',
      },
      searchApplications: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'ANSWER',
        'another customer': 'EMPTY',
        OPERATOR: 'ANSWER',
        AUDITOR: 'ANSWER',
      },
      applicationHistory: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'ANSWER',
        'another customer': 'NOT_FOUND',
        OPERATOR: 'ANSWER',
        AUDITOR: 'ANSWER',
      },
      applicationAsOf: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'ANSWER',
        'another customer': 'NULL',
        OPERATOR: 'ANSWER',
        AUDITOR: 'ANSWER',
      },
      verifyApplicationHistory: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'FORBIDDEN',
        'another customer': 'FORBIDDEN',
        OPERATOR: 'ANSWER',
        AUDITOR: 'ANSWER',
      },
    });
    const missing = await call(GET, { id: 2_000_000_000 }, operator);
    expect(missing.body).toEqual({ data: { application: null } });
  });
});
