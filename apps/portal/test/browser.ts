import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import playwright, { type Browser, type Locator, type Page } from 'playwright-core';
import { AccountCommandRunner, AccountContactCipher, PasswordHasher } from '@app/accounts';
import { TestAuthenticator, type StaffRole } from '@app/accounts/testing';
import { ProjectionRunners } from '@app/event-sourcing';
import type { TestApp } from '../../api/test/test-app';

/** Debian's Chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = 'var/screenshots';

/**
 * Runs `suite` in a real browser. Without Chromium the suite is one skipped test that says why
 * (never a silent pass); Playwright's own browser downloads are never used.
 */
export function describeInBrowser(title: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) describe(title, suite);
  else
    describe(title, () =>
      it.skip(`needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`, () =>
        undefined),
    );
}

/** Builds the portal when its sources changed since the last build, as `npm start` does. */
export function buildPortalIfStale(): void {
  const result = spawnSync('node', ['tools/build/build-if-stale.mjs', '--portal'], {
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`portal build failed:\n${result.stdout}\n${result.stderr}`);
}

export async function launchChromium(): Promise<Browser> {
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium formats date fields by its own locale: Japanese, as the portal's users see them.
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=ja',
    ],
  });
}

/**
 * A page in a fresh window as the portal's users have it: Japanese locale, Japan time, a desktop
 * viewport. More tabs of the same session: `page.context().newPage()`.
 *
 * A step may wait 30 s: one click can cost several argon2id hashes (a forced password change is a
 * verify, a hash and the new login's verify, 64 MiB each) while the other jest worker saturates
 * both cores — the newcomer run once took more than 10 s there while the fuzz suite ran beside it.
 */
export async function openJapanesePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1200, height: 900 },
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

export interface AxeFinding {
  readonly screen: string;
  readonly id: string;
  readonly targets: string[];
}

/** Every screen the run visited, with axe's violations there (expected: none). */
const visited: { screen: string; violations: AxeFinding[] }[] = [];

/** One line for the test log: how many screens axe checked in this file, and what it found. */
export function printAxeSummary(suite: string): void {
  const findings = visited.flatMap((entry) => entry.violations);
  process.stdout.write(
    `${suite}: ${visited.length} screens checked by axe, ${findings.length} violation(s)\n`,
  );
}

/**
 * Saves a full-page screenshot as `var/screenshots/<screen>.png` and runs axe (WCAG 2.1 A/AA)
 * on the page as it is; answers the violations so the spec can expect none.
 */
export async function screen(page: Page, name: string): Promise<AxeFinding[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const violations = result.violations.map((violation) => ({
    screen: name,
    id: `${violation.id}: ${violation.help}`,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  visited.push({ screen: name, violations });
  return violations;
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    const there = await page.evaluate(
      (wanted) => document.activeElement?.matches(wanted) ?? false,
      selector,
    );
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * ACC-9's enrolment page as a person goes through it: reads the key shown beside the QR code into
 * a test authenticator, types its code, keeps the recovery codes and goes on. Answers the
 * authenticator for later logins.
 */
export async function enrolInBrowser(
  page: Page,
  onRecoveryCodes: () => Promise<void> = async () => undefined,
): Promise<TestAuthenticator> {
  await page.getByRole('heading', { level: 1, name: '2段階認証の設定' }).waitFor();
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secret = ((await page.locator('.mfa-secret').textContent()) ?? '').replace(/\s/g, '');
  const device = new TestAuthenticator(secret);
  await page.fill('#f-code', device.code());
  await page.getByRole('button', { name: '設定する' }).click();
  await untilShownOrRefused(page, page.getByRole('heading', { name: '回復コード' }));
  device.keepRecoveryCodes(await page.locator('.recovery-codes code').allTextContents());
  await onRecoveryCodes();
  await page.getByRole('button', { name: '回復コードを保管しました' }).click();
  return device;
}

/**
 * Waits for `expected`, but stops at once with the page's error summary when the form was
 * refused instead, so a red run says what the server answered rather than only that it waited.
 */
async function untilShownOrRefused(page: Page, expected: Locator): Promise<void> {
  const refusal = page.getByRole('alert');
  await expected.or(refusal).first().waitFor();
  if (await refusal.isVisible()) {
    throw new Error(`refused: ${((await refusal.innerText()) ?? '').replace(/\s+/g, ' ')}`);
  }
}

/** ACC-9: the code the login page asks for once the password was right. */
export async function typeLoginCode(page: Page, device: TestAuthenticator): Promise<void> {
  await page.locator('#f-otp').waitFor();
  await page.fill('#f-otp', device.code());
  await page.click('button[type=submit]');
}

/**
 * A staff account as `npm run cli -- create-operator` makes it: an OperatorCreated event with
 * an initial password, which the browser then has to replace at the first login (ACC-5).
 */
export async function createStaff(
  api: TestApp,
  role: StaffRole,
): Promise<{ userId: string; initialPassword: string }> {
  const accountId = randomUUID();
  const userId = `${role.toLowerCase()}_${accountId.slice(0, 8)}`;
  const initialPassword = `Shoki-${randomUUID()}`;
  const cipher = api.app.get(AccountContactCipher);
  const outcome = await api.app.get(AccountCommandRunner).run(
    accountId,
    {
      type: 'CreateOperator',
      data: {
        accountId,
        ...(await cipher.sealUserId(accountId, userId)),
        role,
        contact: await cipher.encryptContact(accountId, {
          email: `${userId}@example.jp`,
          name: role === 'OPERATOR' ? '受付 花子' : '監査 次郎',
          phone: '03-0000-0000',
        }),
        initialPasswordHash: await api.app.get(PasswordHasher).hash(initialPassword),
      },
    },
    { correlationId: randomUUID(), actor: { id: 'create-operator', role: 'SYSTEM' } },
  );
  if (!outcome.decision.ok || outcome.checkpoint === null) throw new Error(`no ${role} created`);
  await api.app.get(ProjectionRunners).waitFor('accounts', outcome.checkpoint, 5_000);
  return { userId, initialPassword };
}
