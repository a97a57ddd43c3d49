import { testDatabaseTargets } from '@test/database';
import { signInAsCustomer, signInAsStaff } from './sign-in';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const TERMS = `{ termsOfService { version title url } }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { id status revision termsVersion meteringPoints { pointId unissued } }
}`;
const START = `mutation Start($id: Int!, $rev: Int!) {
  startProcessing(id: $id, expectedRevision: $rev) { status revision }
}`;
const RETURN = `mutation Return($id: Int!, $rev: Int!) {
  returnApplication(id: $id, expectedRevision: $rev, reason: '計器IDをご確認ください。') { revision }
}`.replace("'計器IDをご確認ください。'", '"計器IDをご確認ください。"');
const REJECT = `mutation Reject($id: Int!, $rev: Int!) {
  rejectApplication(id: $id, expectedRevision: $rev, reason: "期限までにご修正がありませんでした。") { status }
}`;
const COMPLETE = `mutation Complete($id: Int!, $rev: Int!, $issued: [IssuedPointInput!]) {
  completeApplication(id: $id, expectedRevision: $rev, issuedPoints: $issued) {
    status meteringPoints { kind pointId unissued meterId }
  }
}`;
const POINT = `query Point($pointId: String!) { meteringPoint(pointId: $pointId) { bRouteState meterId } }`;
const HISTORY = `query History($id: Int!) { applicationHistory(id: $id) { type data } }`;
const SEARCH = `query Search($filter: ApplicationSearchInput!) {
  searchApplications(filter: $filter) { total items { id status } }
}`;

const UNISSUED_RECEPTION = '0310120000000000000000';
const ISSUED_RECEPTION = '0310127777666655554444';

