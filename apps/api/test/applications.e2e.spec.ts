import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MeteringRegistry, parsePointId } from '@app/metering';
import { buildSchema, findBreakingChanges } from 'graphql';
import { testDatabaseTargets } from '@test/database';
import pg from 'pg';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';
import { signIn, type SignedIn } from './test-sessions';

// The contract's application mutations and the types they use; queries come with the read side.
const APPLICATION_PART =
  /^(Application|CustomerInfo|ApplicantInfo|ApplicationMeteringPoint|ApplicationKind|ApplicationStatus|MeteringPointKind|CustomerInfoInput|ApplicantInfoInput|MeteringPointInput|SubmitApplicationInput|ChangeApplicationInput|Mutation\.(submitApplication|changeApplication|withdrawApplication|startProcessing|returnApplication|rejectApplication|completeApplication))\b/;

const APPLICATION_FIELDS = `id kind status registeredAt updatedAt desiredStartDate
  customer { name department contactName phone }
  applicant { company department name phone1 phone2 email fax }
  meteringPoints { kind pointId unissued meterId }
  statusReason warnings revision`;

const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { ${APPLICATION_FIELDS} }
}`;
const CHANGE = `mutation Change($id: Int!, $rev: Int!, $input: ChangeApplicationInput!) {
  changeApplication(id: $id, expectedRevision: $rev, input: $input) { ${APPLICATION_FIELDS} }
}`;
const WITHDRAW = `mutation Withdraw($id: Int!, $rev: Int!, $reason: String) {
  withdrawApplication(id: $id, expectedRevision: $rev, reason: $reason) { id status statusReason revision }
}`;
const START = `mutation Start($id: Int!, $rev: Int!) {
  startProcessing(id: $id, expectedRevision: $rev) { id status revision }
}`;
const RETURN = `mutation Return($id: Int!, $rev: Int!, $reason: String!) {
  returnApplication(id: $id, expectedRevision: $rev, reason: $reason) { id status statusReason revision }
}`;
const REJECT = `mutation Reject($id: Int!, $rev: Int!, $reason: String!) {
  rejectApplication(id: $id, expectedRevision: $rev, reason: $reason) { id status statusReason revision }
}`;
const COMPLETE = `mutation Complete($id: Int!, $rev: Int!, $issued: [IssuedPointInput!]) {
  completeApplication(id: $id, expectedRevision: $rev, issuedPoints: $issued) { id status revision }
}`;

const APPLICANT = {
  company: 'エネルギー管理サービス株式会社',
  department: '技術部',
  name: '田中　花子',
  phone1: '090-1234-5678',
  phone2: null,
  email: 'hanako.tanaka@example.co.jp',
  fax: null,
};
const CUSTOMER = {
  name: '東京電機工業株式会社',
  department: '総務部',
  contactName: '山田　太郎',
  phone: '03-1234-5678',
};

/** Today in Japan plus `days`, as YYYY-MM-DD. */
function japanDayPlus(days: number): string {
  const japanNow = new Date(Date.now() + 9 * 3_600_000);
  return new Date(japanNow.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

let serial = 0;
/** A supply point ID no other spec of this run uses. */
function freshPointId(): string {
  serial += 1;
  const digits = `${Date.now() % 1e10}${String(serial).padStart(6, '0')}`.padStart(16, '1');
  return `031011${digits}`;
}

const UNISSUED = '03-1011-0000-0000-0000-0000';

function submission(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'NEW',
    customer: CUSTOMER,
    applicant: APPLICANT,
    meteringPoints: [{ pointId: UNISSUED, meterId: 'F146832' }],
    desiredStartDate: japanDayPlus(30),
    consentConfirmed: true,
    ...overrides,
  };
}

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

function fieldsOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['fields'];
}

interface Answer {
  id: number;
  status: string;
  revision: number;
  statusReason: string | null;
  [field: string]: unknown;
}

function answerOf(response: GraphqlResponse, mutation: string): Answer {
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data?.[mutation] as Answer;
}

describe.each(testDatabaseTargets())('application mutations over HTTP on $kind', (target) => {
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

  async function submit(overrides: Record<string, unknown> = {}, who: SignedIn = owner) {
    return answerOf(await call(SUBMIT, { input: submission(overrides) }, who), 'submitApplication');
  }

  async function eventCount(): Promise<number> {
    const { rows } = await pool.query<{ count: string }>(
      `SELECT count(*) FROM "${api.schema}".events WHERE stream_id LIKE 'application-%'`,
    );
    return Number(rows[0]?.count);
  }

  async function recordPoint(pointId: string, description: Record<string, unknown>) {
    const parsed = parsePointId(pointId);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await api.app.get(MeteringRegistry).record(
      parsed.value,
      {
        meterId: 'F146832',
        terminalType: 'HIGH_VOLTAGE_TERMINAL',
        island: false,
        ...description,
      },
      { id: operator.accountId, role: 'OPERATOR' },
    );
  }

  it("serves the contract's application mutations without a breaking change", () => {
    const contract = buildSchema(
      readFileSync(resolve(process.cwd(), 'apps/api/contract/schema.graphql'), 'utf8'),
    );
    const { schema } = api.app.get(GraphQLSchemaHost);
    const changes = findBreakingChanges(contract, schema).map((change) => change.description);
    expect(changes.filter((description) => APPLICATION_PART.test(description))).toEqual([]);
    // graphql-js describes a missing operation so; the filter must see it.
    expect(APPLICATION_PART.test('Mutation.submitApplication was removed.')).toBe(true);
  });

  it('OPS-1, OPS-2, OPS-4: submit → start → return → change (resubmits) → start → complete makes the point ACTIVE', async () => {
    const pointId = freshPointId();
    const submitted = await submit({
      meteringPoints: [
        {
          pointId: `０３－${pointId.slice(2, 6)}－${pointId.slice(6)}`,
          meterNumber: '146832',
          inputFormatName: 'F3HS-T',
        },
      ],
    });
    expect(submitted).toEqual({
      id: expect.any(Number),
      kind: 'NEW',
      status: 'RECEIVED',
      registeredAt: expect.any(String),
      updatedAt: submitted.registeredAt,
      desiredStartDate: japanDayPlus(30),
      customer: CUSTOMER,
      applicant: APPLICANT,
      meteringPoints: [{ kind: 'SUPPLY', pointId, unissued: false, meterId: 'F146832' }],
      statusReason: null,
      warnings: expect.any(Array),
      revision: 0,
    });
    const registry = api.app.get(MeteringRegistry);
    expect(await registry.find(pointId)).toMatchObject({
      bRouteState: 'PENDING',
      openApplication: { applicationId: submitted.id, kind: 'NEW' },
    });

    const id = submitted.id;
    const started = answerOf(await call(START, { id, rev: 0 }, operator), 'startProcessing');
    expect(started).toEqual({ id, status: 'IN_PROGRESS', revision: 1 });
    const returned = answerOf(
      await call(RETURN, { id, rev: 1, reason: '電話番号2をご記入ください。' }, operator),
      'returnApplication',
    );
    expect(returned).toEqual({
      id,
      status: 'RETURNED',
      statusReason: '電話番号2をご記入ください。',
      revision: 2,
    });

    const changed = answerOf(
      await call(
        CHANGE,
        { id, rev: 2, input: { applicant: { ...APPLICANT, phone2: '03-9876-5432' } } },
        owner,
      ),
      'changeApplication',
    );
    expect(changed).toMatchObject({
      status: 'RECEIVED',
      statusReason: null,
      revision: 3,
      applicant: { ...APPLICANT, phone2: '03-9876-5432' },
      registeredAt: submitted.registeredAt,
    });

    const stale = await call(CHANGE, { id, rev: 2, input: { customer: CUSTOMER } }, owner);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.body.errors?.[0]?.message).toMatch(/更新されています/u);

    answerOf(await call(START, { id, rev: 3 }, operator), 'startProcessing');
    const completed = answerOf(
      await call(COMPLETE, { id, rev: 4 }, operator),
      'completeApplication',
    );
    expect(completed).toEqual({ id, status: 'COMPLETED', revision: 5 });
    expect(await registry.find(pointId)).toMatchObject({
      bRouteState: 'ACTIVE',
      openApplication: null,
    });
    expect(codeOf(await call(WITHDRAW, { id, rev: 5 }, owner))).toBe('CONFLICT');
  });

  it('APP-3: personal fields reach the event store only sealed, with the actor in the metadata; the answer decrypts them', async () => {
    const applicant = { ...APPLICANT, name: '封緘　確認子', email: 'sealed.check@example.org' };
    const submitted = await submit({ applicant });
    expect(submitted['applicant']).toEqual(applicant);
    const { rows } = await pool.query<{ data: string; metadata: string }>(
      `SELECT data, metadata FROM "${api.schema}".events WHERE stream_id = $1`,
      [`application-${submitted.id}`],
    );
    expect(JSON.parse(rows[0]?.metadata ?? '{}')).toMatchObject({
      correlationId: expect.any(String),
      actor: { id: owner.accountId, role: 'CUSTOMER' },
    });
    const stored = rows.map((row) => row.data).join('\n');
    expect(stored).toContain('pii:v1:');
    expect(stored).toContain(CUSTOMER.name);
    for (const plaintext of ['封緘', 'sealed.check@example.org', '090-1234-5678', '山田']) {
      expect(stored).not.toContain(plaintext);
    }
  });

  it('MTR-2: two concurrent NEW submissions for one point → one accepted', async () => {
    const pointId = freshPointId();
    const input = submission({ meteringPoints: [{ pointId, meterId: 'F146832' }] });
    const before = await eventCount();
    const answers = await Promise.all([
      call(SUBMIT, { input }, owner),
      call(SUBMIT, { input }, otherCustomer),
    ]);
    const accepted = answers.filter((answer) => answer.body.errors === undefined);
    const refused = answers.filter((answer) => answer.body.errors !== undefined);
    expect(accepted).toHaveLength(1);
    expect(refused.map(codeOf)).toEqual(['CONFLICT']);
    expect(await eventCount()).toBe(before + 1);
    const winner = answerOf(accepted[0], 'submitApplication');
    expect(await api.app.get(MeteringRegistry).find(pointId)).toMatchObject({
      openApplication: { applicationId: winner.id, kind: 'NEW' },
    });
  });

  it('MTR-2: when one point is held by another application, the points claimed before it are given back', async () => {
    const [free, held] = [freshPointId(), freshPointId()];
    const holder = await submit({ meteringPoints: [{ pointId: held, meterId: 'F000002' }] });
    const before = await eventCount();
    const refused = await call(
      SUBMIT,
      {
        input: submission({
          meteringPoints: [
            { pointId: free, meterId: 'F000001' },
            { pointId: held, meterId: 'F000002' },
          ],
        }),
      },
      otherCustomer,
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.body.errors?.[0]?.message).toMatch(/手続中の新規または廃止のお申込み/u);
    expect(await eventCount()).toBe(before);
    const registry = api.app.get(MeteringRegistry);
    expect((await registry.find(free))?.openApplication ?? null).toBeNull();
    expect((await registry.find(held))?.openApplication?.applicationId).toBe(holder.id);
  });

  it('MTR-2: a withdrawn application frees its point for the next one', async () => {
    const pointId = freshPointId();
    const points = [{ pointId, meterId: 'F146832' }];
    const first = await submit({ meteringPoints: points });
    expect(
      codeOf(await call(SUBMIT, { input: submission({ meteringPoints: points }) }, owner)),
    ).toBe('CONFLICT');
    const withdrawn = answerOf(
      await call(WITHDRAW, { id: first.id, rev: 0, reason: '重複して申し込んだため' }, owner),
      'withdrawApplication',
    );
    expect(withdrawn).toEqual({
      id: first.id,
      status: 'WITHDRAWN',
      statusReason: '重複して申し込んだため',
      revision: 1,
    });
    await expect(submit({ meteringPoints: points })).resolves.toMatchObject({ status: 'RECEIVED' });
  });

  it('MTR-2: a change claims the points it adds and frees the ones it drops', async () => {
    const [kept, dropped, added] = [freshPointId(), freshPointId(), freshPointId()];
    const first = await submit({
      meteringPoints: [
        { pointId: kept, meterId: 'F000001' },
        { pointId: dropped, meterId: 'F000002' },
      ],
    });
    const changed = answerOf(
      await call(
        CHANGE,
        {
          id: first.id,
          rev: 0,
          input: {
            meteringPoints: [
              { pointId: kept, meterId: 'F000001' },
              { pointId: added, meterId: 'F000003' },
            ],
          },
        },
        owner,
      ),
      'changeApplication',
    );
    expect(changed.revision).toBe(1);
    const registry = api.app.get(MeteringRegistry);
    expect((await registry.find(added))?.openApplication?.applicationId).toBe(first.id);
    expect((await registry.find(kept))?.openApplication?.applicationId).toBe(first.id);
    expect((await registry.find(dropped))?.openApplication).toBeNull();
  });

  it('APP-8: a point the registry knows to be optical or on an island is NOT_SERVED, and nothing is written', async () => {
    const optical = freshPointId();
    const island = freshPointId();
    await recordPoint(optical, { terminalType: 'OPTICAL' });
    await recordPoint(island, { island: true });
    const before = await eventCount();
    for (const pointId of [optical, island]) {
      const refused = await call(
        SUBMIT,
        { input: submission({ meteringPoints: [{ pointId, meterId: 'F146832' }] }) },
        owner,
      );
      expect(codeOf(refused)).toBe('NOT_SERVED');
      expect(refused.body.errors?.[0]?.message).toMatch(/対象外/u);
    }
    expect(await eventCount()).toBe(before);
    expect((await api.app.get(MeteringRegistry).find(optical))?.openApplication).toBeNull();
  });

  it('OPS-4: ACTIVATION is refused for a point that is not ACTIVE', async () => {
    const pointId = freshPointId();
    await recordPoint(pointId, {});
    const refused = await call(
      SUBMIT,
      {
        input: submission({
          kind: 'ACTIVATION',
          meteringPoints: [{ pointId, meterId: 'F146832' }],
        }),
      },
      owner,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused)).toEqual([
      expect.objectContaining({ field: 'meteringPoints[0].pointId', code: 'B_ROUTE_NOT_ACTIVE' }),
    ]);
  });

  it('APP-4, APP-5: refused fields come back by path in input order, and nothing is written', async () => {
    const before = await eventCount();
    const refused = await call(
      SUBMIT,
      {
        input: submission({
          customer: { ...CUSTOMER, name: '㈱東京電機' },
          meteringPoints: [
            { pointId: UNISSUED, meterId: 'F146832' },
            { pointId: '03-1011-1234', meterId: 'F146832' },
          ],
          consentConfirmed: false,
        }),
      },
      owner,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused)).toEqual([
      expect.objectContaining({ field: 'customer.name', code: 'MACHINE_DEPENDENT_CHARACTER' }),
      expect.objectContaining({
        field: 'meteringPoints[1].pointId',
        code: 'INVALID_POINT_ID_LENGTH',
      }),
      expect.objectContaining({ field: 'consentConfirmed', code: 'CONSENT_REQUIRED' }),
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('APP-7: a start date 13 days after today in Japan is START_DATE_TOO_SOON', async () => {
    const refused = await call(
      SUBMIT,
      { input: submission({ desiredStartDate: japanDayPlus(13) }) },
      owner,
    );
    expect(codeOf(refused)).toBe('START_DATE_TOO_SOON');
    expect(refused.body.errors?.[0]?.message).toMatch(/2週間\(14日\)以上の期間を空けた日付/u);
    await expect(submit({ desiredStartDate: japanDayPlus(14) })).resolves.toMatchObject({
      status: 'RECEIVED',
    });
  });

  it('APP-11: replacing the EMS with work on the operator’s side is a NEW application on an ACTIVE point', async () => {
    const pointId = freshPointId();
    const points = [{ pointId, meterId: 'F146832' }];
    const first = await submit({ meteringPoints: points });
    await call(START, { id: first.id, rev: 0 }, operator);
    answerOf(await call(COMPLETE, { id: first.id, rev: 1 }, operator), 'completeApplication');
    const registry = api.app.get(MeteringRegistry);
    expect((await registry.find(pointId))?.bRouteState).toBe('ACTIVE');
    const replacement = await submit({ meteringPoints: points });
    expect(replacement).toMatchObject({ kind: 'NEW', status: 'RECEIVED' });
    expect(await registry.find(pointId)).toMatchObject({
      bRouteState: 'ACTIVE',
      openApplication: { applicationId: replacement.id, kind: 'NEW' },
    });
  });

  describe('authorization matrix', () => {
    type Who = 'anonymous' | 'owner' | 'other customer' | 'OPERATOR' | 'AUDITOR';
    const everyone: Who[] = ['anonymous', 'owner', 'other customer', 'OPERATOR', 'AUDITOR'];

    function actor(who: Who): SignedIn | undefined {
      switch (who) {
        case 'anonymous':
          return undefined;
        case 'owner':
          return owner;
        case 'other customer':
          return otherCustomer;
        case 'OPERATOR':
          return operator;
        case 'AUDITOR':
          return auditor;
      }
    }

    /** An application of the owner's in the state the mutation starts from. */
    async function applicationFor(state: 'RECEIVED' | 'IN_PROGRESS'): Promise<number> {
      const { id } = await submit();
      if (state === 'IN_PROGRESS')
        answerOf(await call(START, { id, rev: 0 }, operator), 'startProcessing');
      return id;
    }

    const mutations: {
      name: string;
      query: string;
      from: 'RECEIVED' | 'IN_PROGRESS' | null;
      variables: (id: number) => Record<string, unknown>;
      allowed: Who[];
      notFound: Who[];
      /** Application events an allowed call appends (1 unless said). */
      appended?: number;
    }[] = [
      {
        name: 'submitApplication',
        query: SUBMIT,
        from: null,
        variables: () => ({ input: submission() }),
        allowed: ['owner', 'other customer'],
        notFound: [],
      },
      {
        name: 'changeApplication',
        query: CHANGE,
        from: 'RECEIVED',
        variables: (id) => ({
          id,
          rev: 0,
          input: { customer: { ...CUSTOMER, department: '経理部' } },
        }),
        allowed: ['owner'],
        notFound: ['other customer'],
      },
      {
        name: 'withdrawApplication',
        query: WITHDRAW,
        from: 'RECEIVED',
        variables: (id) => ({ id, rev: 0 }),
        allowed: ['owner'],
        notFound: ['other customer'],
      },
      {
        name: 'startProcessing',
        query: START,
        from: 'RECEIVED',
        variables: (id) => ({ id, rev: 0 }),
        allowed: ['OPERATOR'],
        notFound: [],
      },
      {
        name: 'returnApplication',
        query: RETURN,
        from: 'IN_PROGRESS',
        variables: (id) => ({ id, rev: 1, reason: '記入漏れがあります。' }),
        allowed: ['OPERATOR'],
        notFound: [],
      },
      {
        name: 'rejectApplication',
        query: REJECT,
        from: 'IN_PROGRESS',
        variables: (id) => ({ id, rev: 1, reason: '光通信の端末のため対象外です。' }),
        allowed: ['OPERATOR'],
        notFound: [],
      },
      {
        name: 'completeApplication',
        query: COMPLETE,
        from: 'IN_PROGRESS',
        // OPS-4: the submission names an unissued point, so its issued ID comes along
        // (PointIdsIssued, then ApplicationCompleted).
        variables: (id) => ({ id, rev: 1, issued: [{ index: 0, pointId: freshPointId() }] }),
        allowed: ['OPERATOR'],
        notFound: [],
        appended: 2,
      },
    ];

    const cases = mutations.flatMap((mutation) =>
      everyone.map((who) => {
        const expected =
          who === 'anonymous'
            ? 'UNAUTHENTICATED'
            : mutation.allowed.includes(who)
              ? 'ok'
              : mutation.notFound.includes(who)
                ? 'NOT_FOUND'
                : 'FORBIDDEN';
        return [mutation.name, who, expected, mutation] as const;
      }),
    );

    it.each(cases)('Visibility: %s by %s → %s', async (_name, who, expected, mutation) => {
      const id = mutation.from === null ? 0 : await applicationFor(mutation.from);
      const before = await eventCount();
      const response = await call(mutation.query, mutation.variables(id), actor(who));
      if (expected === 'ok') {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.[mutation.name]).toMatchObject({ id: expect.any(Number) });
        expect(await eventCount()).toBe(before + (mutation.appended ?? 1));
      } else {
        expect(codeOf(response)).toBe(expected);
        expect(response.body.errors?.[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
        expect(await eventCount()).toBe(before);
      }
    });
  });
});
