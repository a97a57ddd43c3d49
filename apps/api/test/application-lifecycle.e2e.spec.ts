import { startSmtpTestServer, type SmtpTestServer } from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import { signInAsCustomer, signInAsStaff } from './sign-in';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const APPLICATION = `id kind status revision desiredStartDate statusReason warnings
  customer { name department contactName phone }
  applicant { company department name phone1 phone2 email fax }
  meteringPoints { kind pointId unissued meterId }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { ${APPLICATION} }
}`;
const CHANGE = `mutation Change($id: Int!, $rev: Int!, $input: ChangeApplicationInput!) {
  changeApplication(id: $id, expectedRevision: $rev, input: $input) { ${APPLICATION} }
}`;
const START = `mutation Start($id: Int!, $rev: Int!) {
  startProcessing(id: $id, expectedRevision: $rev) { status revision }
}`;
const RETURN = `mutation Return($id: Int!, $rev: Int!, $reason: String!) {
  returnApplication(id: $id, expectedRevision: $rev, reason: $reason) { status revision statusReason }
}`;
const COMPLETE = `mutation Complete($id: Int!, $rev: Int!) {
  completeApplication(id: $id, expectedRevision: $rev) { status revision }
}`;
const RECORD_POINT = `mutation Record($input: MeteringPointRecordInput!) {
  recordMeteringPoint(input: $input) { pointId bRouteState }
}`;
const POINT = `query Point($pointId: String!) { meteringPoint(pointId: $pointId) { bRouteState } }`;
const HISTORY = `query History($id: Int!) {
  applicationHistory(id: $id) { revision position type occurredAt actorId actorRole data hash }
}`;
const AS_OF = `query AsOf($id: Int!, $at: DateTime!) { applicationAsOf(id: $id, at: $at) { status revision } }`;
const VERIFY = `query Verify($id: Int!) {
  verifyApplicationHistory(id: $id) { intact events firstBrokenRevision }
}`;

const POINT_ID = '0310118765432109876543';
const APPLICANT_EMAIL = 'sato.hanako@example.jp';

/** A calendar day in Japan time, `days` after today. */
function japanDay(days: number): string {
  const japan = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
  return japan.toISOString().slice(0, 10);
}

function submission() {
  return {
    kind: 'NEW',
    customer: {
      name: '株式会社ビールート電機',
      department: '設備管理部',
      contactName: '山田　太郎',
      phone: '0312345678',
    },
    applicant: {
      company: '東都設備工事株式会社',
      department: '電気工事課',
      name: '佐藤　花子',
      phone1: '09012345678',
      email: APPLICANT_EMAIL,
    },
    // As typed from the meter plate: full-width, with hyphens; a 6-digit No. and its format name.
    meteringPoints: [
      {
        pointId: '０３-１０１１-８７６５-４３２１-０９８７-６５４３',
        meterNumber: '146832',
        inputFormatName: 'F4S2',
      },
    ],
    desiredStartDate: japanDay(30),
    consentConfirmed: true,
  };
}

function dataOf<T>(response: GraphqlResponse, field: string): T {
  if (response.body.errors) throw new Error(`${field}: ${JSON.stringify(response.body.errors)}`);
  return response.body.data?.[field] as T;
}

