/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, with its globals.
import { randomInt } from 'node:crypto';
import { startSmtpTestServer, type SmtpTestServer } from '@app/notifications/testing';
import { testDatabaseTargets } from '@test/database';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import {
  buildPortalIfStale,
  createStaff,
  describeInBrowser,
  enrolInBrowser,
  launchChromium,
  openJapanesePage,
  screen,
  tabTo,
  typeLoginCode,
  printAxeSummary,
} from './browser';
import type { TestAuthenticator } from '@app/accounts/testing';

const PASSWORD = 'Sora-no-iro_2026';
const NEW_PASSWORD = 'Umi-no-iro_2027';

function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const slashed = (text: string) => text.replaceAll('-', '/');
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

describeInBrowser('the portal in Chromium, on the real API (PGlite)', () => {
  const target = testDatabaseTargets()[0];
  let smtp: SmtpTestServer;
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  const customer = { userId: `tanaka_${digits(6)}`, email: '', name: '田中 次郎' };
  customer.email = `${customer.userId}@example.jp`;
  const supplyPoint = `031011${digits(16)}`;
  const receptionPoint = `031012${digits(16)}`;
  let applicationId = '';
  let operator: { userId: string; initialPassword: string };
  let auditor: { userId: string; initialPassword: string };
  const operatorPassword = 'Uketsuke_2026-kakunin';
  let operatorDevice: TestAuthenticator;

  beforeAll(async () => {
    buildPortalIfStale();
    smtp = await startSmtpTestServer();
    if (!target) throw new Error('no test database');
    api = await startTestApp(target, {
      SMTP_URL: smtp.url,
      MAIL_POLL_INTERVAL_MS: '100',
    });
    browser = await launchChromium();
    page = await openJapanesePage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await smtp?.stop();
    printAxeSummary('portal');
  });

  async function expectNoAxeViolations(name: string): Promise<void> {
    expect(await screen(page, name)).toEqual([]);
  }

  async function heading(name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function login(userId: string, password: string): Promise<void> {
    await page.goto(`${api.url}/login`);
    await heading('ログイン');
    await page.fill('#f-userId', userId);
    await page.fill('#f-password', password);
    await page.click('button[type=submit]');
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
  }

  it('serves the portal at / with a strict CSP and no inline script; the login page paints first', async () => {
    const response = await fetch(`${api.url}/applications/123`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // The API's own paths are untouched.
    expect((await fetch(`${api.url}/health`)).status).toBe(200);

    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(api.url)) external.push(request.url());
    });
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    // The entry is recorded with the frame that paints, which may come after the URL changed:
    // ask for it buffered, and give up (null) only if no paint is reported within 10 s.
    const paint = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          new PerformanceObserver((entries, observer) => {
            const entry = entries.getEntriesByName('first-contentful-paint')[0];
            if (entry) {
              observer.disconnect();
              resolve(entry.startTime);
            }
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 10_000);
        }),
    );
    process.stdout.write(
      `portal: first contentful paint of the login page ${paint?.toFixed(0)} ms\n`,
    );
    expect(paint).not.toBeNull();
    await expect(
      page.getByRole('link', { name: '初めてご利用になる方はこちらへ' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('text=Kouatsu2023@tepcoco.jp').count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations('01-login');
    expect(external).toEqual([]);
  }, 60_000);

  it('ACC-1, ACC-2, ACC-3: registers (charset rules at the fields), opens the mailed link, logs in', async () => {
    await page.getByRole('link', { name: '初めてご利用になる方はこちらへ' }).click();
    await page.waitForURL(/\/register$/);
    await heading('新規アカウント登録');
    await expect(page.locator('#f-userId').getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expectNoAxeViolations('02-register');
    // A bad address comes back from the server at its field (ACC-3).
    await page.fill('#f-userId', customer.userId);
    await page.fill('#f-password', PASSWORD);
    await page.fill('#f-passwordConfirmation', PASSWORD);
    await page.fill('#f-email', 'tanaka..jiro@example.jp');
    await page.fill('#f-name', customer.name);
    await page.fill('#f-phone', '090-1234-5678');
    await page.click('button[type=submit]');
    await page.locator('#f-email-error').waitFor();
    expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a[href="#f-email"]').count()).toBe(1);
    await expectNoAxeViolations('03-register-errors');

    await page.fill('#f-email', customer.email);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: '認証メールを送信しました' }).waitFor();
    expect(await page.textContent('main')).toMatch(/30 分以内/);
    await expectNoAxeViolations('04-register-sent');

    const mail = await smtp.waitForMail(
      (m) => m.envelopeTo.includes(customer.email) && /verify-email\?token=/.test(m.text),
    );
    const link = /\S+\/verify-email\?token=(\S+)/.exec(mail.text);
    await page.goto(`${api.url}/verify-email?token=${link?.[1] ?? ''}`);
    await page.getByText('アカウント登録が完了いたしました').waitFor();
    await expectNoAxeViolations('05-verify-email');

    await page.getByRole('link', { name: 'ログイン画面へ' }).click();
    await login(customer.userId, PASSWORD);
    await page.waitForURL(/\/home$/);
    await heading('お申込み状況');
    await expectNoAxeViolations('06-customer-home');
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('b-route.session'),
      local: localStorage.length,
    }));
    expect(stored.session).toContain('token');
    expect(stored.local).toBe(0);
  }, 90_000);

  it('APP-3, APP-4, APP-5, APP-6, APP-7: every refused field of the form is shown at its field and in the summary', async () => {
    await page.goto(`${api.url}/apply`);
    await heading('高圧Bルートサービスのお申込み');
    await expectNoAxeViolations('07-apply-form');
    await page.check('#f-consentConfirmed');
    await page.fill('#f-customer-name', '東京電力①株式会社');
    await page.fill('#f-customer-department', '本社');
    await page.fill('#f-customer-contactName', 'Taro Todeng');
    await page.fill('#f-customer-phone', '090-9999-9999');
    await page.fill('#f-applicant-company', '東京電力パワーグリッド株式会社');
    await page.fill('#f-applicant-department', '本社');
    await page.fill('#f-applicant-name', '田中次郎');
    await page.fill('#f-applicant-phone1', '000-0000-0000');
    await page.fill('#f-applicant-email', customer.email);
    await page.fill('#f-meteringPoints-0-pointId', '0310111234567890123456789');
    await page.fill('#f-meteringPoints-0-meterId', 'f14683');
    await page.fill('#f-desiredStartDate', slashed(plusDays(japanToday(), 13)));
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'お申込み内容の確認' }).waitFor();
    await expectNoAxeViolations('08-apply-confirm-invalid');
    await page.click('#send-application');
    await page.locator('.error-summary').waitFor();
    const expectErrorsAt = async (fields: string[]) => {
      for (const field of fields) {
        await page.locator(`#f-${field}-error`).waitFor();
        expect(await page.locator(`#f-${field}`).getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator(`.error-summary a[href="#f-${field}"]`).count()).toBe(1);
      }
    };
    // ① (APP-4), half-width letters in a 全角 field (APP-3), 25 digits (APP-5), a 6-character
    // meter ID (APP-6): the server names each, and each is shown at its field.
    await expectErrorsAt([
      'customer-name',
      'customer-contactName',
      'meteringPoints-0-pointId',
      'meteringPoints-0-meterId',
    ]);
    expect(await page.textContent('#f-customer-name-error')).toContain('①');
    await expectNoAxeViolations('09-apply-field-errors');
    // With those corrected, the date 13 days out is refused at its field (APP-7).
    await page.fill('#f-customer-name', '東京電力パワーグリッド株式会社');
    await page.fill('#f-customer-contactName', '東電　太郎');
    await page.fill('#f-meteringPoints-0-pointId', `031011${digits(16)}`);
    await page.fill('#f-meteringPoints-0-meterId', 'F146832');
    await page.click('button[type=submit]');
    await page.click('#send-application');
    await expectErrorsAt(['desiredStartDate']);
    expect(await page.textContent('#f-desiredStartDate-error')).toContain('14日');
    await expectNoAxeViolations('09b-apply-date-error');
    // A link of the summary takes the focus to its field.
    await page.click('.error-summary a[href="#f-desiredStartDate"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-desiredStartDate');
  }, 90_000);

  it('APP-1, APP-6, APP-9: a NEW application for a supply and a generation point, submitted with the keyboard only', async () => {
    await page.goto(`${api.url}/apply`);
    await heading('高圧Bルートサービスのお申込み');
    await page.keyboard.press('Tab');
    await tabTo(page, '#f-consentConfirmed');
    await page.keyboard.press('Space');
    const type = async (selector: string, text: string) => {
      await tabTo(page, selector);
      await page.keyboard.type(text);
    };
    await type('#f-customer-name', '東京電力パワーグリッド株式会社');
    await type('#f-customer-department', '本社');
    await type('#f-customer-contactName', '東電　太郎');
    await type('#f-customer-phone', '09099999999');
    await type('#f-applicant-company', '東京電力パワーグリッド株式会社');
    await type('#f-applicant-department', '本社');
    await type('#f-applicant-name', '田中次郎');
    await type('#f-applicant-phone1', '000-0000-0000');
    await type('#f-applicant-email', customer.email);
    await type('#f-meteringPoints-0-pointId', supplyPoint);
    await type('#f-meteringPoints-0-meterId', 'F146832');
    await tabTo(page, '#add-point');
    await page.keyboard.press('Enter');
    await type('#f-meteringPoints-1-pointId', receptionPoint);
    await tabTo(page, '#f-meteringPoints-1-plateOnly');
    await page.keyboard.press('Space');
    await type('#f-meteringPoints-1-meterNumber', '146833');
    await type('#f-meteringPoints-1-inputFormatName', 'FX3');
    expect(await page.textContent('.point-row:nth-of-type(2) .derived, .derived')).toContain(
      'F146833',
    );
    const desired = plusDays(japanToday(), 30);
    await tabTo(page, '#f-desiredStartDate');
    const [year, month, day] = desired.split('-');
    await page.keyboard.type(`${year}/${month}/${day}`);
    await expectNoAxeViolations('10-apply-form-filled');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'お申込み内容の確認' }).waitFor();
    expect(await page.textContent('dl.summary')).toContain('F146833');
    await expectNoAxeViolations('11-apply-confirm');
    await tabTo(page, '#send-application');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'お申込みを受け付けました' }).waitFor();
    applicationId = (await page.textContent('.answer-id strong')) ?? '';
    expect(applicationId).toMatch(/^\d+$/);
    await expectNoAxeViolations('12-apply-done');
    await smtp.waitForMail(
      (m) => m.envelopeTo.includes(customer.email) && m.text.includes(applicationId),
    );
  }, 120_000);

  it('APP-10: finds the application by 申込ID, by registration date range and by a part of the name', async () => {
    await page.goto(`${api.url}/applications`);
    await heading('高圧Bルートお申込み一覧の検索');
    await page.fill('#f-applicationId', applicationId);
    await page.click('button:text("検索")');
    await page.getByText('1-1件目表示 (1件中)').waitFor();
    expect(await page.textContent('table')).toContain('申込受付');
    await expectNoAxeViolations('13-search-by-id');
    await page.fill('#f-applicationId', '');
    await page.fill('#f-registeredFrom', slashed(japanToday()));
    await page.fill('#f-registeredTo', slashed(japanToday()));
    await page.click('button:text("検索")');
    await page.getByText('1-1件目表示 (1件中)').waitFor();
    await page.fill('#f-registeredFrom', '');
    await page.fill('#f-registeredTo', '');
    await page.fill('#f-customerName', 'パワーグリッド');
    await page.click('button:text("検索")');
    await page.getByText('1-1件目表示 (1件中)').waitFor();
    const today = japanToday().replaceAll('-', '/');
    expect(await page.textContent('table')).toContain(today);
    await expectNoAxeViolations('14-search-by-name');
    await logout();
  }, 60_000);

  it('ACC-5, OPS-1: an operator changes the initial password at the first login, then returns the application with a reason', async () => {
    operator = await createStaff(api, 'OPERATOR');
    await login(operator.userId, operator.initialPassword);
    await page.waitForURL(/\/password$/);
    await heading('パスワード変更');
    await expectNoAxeViolations('15-password-forced');
    await page.fill('#f-currentPassword', operator.initialPassword);
    await page.fill('#f-newPassword', operatorPassword);
    await page.fill('#f-confirmation', operatorPassword);
    await page.click('button[type=submit]');
    operatorDevice = await enrolInBrowser(page);
    await page.waitForURL(/\/operator$/);
    await heading('受付一覧');
    await page.getByRole('link', { name: applicationId, exact: true }).waitFor();
    expect(await page.textContent('table')).toMatch(/あと\d+日/);
    await expectNoAxeViolations('16-operator-queue');
    await page.getByRole('link', { name: applicationId, exact: true }).click();
    await page.getByRole('heading', { name: '受付処理' }).waitFor();
    await expectNoAxeViolations('17-operator-detail');
    await page.click('button:text("差戻し")');
    await page.fill('textarea', '計器IDをご確認ください。');
    await page.click('button:text("差戻しする")');
    await page.getByText('差戻しました。').waitFor();
    await page.locator('dl.summary .reason', { hasText: '計器IDをご確認ください。' }).waitFor();
    await logout();
  }, 90_000);

  it('OPS-2, APP-7: the customer reads the reason, corrects and resends', async () => {
    await login(customer.userId, PASSWORD);
    await page.waitForURL(/\/home$/);
    await heading('お申込み状況');
    await page.getByRole('link', { name: applicationId, exact: true }).click();
    await page
      .locator('dl.summary .reason', { hasText: '理由：計器IDをご確認ください。' })
      .waitFor();
    await expectNoAxeViolations('18-customer-returned');
    await page.click('button:text("申込内容を変更する")');
    await page.locator('#f-meteringPoints-0-meterId').waitFor();
    await page.fill('#f-meteringPoints-0-meterId', 'F146834');
    await expectNoAxeViolations('19-customer-change');
    await page.click('button:text("変更を送信する")');
    await page.getByText('変更を受け付け、再度お申込みいたしました。').waitFor();
    await page.locator('dl.summary .status', { hasText: '申込受付' }).waitFor();
    await page.locator('.timeline', { hasText: '申込内容の変更' }).waitFor();
    await expectNoAxeViolations('20-customer-resent');
  }, 90_000);

  it('OPS-1, OPS-4: the operator starts and completes it; the customer sees 完了', async () => {
    await logout();
    await login(operator.userId, operatorPassword);
    await typeLoginCode(page, operatorDevice);
    await page.waitForURL(/\/operator$/);
    await heading('受付一覧');
    await page.goto(`${api.url}/applications/${applicationId}`);
    await heading('内容照会・変更・取消');
    await page.click('button:text("手続開始")');
    await page.getByText('手続を開始しました。').waitFor();
    await page.click('button:text("完了")');
    await page.getByText('完了にしました。').waitFor();
    await logout();
    await login(customer.userId, PASSWORD);
    await page.waitForURL(/\/home$/);
    await heading('お申込み状況');
    await page.locator('table').getByText('完了').waitFor();
    await expectNoAxeViolations('21-customer-home-completed');
    await logout();
  }, 90_000);

  it('the auditor sees the history (revision, JST time, actor and role, event in Japanese, data), the state as of a time and the verification', async () => {
    auditor = await createStaff(api, 'AUDITOR');
    await login(auditor.userId, auditor.initialPassword);
    await page.waitForURL(/\/password$/);
    await heading('パスワード変更');
    await page.fill('#f-currentPassword', auditor.initialPassword);
    await page.fill('#f-newPassword', 'Kansa_2026-kakunin');
    await page.fill('#f-confirmation', 'Kansa_2026-kakunin');
    await page.click('button[type=submit]');
    await enrolInBrowser(page);
    await page.waitForURL(/\/auditor$/);
    await heading('高圧Bルートお申込み一覧の検索');
    await page.fill('#f-applicationId', applicationId);
    await page.click('button:text("検索")');
    await page.getByRole('link', { name: applicationId, exact: true }).click();
    await page.getByText('改ざんは見つかりませんでした').waitFor();
    const timeline = (await page.textContent('.timeline')) ?? '';
    for (const event of ['申込み', '手続開始', '差戻し', '申込内容の変更', '完了'])
      expect(timeline).toContain(event);
    expect(timeline).toMatch(/版番号 0\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}申込みお客さま/);
    await expectNoAxeViolations('22-auditor-history');
    const now = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(Date.now() + 60_000));
    await page.fill('#f-at', slashed(now));
    await page.click('button:text("表示")');
    await page.getByText(/時点（版番号 \d+）の内容です/).waitFor();
    await expectNoAxeViolations('23-auditor-as-of');
    await logout();
  }, 90_000);

  it('ACC-4, ACC-5: three wrong passwords lock the account; the operator unlocks it; the initial password must be changed', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await login(customer.userId, 'Machigai-no-pass_1');
      await page.locator('.error-summary').waitFor();
    }
    // The right password on a locked account is told that it is locked.
    await login(customer.userId, PASSWORD);
    await page.locator('.error-summary', { hasText: 'ロック' }).waitFor();
    await expectNoAxeViolations('24-login-locked');

    await login(operator.userId, operatorPassword);
    await typeLoginCode(page, operatorDevice);
    await page.waitForURL(/\/operator$/);
    await heading('受付一覧');
    await page.goto(`${api.url}/accounts`);
    await heading('アカウント管理');
    await page.fill('#f-searchUserId', customer.userId);
    await page.click('button:text("検索")');
    await page.getByText('ロック中').waitFor();
    await expectNoAxeViolations('25-accounts-locked');
    await page.click('button:text("ロック解除")');
    await page.getByText('ロックを解除し').waitFor();
    await page.click('button:text("登録内容の変更")');
    await page.locator('#f-phone').waitFor();
    await expectNoAxeViolations('26-accounts-contact');
    await logout();

    const mail = await smtp.waitForMail(
      (m) => m.envelopeTo.includes(customer.email) && /初期パスワード[:：]/.test(m.text),
    );
    const initial = /初期パスワード[:：]\s*(\S+)/.exec(mail.text)?.[1] ?? '';
    await login(customer.userId, initial);
    await page.waitForURL(/\/password$/);
    await heading('パスワード変更');
    await page.fill('#f-currentPassword', initial);
    await page.fill('#f-newPassword', NEW_PASSWORD);
    await page.fill('#f-confirmation', NEW_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/home$/);
    await heading('お申込み状況');
  }, 120_000);

  it('an expired session sends the user to login and back to the page they were on', async () => {
    await page.goto(`${api.url}/applications/${applicationId}`);
    await heading('内容照会・変更・取消');
    await page.locator('dl.summary').waitFor();
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('b-route.session') ?? '{}') as Record<
        string,
        unknown
      >;
      sessionStorage.setItem('b-route.session', JSON.stringify({ ...session, token: 'expired' }));
    });
    await page.reload();
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('ログイン後、元の画面に戻ります。').waitFor();
    await page.fill('#f-userId', customer.userId);
    await page.fill('#f-password', NEW_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(new RegExp(`/applications/${applicationId}$`));
    await logout();
    expect(await page.evaluate(() => sessionStorage.getItem('b-route.session'))).toBeNull();
  }, 60_000);

  it('MTR-1: the operator looks up and records a metering point in the registry', async () => {
    await login(operator.userId, operatorPassword);
    await typeLoginCode(page, operatorDevice);
    await page.waitForURL(/\/operator$/);
    await heading('受付一覧');
    await page.goto(`${api.url}/metering`);
    await heading('計量地点台帳');
    await page.fill('#f-pointId', `031011${digits(16)}`);
    await page.fill('#f-meterId', 'F555555');
    await page.click('button:text("登録する")');
    await page.getByText('を登録（訂正）いたしました。').waitFor();
    await page.locator('dl.summary').waitFor();
    await expectNoAxeViolations('27-metering');
  }, 60_000);
});
