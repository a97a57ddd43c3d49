/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, with its globals.
import { randomInt } from 'node:crypto';
import { startSmtpTestServer, type SmtpTestServer } from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import type { Browser, Page } from 'playwright-core';
import { registerCustomer } from '../../api/test/sign-in';
import { TestAuthenticator } from '@app/accounts/testing';
import { askWith, postGraphql, startTestApp, type TestApp } from '../../api/test/test-app';
import {
  buildPortalIfStale,
  createStaff,
  describeInBrowser,
  launchChromium,
  openJapanesePage,
  screen,
  printAxeSummary,
  typeLoginCode,
} from './browser';

// The terms in force on this server; the portal must show this version, not a built-in one.
const TERMS_VERSION = '2026-04-01';
const OLD_TERMS_VERSION = '2023-10-01';

function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const slashed = (text: string) => text.replaceAll('-', '/');
const fullWidth = (value: number) =>
  String(value).replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

/** Jan 20 after this year's year-end closure (Dec 29 – Jan 3): at least 20 days out, always. */
function dayAfterYearEnd(): string {
  return `${Number(japanToday().slice(0, 4)) + 1}-01-20`;
}

async function graphql(
  api: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Record<string, unknown>> {
  const response = await postGraphql(
    api.url,
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  if (!response.body.data || response.body.errors)
    throw new Error(JSON.stringify(response.body.errors));
  return response.body.data;
}

const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;

describeInBrowser('portal flows in Chromium, on the real API (PGlite)', () => {
  const target = testDatabaseTargets()[0];
  let smtp: SmtpTestServer;
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let customer: { userId: string; password: string };
  let customerToken = '';
  let operator: { userId: string; password: string };
  let operatorDevice: TestAuthenticator;
  let unissuedApplication = '';
  let secondApplication = 0;

  beforeAll(async () => {
    buildPortalIfStale();
    smtp = await startSmtpTestServer();
    if (!target) throw new Error('no test database');
    api = await startTestApp(target, {
      SMTP_URL: smtp.url,
      MAIL_POLL_INTERVAL_MS: '100',
      TERMS_VERSION,
    });
    customer = await registerCustomer(api);
    customerToken = ((await graphql(api, LOGIN, customer)) as { login: { accessToken: string } })
      .login.accessToken;
    const staff = await createStaff(api, 'OPERATOR');
    const initial = (await graphql(api, LOGIN, {
      userId: staff.userId,
      password: staff.initialPassword,
    })) as { login: { accessToken: string } };
    operator = { userId: staff.userId, password: 'Uketsuke_2026-flows' };
    await graphql(
      api,
      `
        mutation Change($currentPassword: String!, $newPassword: String!) {
          changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
        }
      `,
      { currentPassword: staff.initialPassword, newPassword: operator.password },
      initial.login.accessToken,
    );
    // ACC-9: staff enrol a second factor before anything else; the browser logins give its code.
    const chosen = (await graphql(api, LOGIN, operator)) as { login: { accessToken: string } };
    operatorDevice = await TestAuthenticator.enrol(askWith(api.url, chosen.login.accessToken));
    browser = await launchChromium();
    page = await openJapanesePage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await smtp?.stop();
    printAxeSummary('portal flows');
  });

  async function expectNoAxeViolations(name: string, on: Page = page): Promise<void> {
    expect(await screen(on, name)).toEqual([]);
  }

  async function heading(name: string, on: Page = page): Promise<void> {
    await on.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function login(
    userId: string,
    password: string,
    on: Page = page,
    device?: TestAuthenticator,
  ): Promise<void> {
    await on.goto(`${api.url}/login`);
    await heading('ログイン', on);
    await on.fill('#f-userId', userId);
    await on.fill('#f-password', password);
    await on.click('button[type=submit]');
    if (device) await typeLoginCode(on, device);
    await on.locator('.site-header button', { hasText: 'ログアウト' }).waitFor();
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
  }

  function submitOverApi(name: string): Promise<number> {
    return graphql(
      api,
      SUBMIT,
      {
        input: {
          kind: 'NEW',
          consentConfirmed: true,
          termsVersion: TERMS_VERSION,
          customer: {
            name,
            department: '本社',
            contactName: '東電　太郎',
            phone: '090-9999-9999',
          },
          applicant: {
            company: '東京電力パワーグリッド株式会社',
            department: '本社',
            name: '田中次郎',
            phone1: '000-0000-0000',
            email: `${customer.userId}@example.jp`,
          },
          meteringPoints: [{ pointId: `031011${digits(16)}`, meterId: 'F146832' }],
          desiredStartDate: plusDays(japanToday(), 30),
        },
      },
      customerToken,
    ).then((data) => (data as { submitApplication: { id: number } }).submitApplication.id);
  }

  it('APP-2, APP-5, APP-7: the terms from termsOfService, the holiday warning before sending, and changed terms asked again', async () => {
    await login(customer.userId, customer.password);
    await page.goto(`${api.url}/apply`);
    await heading('高圧Bルートサービスのお申込み');
    const terms = page.locator('fieldset', { hasText: '利用規約' }).first();
    await terms.getByText('利用規約（2026/04/01版）」を必ずお読みください').waitFor();
    expect(await page.textContent('label.consent')).toBe(
      '上記の利用規約について、需要者本人の同意のうえ、高圧Bルートサービスを申込みます。',
    );
    await page.check('#f-consentConfirmed');
    await page.fill('#f-customer-name', '東京電力パワーグリッド株式会社');
    await page.fill('#f-customer-department', '本社');
    await page.fill('#f-customer-contactName', '東電　太郎');
    await page.fill('#f-customer-phone', '090-9999-9999');
    await page.fill('#f-applicant-company', '東京電力パワーグリッド株式会社');
    await page.fill('#f-applicant-department', '本社');
    await page.fill('#f-applicant-name', '田中次郎');
    await page.fill('#f-applicant-phone1', '000-0000-0000');
    await page.fill('#f-applicant-email', `${customer.userId}@example.jp`);
    // A new installation whose supply point ID is not issued yet (APP-5: 16 zeros).
    await page.fill('#f-meteringPoints-0-pointId', '0310110000000000000000');
    await page.fill('#f-meteringPoints-0-meterId', 'F100001');
    await page.click('#add-point');
    await page.fill('#f-meteringPoints-1-pointId', `031012${digits(16)}`);
    await page.fill('#f-meteringPoints-1-meterId', 'G100002');
    await page.fill('#f-desiredStartDate', slashed(dayAfterYearEnd()));
    await expectNoAxeViolations('flows-01-apply-terms');
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'お申込み内容の確認' }).waitFor();
    // APP-7: the year-end closure is told before anything is sent.
    await page.locator('.notice-warning', { hasText: '年末年始休業' }).waitFor();
    expect(await page.textContent('dl.summary')).toContain('（2026/04/01版）に同意のうえ申込み');
    await expectNoAxeViolations('flows-02-apply-confirm-holiday');

    // The page was read before the terms changed: it sends the version it showed then.
    const sent: unknown[] = [];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        query: string;
        variables: { input?: { termsVersion?: string } };
      };
      if (!body.query.includes('submitApplication')) return route.continue();
      sent.push(body.variables.input?.termsVersion);
      if (body.variables.input) body.variables.input.termsVersion = OLD_TERMS_VERSION;
      return route.continue({ postData: JSON.stringify(body) });
    });
    await page.click('#send-application');
    await page
      .locator('#f-consentConfirmed-error', { hasText: '利用規約が改定されています' })
      .waitFor();
    expect(sent).toEqual([TERMS_VERSION]);
    expect(await page.isChecked('#f-consentConfirmed')).toBe(false);
    expect(await page.locator('.error-summary a[href="#f-consentConfirmed"]').count()).toBe(1);
    await expectNoAxeViolations('flows-03-apply-terms-changed');
    await page.unroute('**/graphql');

    await page.check('#f-consentConfirmed');
    await page.click('button[type=submit]');
    await page.click('#send-application');
    await page.getByRole('heading', { name: 'お申込みを受け付けました' }).waitFor();
    unissuedApplication = (await page.textContent('.answer-id strong')) ?? '';
    expect(unissuedApplication).toMatch(/^\d+$/);
    await page.locator('.notice-warning', { hasText: '年末年始' }).waitFor();
  }, 120_000);

  it('a stale revision: the change sent from a second tab is refused with a clear message and the latest content', async () => {
    secondApplication = await submitOverApi('二つ目タブ株式会社');
    const second = await page.context().newPage();
    second.setDefaultTimeout(10_000);
    await login(customer.userId, customer.password, second);
    for (const tab of [page, second]) {
      await tab.goto(`${api.url}/applications/${secondApplication}`);
      await heading('内容照会・変更・取消', tab);
      await tab.click('button:text("申込内容を変更する")');
      await tab.locator('#f-meteringPoints-0-meterId').waitFor();
    }
    await page.fill('#f-meteringPoints-0-meterId', 'F200001');
    await page.click('button:text("変更を送信する")');
    await page.getByText('申込内容を変更いたしました。').waitFor();

    await second.fill('#f-customer-phone', '03-1234-5678');
    await second.click('button:text("変更を送信する")');
    await second.getByText('ほかの操作').waitFor();
    expect(await second.textContent('.notice-error')).toContain('もう一度操作してください');
    // The form now holds the latest content (the meter ID the first tab sent).
    await second.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('#f-meteringPoints-0-meterId')?.value ===
        'F200001',
    );
    expect(await second.inputValue('#f-customer-phone')).toBe('090-9999-9999');
    await expectNoAxeViolations('flows-04-change-conflict', second);
    await second.close();
  }, 90_000);

  it('取消: the customer withdraws after a confirmation, and can step back from it', async () => {
    await page.goto(`${api.url}/applications/${secondApplication}`);
    await heading('内容照会・変更・取消');
    await page.click('button:text("お申込みを取り消す")');
    await page.getByRole('heading', { name: 'お申込みの取消' }).waitFor();
    expect(await page.textContent('#withdraw-title + p')).toContain('元に戻せません');
    await expectNoAxeViolations('flows-05-withdraw-confirm');
    await page.click('button:text("取り消さない")');
    await page.locator('dl.summary .status', { hasText: '申込受付' }).waitFor();
    await page.click('button:text("お申込みを取り消す")');
    await page.click('button.button-danger:text("取り消す")');
    await page.getByText('お申込みを取り消しました。').waitFor();
    await page.locator('dl.summary .status', { hasText: '取消' }).waitFor();
    expect(await page.locator('button:text("申込内容を変更する")').count()).toBe(0);
    await expectNoAxeViolations('flows-06-withdrawn');
  }, 60_000);

  it('APP-10: 申込一覧 pages by 20 with 「1-20件目表示 (N件中)」 and the next page', async () => {
    for (let count = 0; count < 20; count += 1)
      await submitOverApi(`頁送り${fullWidth(count)}株式会社`);
    const total = 22;
    await page.goto(`${api.url}/applications`);
    await heading('高圧Bルートお申込み一覧の検索');
    await page.click('button:text("検索")');
    await page.getByText(`1-20件目表示 (${total}件中)`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(20);
    await page.click('button:text("次の20件")');
    await page.getByText(`21-22件目表示 (${total}件中)`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    await expectNoAxeViolations('flows-07-search-page-2');
    await page.click('button:text("前の20件")');
    await page.getByText(`1-20件目表示 (${total}件中)`).waitFor();
    await logout();
  }, 120_000);

  it('OPS-4: the operator completes with the issued ID of the unissued point; a wrong prefix is shown at its input', async () => {
    await login(operator.userId, operator.password, page, operatorDevice);
    await page.goto(`${api.url}/applications/${unissuedApplication}`);
    await heading('内容照会・変更・取消');
    await page.click('button:text("手続開始")');
    await page.getByText('手続を開始しました。').waitFor();
    await page.click('button:text("完了")');
    await page.locator('#f-points-0-pointId').waitFor();
    // Only the unissued point (the first) is asked for.
    expect(await page.locator('.complete-form input').count()).toBe(1);
    expect(await page.textContent('label[for=f-points-0-pointId]')).toContain('計量地点1');
    await page.fill('#f-points-0-pointId', `031012${digits(16)}`);
    await page.click('button:text("完了にする")');
    await page.locator('#f-points-0-pointId-error', { hasText: '03-1011' }).waitFor();
    expect(await page.locator('#f-points-0-pointId').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a[href="#f-points-0-pointId"]').count()).toBe(1);
    await expectNoAxeViolations('flows-08-complete-issued-error');
    const issued = `031011${digits(16)}`;
    await page.fill(
      '#f-points-0-pointId',
      `${issued.slice(0, 2)}-${issued.slice(2, 6)}-${issued.slice(6)}`,
    );
    await page.click('button:text("完了にする")');
    await page.getByText('完了にしました。').waitFor();
    await page.locator('dl.summary .status', { hasText: '完了' }).waitFor();
    expect(await page.textContent('dl.summary')).toContain(issued);
    expect(await page.textContent('dl.summary')).not.toContain('0310110000000000000000');
    const timeline = (await page.textContent('.timeline')) ?? '';
    expect(timeline).toContain('地点特定番号の発番');
    expect(timeline).toContain(`計量地点1：0310110000000000000000 → ${issued}`);
    await expectNoAxeViolations('flows-09-completed-issued');
    await logout();

    await login(customer.userId, customer.password);
    await page.goto(`${api.url}/applications/${unissuedApplication}`);
    await page.locator('dl.summary .status', { hasText: '完了' }).waitFor();
    expect(await page.textContent('dl.summary')).toContain(issued);
    await logout();
  }, 90_000);

  it('MTR-1: the operator uploads a registry CSV; a bad file is reported by line and nothing is recorded', async () => {
    await login(operator.userId, operator.password, page, operatorDevice);
    await page.goto(`${api.url}/metering`);
    await heading('計量地点台帳');
    const good = `031011${digits(16)}`;
    const header = 'point_id,meter_id,terminal_type,island';
    await page.setInputFiles('#f-csvFile', {
      name: 'registry.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          header,
          `${good},F300001,HIGH_VOLTAGE_TERMINAL,false`,
          '031011123,F30000,FIBRE,false',
        ].join('\r\n'),
      ),
    });
    await page.click('button:text("取り込む")');
    await page.getByText('ファイルに誤りがあるため、取り込みませんでした').waitFor();
    const report = (await page.textContent('.upload-report table')) ?? '';
    expect(report).toContain('3行目');
    expect(report).toMatch(/22桁/);
    expect(report).not.toContain('2行目');
    await expectNoAxeViolations('flows-10-metering-upload-errors');

    // A UTF-8 file with a BOM, as Excel saves 「CSV UTF-8」, is read too.
    await page.setInputFiles('#f-csvFile', {
      name: 'registry.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFF${header}\r\n${good},F300001,HIGH_VOLTAGE_TERMINAL,false\r\n031012${digits(16)},,OPTICAL,true\r\n`,
      ),
    });
    await page.click('button:text("取り込む")');
    await page.getByText('2行を取り込みました（新規登録 2件、訂正 0件、変更なし 0件）').waitFor();
    await page.fill('#f-lookupPointId', good);
    await page.click('button:text("照会")');
    await page.locator('dl.summary', { hasText: 'F300001' }).waitFor();
    await expectNoAxeViolations('flows-11-metering-upload-done');
  }, 90_000);
});
