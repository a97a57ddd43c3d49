import { AccountJobs } from '@app/accounts';
import { EVENT_STORE, ProjectionRunners, type EventStore } from '@app/event-sourcing';
import { startSmtpTestServer, type SmtpTestServer } from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import { signInAsStaff } from './sign-in';
import { postGraphql, startTestApp, testLogs, type TestApp } from './test-app';

/*
 * ACC-7 (issue 11 §5): once an account is deleted for inactivity, nothing the system keeps names
 * the person: every table of the schema (events with their metadata and stream names, read
 * models, mail ledger and hand-overs, security log, sessions, throttle counters, vault keys) and
 * the app's log lines are read as text and searched for the values the person typed or came from,
 * in the forms they could take (as typed, lower case, NFKC, JSON-escaped).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const USER_ID = 'Zq7Washinoo.Saki';
const PASSWORD = 'Kiri-no-Mori_8842';
const NEW_PASSWORD = 'Yuki-no-Hara_5517';
const EMAIL = 'saki.washinoo.q7@example.jp';
const NAME = '鷲ノ尾 紗季';
/** APP-3 asks for full-width names: the same person as the application's applicant (NFKC: NAME). */
const FULL_WIDTH_NAME = '鷲ノ尾　紗季';
const PHONE = '090-7391-4826';
/** ACC-6: the phone an operator changes it to. */
const NEW_PHONE = '080-2265-9137';
const CLIENT_ADDRESS = '198.51.100.173';

/** What must not be found anywhere after the deletion. */
const PERSON = [
  USER_ID,
  PASSWORD,
  NEW_PASSWORD,
  EMAIL,
  'saki.washinoo.q7',
  NAME,
  FULL_WIDTH_NAME,
  '鷲ノ尾',
  PHONE,
  PHONE.replaceAll('-', ''),
  NEW_PHONE,
  NEW_PHONE.replaceAll('-', ''),
  CLIENT_ADDRESS,
];

/**
 * The exception, by rule: the application stays the operator's record after its applicant's
 * account is gone. Operators search it by 需要家名 (APP-10) and process it, and auditors replay
 * its complete history (Visibility; OPS-3); DOMAIN.md erases only the account's personal data
 * (ACC-7). So the company-level fields an application holds in the clear stay (below, asserted
 * present), and its personal fields (names, phones, e-mail) stay sealed under the application's
 * own key, readable by the operator, never in the clear (covered by the search for PERSON).
 */
const KEPT_BY_APP_10 = {
  customerName: '株式会社カササギ精機',
  customerDepartment: '設備保全部',
  applicantCompany: '株式会社カササギ電設',
  applicantDepartment: '電気工事課',
};