async function until(
  condition: () => boolean,
  what: string,
  { timeoutMs = 15_000, poll }: { timeoutMs?: number; poll?: () => Promise<void> } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (await poll?.(); !condition(); await poll?.()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testDatabaseTargets())(
  'an application from submission to completion on $kind',
  (target) => {
    let smtp: SmtpTestServer;
    let api: TestApp;
    let operator: string;
    let auditor: string;
    let customer: string;

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      api = await startTestApp(target, { SMTP_URL: smtp.url });
      [operator, auditor, customer] = await Promise.all([
        signInAsStaff(api, 'OPERATOR'),
        signInAsStaff(api, 'AUDITOR'),
        signInAsCustomer(api),
      ]);
    });

    afterAll(async () => {
      await api?.close();
      await smtp?.stop();
    });

    function as(token: string, query: string, variables: Record<string, unknown>) {
      return postGraphql(api.url, { query, variables }, { authorization: `Bearer ${token}` });
    }

    function mailsToApplicant(): string[] {
      return smtp.received
        .filter((mail) => mail.envelopeTo.includes(APPLICANT_EMAIL))
        .map((mail) => mail.subject);
    }

    it('customer submits → operator starts → returns → customer changes → operator completes → B-route ACTIVE; the auditor replays and verifies it; every step is mailed', async () => {
      const recorded = await as(operator, RECORD_POINT, {
        input: { pointId: POINT_ID, terminalType: 'HIGH_VOLTAGE_TERMINAL', island: false },
      });
      expect(dataOf(recorded, 'recordMeteringPoint')).toEqual({
        pointId: POINT_ID,
        bRouteState: 'NOT_SUBSCRIBED',
      });

      const submitted = dataOf<{ id: number; status: string; revision: number }>(
        await as(customer, SUBMIT, { input: submission() }),
        'submitApplication',
      );
      expect(submitted).toMatchObject({
        kind: 'NEW',
        status: 'RECEIVED',
        revision: 0,
        customer: { name: '株式会社ビールート電機', contactName: '山田　太郎' },
        applicant: { name: '佐藤　花子', email: APPLICANT_EMAIL, phone2: null, fax: null },
        // APP-5, APP-6: normalised to 22 half-width digits and initial + No.
        meteringPoints: [
          { kind: 'SUPPLY', pointId: POINT_ID, unissued: false, meterId: 'F146832' },
        ],
      });
      const id = submitted.id;

      expect(dataOf(await as(operator, START, { id, rev: 0 }), 'startProcessing')).toEqual({
        status: 'IN_PROGRESS',
        revision: 1,
      });
      expect(
        dataOf(
          await as(operator, RETURN, { id, rev: 1, reason: '計器IDをご確認ください。' }),
          'returnApplication',
        ),
      ).toEqual({ status: 'RETURNED', revision: 2, statusReason: '計器IDをご確認ください。' });

      // OPS-2: the owner corrects the returned application, which resubmits it.
      const changed = await as(customer, CHANGE, {
        id,
        rev: 2,
        input: { desiredStartDate: japanDay(40) },
      });
      expect(dataOf(changed, 'changeApplication')).toMatchObject({
        status: 'RECEIVED',
        revision: 3,
        desiredStartDate: japanDay(40),
      });
      // A change against the revision it has replaced is refused.
      const stale = await as(customer, CHANGE, {
        id,
        rev: 2,
        input: { desiredStartDate: japanDay(41) },
      });
      expect(stale.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

      expect(dataOf(await as(operator, START, { id, rev: 3 }), 'startProcessing')).toEqual({
        status: 'IN_PROGRESS',
        revision: 4,
      });
      expect(dataOf(await as(operator, COMPLETE, { id, rev: 4 }), 'completeApplication')).toEqual({
        status: 'COMPLETED',
        revision: 5,
      });

      // OPS-4: completing a NEW application makes the B-route ACTIVE on its point. The release is
      // written to the point's stream after the completion, and the metering-points read model
      // follows it on its own: the mutation waits only for the application read model.
      let point: unknown;
      await until(
        () => JSON.stringify(point) === JSON.stringify({ bRouteState: 'ACTIVE' }),
        'ACTIVE',
        {
          poll: async () => {
            point = dataOf(await as(operator, POINT, { pointId: POINT_ID }), 'meteringPoint');
          },
        },
      );
      expect(point).toEqual({ bRouteState: 'ACTIVE' });

      const history = dataOf<
        {
          revision: number;
          position: string;
          type: string;
          occurredAt: string;
          actorRole: string;
          data: Record<string, unknown>;
          hash: string;
        }[]
      >(await as(auditor, HISTORY, { id }), 'applicationHistory');
      expect(
        history.map(({ revision, type, actorRole }) => ({ revision, type, actorRole })),
      ).toEqual([
        { revision: 0, type: 'ApplicationSubmitted', actorRole: 'CUSTOMER' },
        { revision: 1, type: 'ProcessingStarted', actorRole: 'OPERATOR' },
        { revision: 2, type: 'ApplicationReturned', actorRole: 'OPERATOR' },
        { revision: 3, type: 'ApplicationChanged', actorRole: 'CUSTOMER' },
        { revision: 4, type: 'ProcessingStarted', actorRole: 'OPERATOR' },
        { revision: 5, type: 'ApplicationCompleted', actorRole: 'OPERATOR' },
      ]);
      const positions = history.map((event) => BigInt(event.position));
      expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
      for (const event of history) expect(event.hash).toMatch(/^[0-9a-f]{64}$/);

      const returnedAt = history[2]?.occurredAt;
      expect(dataOf(await as(auditor, AS_OF, { id, at: returnedAt }), 'applicationAsOf')).toEqual({
        status: 'RETURNED',
        revision: 2,
      });
      expect(dataOf(await as(auditor, VERIFY, { id }), 'verifyApplicationHistory')).toEqual({
        intact: true,
        events: 6,
        firstBrokenRevision: null,
      });

      // APP-9 on submission, OPS-3 on each change of status, to the applicant.
      const expected = [
        `【高圧Bルートサービス】お申込みを受け付けました（申込ID: ${id}）`,
        `【高圧Bルートサービス】申込状況が「手続中」になりました（申込ID: ${id}）`,
        `【高圧Bルートサービス】申込状況が「差戻し」になりました（申込ID: ${id}）`,
        `【高圧Bルートサービス】申込状況が「申込受付」になりました（申込ID: ${id}）`,
        `【高圧Bルートサービス】申込状況が「手続中」になりました（申込ID: ${id}）`,
        `【高圧Bルートサービス】申込状況が「完了」になりました（申込ID: ${id}）`,
      ];
      await until(() => mailsToApplicant().length >= expected.length, 'six mails to the applicant');
      expect(mailsToApplicant().sort()).toEqual([...expected].sort());
    });
  },
);
