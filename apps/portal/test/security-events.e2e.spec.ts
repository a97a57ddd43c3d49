import { SecurityEventLog } from '@app/accounts';
import { testDatabaseTargets } from '@test/database';
import type { Browser, Page } from 'playwright-core';
import { postGraphql, startTestApp, type TestApp } from '../../api/test/test-app';
import {
  buildPortalIfStale,
  createStaff,
  describeInBrowser,
  launchChromium,
  openJapanesePage,
  screen,
  enrolInBrowser,
} from './browser';

const AUDITOR_PASSWORD = 'Kansa_2026-anzen';

describeInBrowser('the auditor’s security events screen in Chromium (ASVS 16)', () => {
  const target = testDatabaseTargets()[0];
  let api: TestApp;
  let browser: Browser;
  let page: Page;
  let auditor: { userId: string; initialPassword: string };

  beforeAll(async () => {
    buildPortalIfStale();
    if (!target) throw new Error('no test database');
    api = await startTestApp(target);
    browser = await launchChromium();
    page = await openJapanesePage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function heading(name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it('lists the period’s events newest first in Japanese, JST times, with paging and no axe violation', async () => {
    // One real refusal over HTTP, and enough recorded failures for a second page.
    const wrong = await postGraphql(api.url, {
      query: 'mutation { login(userId: "sec_nobody", password: "Machigai_2026") { accessToken } }',
    });
    expect(wrong.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const log = api.app.get(SecurityEventLog);
    for (let i = 0; i < 55; i += 1) {
      await log.loginFailed(
        { userId: `guess_${i}`, role: null },
        '203.0.113.9',
        'INVALID_CREDENTIALS',
      );
    }

    // Staff sign-in as portal.e2e does it: the initial password, its replacement (ACC-5), the
    // second factor (ACC-9).
    auditor = await createStaff(api, 'AUDITOR');
    await page.goto(`${api.url}/login`);
    await heading('ログイン');
    await page.fill('#f-userId', auditor.userId);
    await page.fill('#f-password', auditor.initialPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/password$/);
    await page.fill('#f-currentPassword', auditor.initialPassword);
    await page.fill('#f-newPassword', AUDITOR_PASSWORD);
    await page.fill('#f-confirmation', AUDITOR_PASSWORD);
    await page.click('button[type=submit]');
    await enrolInBrowser(page); // ACC-9: staff enrol a second factor first
    await page.waitForURL(/\/auditor$/);

    await page.getByRole('link', { name: 'セキュリティイベント' }).click();
    await page.waitForURL(/\/security-events$/);
    await heading('セキュリティイベント');
    await page.getByText(/^1-50件目表示 \(\d+件中\)$/).waitFor();
    const count = (await page.textContent('.count')) ?? '';
    const total = Number(/\((\d+)件中\)/.exec(count)?.[1]);
    expect(total).toBeGreaterThanOrEqual(57);

    const headers = await page.locator('table thead th').allTextContents();
    expect(headers).toEqual(['日時', '種別', 'ユーザ ID', 'ロール', '接続元アドレス', '内容']);
    const rows = await page
      .locator('table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(row[0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    // Newest first: the auditor's own enrolment of a second factor (a staff act) tops the list,
    // its operation named as the portal names it.
    expect(rows[0]).toEqual([
      expect.any(String),
      '担当者の操作',
      auditor.userId,
      '監査担当者',
      expect.stringMatching(/127\.0\.0\.1$/),
      '操作: 2段階認証の設定',
    ]);
    expect(rows).toContainEqual([
      expect.any(String),
      'ログイン失敗',
      'guess_54',
      '—',
      '203.0.113.9',
      '理由: ユーザ ID またはパスワードの誤り',
    ]);
    const now = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date());
    // The newest row is this minute's, in Japan time (or the one before, across a minute's turn).
    const shown = Date.parse(`${(rows[0]?.[0] ?? '').replaceAll('/', '-')}:00+09:00`);
    const expected = Date.parse(`${now.replace(' ', 'T')}:00+09:00`);
    expect(expected - shown).toBeGreaterThanOrEqual(0);
    expect(expected - shown).toBeLessThanOrEqual(60_000);
    expect(await screen(page, 'security-events-01-list')).toEqual([]);

    await page.getByRole('button', { name: '次の50件' }).click();
    await page.getByText(new RegExp(`^51-${total}件目表示 \\(${total}件中\\)$`)).waitFor();
    const second = await page.locator('table tbody tr').allTextContents();
    expect(second.join('\n')).toContain('sec_nobody');
    expect(second.join('\n')).toContain('ログイン失敗');
  }, 180_000);

  it('asks for a period in the FAQ’s date form and says when it holds nothing', async () => {
    await page.fill('#f-from', '2026/13/01');
    await page.click('button:text("表示")');
    await page.getByText('期間は「2026/04/01」の形式で入力してください。').first().waitFor();
    expect(await screen(page, 'security-events-02-bad-date')).toEqual([]);

    await page.fill('#f-from', '2020/04/01');
    await page.fill('#f-to', '2020/04/30');
    await page.click('button:text("表示")');
    await page.getByText('この期間のイベントはありません。').waitFor();
    expect(await screen(page, 'security-events-03-empty')).toEqual([]);
  }, 60_000);
});