const REGISTER = `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation V($token: String!) { verifyEmail(token: $token) { id } }`;
const LOGIN = `mutation L($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken account { id } }
}`;
const CHANGE_PASSWORD = `mutation C($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}`;
const UNLOCK = `mutation U($userId: String!) { unlockAccount(userId: $userId) { id } }`;
const CHANGE_CONTACT = `mutation K($userId: String!, $input: AccountContactInput!) {
  changeAccountContact(userId: $userId, input: $input) { id }
}`;
const SUBMIT = `mutation S($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const APPLICATION = `query A($id: Int!) {
  application(id: $id) { customer { name contactName } applicant { name email phone1 } }
}`;

/** A calendar day in Japan time, `days` after today. */
function japanDay(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
}

/** Each value in the forms a table or a log line could hold it. */
function formsOf(value: string): string[] {
  const folded = value.normalize('NFKC').toLowerCase();
  const escaped = folded.replace(
    /[^\u0020-\u007e]/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
  return [...new Set([folded, escaped])];
}

function hits(text: string, values: readonly string[]): string[] {
  const folded = text.normalize('NFKC').toLowerCase();
  return values.filter((value) => formsOf(value).some((form) => folded.includes(form)));
}

describe.each(testDatabaseTargets())(
  'ACC-7: after an account is deleted nothing names the person on $kind',
  (target) => {
    let smtp: SmtpTestServer;
    let api: TestApp;
    let offsetMs = 0;
    const from = { 'x-forwarded-for': CLIENT_ADDRESS };

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
      api = await startTestApp(
        target,
        {
          SMTP_URL: smtp.url,
          TRUST_PROXY: 'loopback',
          // Longer than the year: retention must not be what empties the security log here.
          SECURITY_EVENTS_RETENTION_DAYS: '800',
        },
        [],
        () => new Date(Date.now() + offsetMs),
      );
    });

    afterAll(async () => {
      await api?.close();
      await smtp?.stop();
    });

    function gql(query: string, variables: Record<string, unknown>, token?: string) {
      return postGraphql(
        api.url,
        { query, variables },
        { ...from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      );
    }

    async function ok<T>(query: string, variables: Record<string, unknown>, token?: string) {
      const { body } = await gql(query, variables, token);
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return Object.values(body.data)[0] as T;
    }

    async function sql<T>(query: string, parameters: unknown[] = []): Promise<T[]> {
      return api.dataSource.query(query, parameters);
    }

    /** Every table of the app's schema, each row as text: `table: value` for each value found. */
    async function findingsInTables(values: readonly string[]): Promise<string[]> {
      const tables = await sql<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
        [api.schema],
      );
      expect(tables.map((table) => table.name)).toEqual(
        expect.arrayContaining(['events', 'accounts', 'mail_deliveries', 'security_events']),
      );
      const found: string[] = [];
      for (const { name } of tables) {
        const rows = await sql<{ row: string }>(
          `SELECT t::text AS row FROM "${api.schema}"."${name}" t`,
        );
        for (const { row } of rows)
          for (const value of hits(row, values)) found.push(`${name}: ${value}`);
      }
      return [...new Set(found)];
    }

    async function projectionsCaughtUp(): Promise<void> {
      const { checkpoint } = await api.app.get<symbol, EventStore>(EVENT_STORE).head();
      if (checkpoint === null) return;
      const runners = api.app.get(ProjectionRunners);
      for (const name of runners.names) await runners.waitFor(name, checkpoint, 20_000);
    }

    async function mailsSettled(): Promise<void> {
      for (let attempt = 0; attempt < 400; attempt += 1) {
        const [row] = await sql<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM "${api.schema}".mail_deliveries WHERE status = 'pending'`,
        );
        if (row?.pending === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('mails still pending');
    }

    it('ACC-7: registered, used (a lock, an unlock and a contact change by an operator, logins, a password change, an application, their mails), then deleted: no table, no rebuilt read model and no log line holds the user ID, name, e-mail, phones, passwords or client address', async () => {
      // Registration (ACC-1) and its link (ACC-2), from the person's own address.
      expect(
        await ok(REGISTER, {
          input: { userId: USER_ID, password: PASSWORD, email: EMAIL, name: NAME, phone: PHONE },
        }),
      ).toBe(true);
      const link = await smtp.waitForMail((mail) => mail.envelopeTo.includes(EMAIL));
      const token = decodeURIComponent(/verify-email\?token=(\S+)/.exec(link.text)?.[1] ?? '');
      await ok(VERIFY, { token });

      // Use: three mistyped passwords lock it (ACC-4, its mail); an operator unlocks it (ACC-5:
      // an initial password, mailed) and changes its phone (ACC-6, mailed; a staff act naming
      // the user ID); the person logs in, replaces the initial password (mailed), submits an
      // application naming themselves as applicant (mailed) and logs out.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const wrong = await gql(LOGIN, { userId: USER_ID, password: `${PASSWORD}x` });
        expect(wrong.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
      const staff = await signInAsStaff(api, 'OPERATOR');
      const { id: accountId } = await ok<{ id: string }>(UNLOCK, { userId: USER_ID }, staff);
      await ok(CHANGE_CONTACT, { userId: USER_ID, input: { phone: NEW_PHONE } }, staff);
      const issued = await smtp.waitForMail(
        (mail) => mail.envelopeTo.includes(EMAIL) && mail.text.includes('初期パスワード: '),
      );
      const initialPassword = /初期パスワード: (\S+)/.exec(issued.text)?.[1] ?? '';
      const first = await ok<{ accessToken: string }>(LOGIN, {
        userId: USER_ID,
        password: initialPassword,
      });
      await ok(
        CHANGE_PASSWORD,
        { current: initialPassword, next: NEW_PASSWORD },
        first.accessToken,
      );
      const session = await ok<{ accessToken: string }>(LOGIN, {
        userId: USER_ID,
        password: NEW_PASSWORD,
      });
      // The secrets mailed to the person go as well (events hold their hashes only).
      const erased = [...PERSON, token, initialPassword];
      const application = await ok<{ id: number }>(
        SUBMIT,
        {
          input: {
            kind: 'NEW',
            customer: {
              name: KEPT_BY_APP_10.customerName,
              department: KEPT_BY_APP_10.customerDepartment,
              contactName: FULL_WIDTH_NAME,
              phone: PHONE,
            },
            applicant: {
              company: KEPT_BY_APP_10.applicantCompany,
              department: KEPT_BY_APP_10.applicantDepartment,
              name: FULL_WIDTH_NAME,
              phone1: PHONE,
              email: EMAIL,
            },
            meteringPoints: [
              { pointId: '0310115550123400000088', meterNumber: '146832', inputFormatName: 'F4S2' },
            ],
            desiredStartDate: japanDay(30),
            consentConfirmed: true,
          },
        },
        session.accessToken,
      );
      await gql('mutation { logout }', {}, session.accessToken);
      await mailsSettled();
      const subjects = smtp.received
        .filter((mail) => mail.envelopeTo.includes(EMAIL))
        .map((mail) => mail.subject);
      expect(subjects).toHaveLength(6);
      expect(subjects).toEqual(
        expect.arrayContaining([
          expect.stringContaining('メールアドレス確認'),
          expect.stringContaining('アカウントロック'),
          expect.stringContaining('初期パスワード'),
          expect.stringContaining('ご登録内容の変更'),
          expect.stringContaining('パスワード変更'),
          expect.stringContaining(`申込ID: ${application.id}`),
        ]),
      );
      // While the account lives the person is there, sealed or not (the search can fail).
      await projectionsCaughtUp();
      expect(await findingsInTables(PERSON)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^(security_events|sessions|attempt_counters): /),
        ]),
      );

      // A year and a day without a login; the scheduled jobs run as they would in that time.
      offsetMs = 366 * DAY_MS;
      const jobs = api.app.get(AccountJobs);
      // The person's account, and the operator's: it has not logged in for the year either.
      expect(await jobs.deleteInactiveAccountsNow()).toBe(2);
      await jobs.expireRegistrations();
      await projectionsCaughtUp();
      await mailsSettled();

      expect(await findingsInTables(erased)).toEqual([]);

      // Every read model rebuilt from the events: nothing fails, nobody comes back.
      const runners = api.app.get(ProjectionRunners);
      for (const name of runners.rebuildableNames) await runners.rebuild(name);
      await projectionsCaughtUp();
      expect(await findingsInTables(erased)).toEqual([]);
      const [row] = await sql<{ status: string; user_id: string | null }>(
        `SELECT status, user_id FROM "${api.schema}".accounts WHERE id = $1`,
        [accountId],
      );
      expect(row).toEqual({ status: 'DELETED', user_id: null });
      const refused = await gql(LOGIN, { userId: USER_ID, password: NEW_PASSWORD });
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

      // The exception (APP-10, Visibility): the application is still the operator's to read.
      expect(await findingsInTables(Object.values(KEPT_BY_APP_10))).toEqual(
        expect.arrayContaining([
          `application_search: ${KEPT_BY_APP_10.customerName}`,
          `events: ${KEPT_BY_APP_10.applicantCompany}`,
        ]),
      );
      const operator = await signInAsStaff(api, 'OPERATOR');
      expect(await ok(APPLICATION, { id: application.id }, operator)).toEqual({
        customer: { name: KEPT_BY_APP_10.customerName, contactName: FULL_WIDTH_NAME },
        applicant: { name: FULL_WIDTH_NAME, email: EMAIL, phone1: PHONE },
      });

      // The log lines of the whole run (the operator's reading above included).
      expect(hits(testLogs.join('\n'), erased)).toEqual([]);
    });
  },
);
