/// <reference lib="dom" />
import { testDatabaseTargets } from '@test/database';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import type { TestAuthenticator } from '@app/accounts/testing';
import { registerCustomer } from '../../api/test/sign-in';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import {
  buildPortalIfStale,
  createStaff,
  describeInBrowser,
  enrolInBrowser,
  launchChromium,
  openJapanesePage,
  screen,
  typeLoginCode,
} from './browser';

const STAFF_PASSWORD = 'Nidankai_2026-ninsho';

describeInBrowser('ACC-9 second factor in the portal, in Chromium on the real API (PGlite)', () => {
  const target = testDatabaseTargets()[0];
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  const external: string[] = [];
  let operator: { userId: string; initialPassword: string };
  let operatorDevice: TestAuthenticator;

  beforeAll(async () => {
    buildPortalIfStale();
    if (!target) throw new Error('no test database');
    api = await startTestApp(target);
    browser = await launchChromium();
    page = await openJapanesePage(browser);
    page.on('request', (request) => {
      if (!request.url().startsWith(api.url)) external.push(request.url());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function expectNoAxeViolations(name: string): Promise<void> {
    expect(await screen(page, name)).toEqual([]);
  }

  async function login(userId: string, password: string): Promise<void> {
    await page.goto(`${api.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.fill('#f-userId', userId);
    await page.fill('#f-password', password);
    await page.click('button[type=submit]');
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login/);
  }

  it('ACC-9: an operator sets a password, then lands on the enrolment page (QR code, key, code) and sees the ten recovery codes once', async () => {
    operator = await createStaff(api, 'OPERATOR');
    await login(operator.userId, operator.initialPassword);
    await page.waitForURL(/\/password$/);
    await page.fill('#f-currentPassword', operator.initialPassword);
    await page.fill('#f-newPassword', STAFF_PASSWORD);
    await page.fill('#f-confirmation', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/mfa$/);
    await page.getByText('2段階認証の設定が必要です').waitFor();
    // No menu until enrolled: every other screen would answer MFA_REQUIRED.
    expect(await page.getByRole('navigation', { name: 'メニュー' }).count()).toBe(0);
    await expectNoAxeViolations('mfa-01-enrol-start');
    await page.goto(`${api.url}/operator`);
    await page.waitForURL(/\/mfa$/);

    await page.getByRole('button', { name: '設定を始める' }).click();
    const qr = page.getByRole('img', { name: '認証アプリに登録するためのQRコード' });
    await qr.waitFor();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(await page.locator('.mfa-secret').textContent()).toMatch(
      /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/,
    );
    await expectNoAxeViolations('mfa-02-enrol-qr');
    // A wrong code is refused on the field, and the key stays on screen.
    await page.fill('#f-code', '12345');
    await page.getByRole('button', { name: '設定する' }).click();
    await page.locator('.field-error', { hasText: '確認コードが正しくありません' }).waitFor();
    await expectNoAxeViolations('mfa-03-enrol-wrong-code');
    // Start again from a fresh page, as a person who reloads would.
    await page.goto(`${api.url}/mfa`);
    const shown: string[] = [];
    operatorDevice = await enrolInBrowser(page, async () => {
      shown.push(...(await page.locator('.recovery-codes code').allTextContents()));
      await expectNoAxeViolations('mfa-04-recovery-codes');
    });
    expect(shown).toHaveLength(10);
    for (const code of shown)
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await page.waitForURL(/\/operator$/);
    await page.getByRole('heading', { level: 1, name: '受付一覧' }).waitFor();
    expect(external).toEqual([]);
  }, 90_000);

  it('ACC-9: the login page asks for the 確認コード after the right password, keeps user ID and password, refuses a wrong code and signs in with the right one', async () => {
    await logout();
    await login(operator.userId, STAFF_PASSWORD);
    await page.locator('#f-otp').waitFor();
    expect(await page.inputValue('#f-userId')).toBe(operator.userId);
    expect(await page.inputValue('#f-password')).toBe(STAFF_PASSWORD);
    await page.locator('.error-summary', { hasText: '確認コード' }).waitFor();
    await expectNoAxeViolations('mfa-05-login-code');
    const far = generateSync({
      secret: operatorDevice.secret,
      epoch: Math.floor(Date.now() / 1000) + 10 * 30,
    });
    await page.fill('#f-otp', far);
    await page.click('button[type=submit]');
    await page.locator('.error-summary', { hasText: '確認コードが正しくありません' }).waitFor();
    await expectNoAxeViolations('mfa-06-login-code-wrong');
    await typeLoginCode(page, operatorDevice);
    await page.waitForURL(/\/operator$/);
    await logout();
  }, 60_000);

  it('ACC-9: a customer enrols from the menu and then signs in with the code', async () => {
    const customer = await registerCustomer(api);
    await login(customer.userId, customer.password);
    await page.waitForURL(/\/home$/);
    await page
      .getByRole('navigation', { name: 'メニュー' })
      .getByRole('link', { name: '2段階認証' })
      .click();
    await page.waitForURL(/\/mfa$/);
    expect(await page.getByText('2段階認証の設定が必要です').count()).toBe(0);
    await expectNoAxeViolations('mfa-07-customer-enrol-start');
    const device = await enrolInBrowser(page);
    await page.waitForURL(/\/home$/);
    await page.goto(`${api.url}/mfa`);
    await page.getByText('2段階認証は設定済みです').waitFor();
    await expectNoAxeViolations('mfa-08-customer-enrolled');
    await logout();
    await login(customer.userId, customer.password);
    await typeLoginCode(page, device);
    await page.waitForURL(/\/home$/);
    // A new password ends the sessions; the new login needs the code, so the user gives it.
    await page.goto(`${api.url}/password`);
    await page.fill('#f-currentPassword', customer.password);
    await page.fill('#f-newPassword', STAFF_PASSWORD);
    await page.fill('#f-confirmation', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/login\?changed=1$/);
    await page.getByText('パスワードを変更いたしました').waitFor();
    await expectNoAxeViolations('mfa-09-password-changed-login');
    await page.fill('#f-userId', customer.userId);
    await page.fill('#f-password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await typeLoginCode(page, device);
    await page.waitForURL(/\/home$/);
    await logout();
  }, 60_000);
});