function japanDay(days: number, from = Date.now()): string {
  return new Date(from + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function submission(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'NEW',
    customer: {
      name: '株式会社高圧電機',
      department: '設備部',
      contactName: '山田　太郎',
      phone: '03-1234-5678',
    },
    applicant: {
      company: '東都設備工事株式会社',
      department: '電気工事課',
      name: '佐藤　花子',
      phone1: '090ー1234ー5678',
      email: 'hanako@example.jp',
    },
    meteringPoints: [{ pointId: UNISSUED_RECEPTION, meterId: 'G123456' }],
    desiredStartDate: japanDay(30),
    consentConfirmed: true,
    ...overrides,
  };
}

function dataOf<T>(response: GraphqlResponse, field: string): T {
  if (response.body.errors) throw new Error(`${field}: ${JSON.stringify(response.body.errors)}`);
  return response.body.data?.[field] as T;
}

function errorOf(response: GraphqlResponse) {
  const error = response.body.errors?.[0];
  return {
    code: error?.extensions?.['code'],
    fields: error?.extensions?.['fields'],
    message: error?.message,
  };
}

describe.each(testDatabaseTargets())('issue 12 rules over HTTP on $kind', (target) => {
  let api: TestApp;
  let operator: string;
  let customer: string;
  const offset = { ms: 0 };

  beforeAll(async () => {
    api = await startTestApp(
      target,
      { TERMS_VERSION: '2026-04-01' },
      [],
      () => new Date(Date.now() + offset.ms),
    );
    [operator, customer] = await Promise.all([
      signInAsStaff(api, 'OPERATOR'),
      signInAsCustomer(api),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql(api.url, { query, variables }, { authorization: `Bearer ${token}` });

  it('APP-2: termsOfService is public and answers the configured version, the FAQ’s title and URL', async () => {
    const response = await postGraphql(api.url, { query: TERMS });
    expect(dataOf(response, 'termsOfService')).toEqual({
      version: '2026-04-01',
      title: '高圧電力メーター情報発信サービス（高圧Bルートサービス）利用規約',
      url: 'https://www.tepco.co.jp/pg/consignment/workshop/procedure/high-pressure/pressure/index-j.html',
    });
  });

  it('APP-2: a submission with another terms version is CONFLICT; with the current one it records it', async () => {
    const stale = errorOf(
      await as(customer, SUBMIT, { input: submission({ termsVersion: '2023-10-01' }) }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('利用規約が改定されています');
    const submitted = dataOf<{ termsVersion: string }>(
      await as(customer, SUBMIT, { input: submission({ termsVersion: '2026-04-01' }) }),
      'submitApplication',
    );
    expect(submitted.termsVersion).toBe('2026-04-01');
  });

  it('OPS-4: completing a NEW with an unissued point needs its issued ID; the registry then has the point ACTIVE and the history shows the assignment', async () => {
    const { id } = dataOf<{ id: number }>(
      await as(customer, SUBMIT, { input: submission({ termsVersion: '2026-04-01' }) }),
      'submitApplication',
    );
    dataOf(await as(operator, START, { id, rev: 0 }), 'startProcessing');

    const missing = errorOf(await as(operator, COMPLETE, { id, rev: 1 }));
    expect(missing.code).toBe('BAD_USER_INPUT');
    expect(missing.fields).toEqual([
      expect.objectContaining({ field: 'issuedPoints', code: 'ISSUED_POINT_REQUIRED' }),
    ]);

    const completed = dataOf<{ status: string; meteringPoints: unknown[] }>(
      await as(operator, COMPLETE, {
        id,
        rev: 1,
        issued: [{ index: 0, pointId: '03-1012-7777-6666-5555-4444' }],
      }),
      'completeApplication',
    );
    expect(completed).toEqual({
      status: 'COMPLETED',
      meteringPoints: [
        { kind: 'RECEPTION', pointId: ISSUED_RECEPTION, unissued: false, meterId: 'G123456' },
      ],
    });

    let point: unknown = null;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      point = (await as(operator, POINT, { pointId: ISSUED_RECEPTION })).body.data?.[
        'meteringPoint'
      ];
      if (JSON.stringify(point) === JSON.stringify({ bRouteState: 'ACTIVE', meterId: 'G123456' }))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(point).toEqual({ bRouteState: 'ACTIVE', meterId: 'G123456' });

    const history = dataOf<{ type: string; data: Record<string, unknown> }[]>(
      await as(operator, HISTORY, { id }),
      'applicationHistory',
    );
    expect(history.map((event) => event.type)).toEqual([
      'ApplicationSubmitted',
      'ProcessingStarted',
      'PointIdsIssued',
      'ApplicationCompleted',
    ]);
    expect(history[2]?.data['assignments']).toEqual([
      { index: 0, unissuedPointId: UNISSUED_RECEPTION, pointId: ISSUED_RECEPTION },
    ]);
  });

  it('OPS-1: an operator finds RETURNED applications untouched for N days and rejects one', async () => {
    const { id } = dataOf<{ id: number }>(
      await as(customer, SUBMIT, { input: submission({ desiredStartDate: japanDay(40) }) }),
      'submitApplication',
    );
    dataOf(await as(operator, START, { id, rev: 0 }), 'startProcessing');
    dataOf(await as(operator, RETURN, { id, rev: 1 }), 'returnApplication');
    const untouched = async (days: number) =>
      dataOf<{ items: { id: number }[] }>(
        await as(operator, SEARCH, { filter: { status: 'RETURNED', untouchedForDays: days } }),
        'searchApplications',
      ).items.map((item) => item.id);
    expect(await untouched(3)).not.toContain(id);
    offset.ms = 4 * 86_400_000;
    try {
      operator = await signInAsStaff(api, 'OPERATOR');
      expect(await untouched(3)).toContain(id);
      expect(dataOf(await as(operator, REJECT, { id, rev: 2 }), 'rejectApplication')).toEqual({
        status: 'REJECTED',
      });
    } finally {
      offset.ms = 0;
    }
  });
});
