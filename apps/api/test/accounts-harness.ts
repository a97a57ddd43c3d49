import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CommandBus } from '@nestjs/cqrs';
import { CreateOperatorCommand, PasswordHasher, type CreatedOperator } from '@app/accounts';
import { parseRawMail } from '@app/notifications/testing';
import {
  AccountsReader,
  SESSION_CLOCK,
  TestAuthenticator,
  accountStream,
  type SessionClock,
} from '@app/accounts/testing';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-sourcing';
import type { TestDatabaseTarget } from '@test/database';
import { askWith, postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

/** How long a spec waits for the dispatcher to write a mail (it polls every second). */
const MAIL_WAIT_MS = 30_000;

export const CUSTOMER_PASSWORD = 'kumo-no-ue_2026';
export const STAFF_PASSWORD = 'umi-no-soko_2026';
export const CHOSEN_PASSWORD = 'hoshi-no-sora_2026';

const LOGIN = `mutation Login($userId: String!, $password: String!, $otp: String) {
  login(userId: $userId, password: $password, otp: $otp) {
    accessToken account { id userId status mustChangePassword }
  }
}`;
export const CHANGE_PASSWORD = `mutation Change($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}`;

export function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

/**
 * The real app on a fresh schema, with what account specs need around it: staff accounts made
 * by the create-operator use case, customers
 * registered and verified over HTTP, and the secrets the mailer sent, read from the mail files
 * the app wrote.
 */
export class AccountsHarness {
  /** ACC-9: the authenticator of each staff account `staffToken` enrolled, by user ID. */
  private readonly authenticators = new Map<string, TestAuthenticator>();

  private constructor(
    readonly api: TestApp,
    private readonly clock: { offsetMs: number },
  ) {}

  static async start(
    target: TestDatabaseTarget,
    environment: Record<string, string> = {},
  ): Promise<AccountsHarness> {
    const clock = { offsetMs: 0 };
    const api = await startTestApp(
      target,
      // Every spec's logins come from 127.0.0.1; throttling has its own spec.
      { LOGIN_FAILURES_PER_USER_AND_ADDRESS: '100000', ...environment },
      [],
      () => new Date(Date.now() + clock.offsetMs),
    );
    return new AccountsHarness(api, clock);
  }

  /** Moves the app's domain clock (decisions, sessions) by `ms` from now on; 0 puts it back. */
  setClockAhead(ms: number): void {
    this.clock.offsetMs = ms;
  }

  close(): Promise<void> {
    return this.api.close();
  }

  gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
    return postGraphql(
      this.api.url,
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    );
  }

  /** With a fresh code of the account's authenticator when it has one (ACC-9). */
  login(userId: string, password: string) {
    const otp = this.authenticators.get(userId)?.code() ?? null;
    return this.gql(LOGIN, { userId, password, otp });
  }

  async tokenOf(userId: string, password: string): Promise<string> {
    const response = await this.login(userId, password);
    const token = (response.body.data?.['login'] as { accessToken?: string } | undefined)
      ?.accessToken;
    if (!token) throw new Error(`login ${userId}: ${JSON.stringify(response.body)}`);
    return token;
  }

  /**
   * What the create-operator tool runs, run in the app: a tool's own Nest context in this process
   * would take over passport's process-wide 'local' strategy and leave the app's login with a
   * closed one. The tool itself is proven in tools/cli/create-operator.int.spec.ts.
   */
  createOperator(userId: string, role: 'OPERATOR' | 'AUDITOR'): Promise<CreatedOperator> {
    return this.api.app
      .get(CommandBus)
      .execute(
        new CreateOperatorCommand(
          { userId, email: `${userId}@example.jp`, name: '運用 太郎', phone: '03-1234-5678', role },
          { id: 'cli:create-operator:spec', role: 'SYSTEM' },
        ),
      );
  }

  /**
   * A staff account past its first login: its initial password replaced by STAFF_PASSWORD and
   * its second factor enrolled (ACC-9), which frees the session answered.
   */
  async staffToken(userId: string, role: 'OPERATOR' | 'AUDITOR'): Promise<string> {
    const { initialPassword } = await this.createOperator(userId, role);
    const first = await this.tokenOf(userId, initialPassword);
    const changed = await this.gql(
      CHANGE_PASSWORD,
      { current: initialPassword, next: STAFF_PASSWORD },
      first,
    );
    if (changed.body.errors) throw new Error(JSON.stringify(changed.body));
    const session = await this.tokenOf(userId, STAFF_PASSWORD);
    const clock = this.api.app.get<symbol, SessionClock>(SESSION_CLOCK);
    this.authenticators.set(
      userId,
      await TestAuthenticator.enrol(askWith(this.api.url, session), clock),
    );
    return session;
  }

  /** registerAccount → verifyEmail with the mailed token → login; answers the session token. */
  async customerToken(userId: string): Promise<string> {
    const registered = await this.gql(
      `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
      {
        input: {
          userId,
          password: CUSTOMER_PASSWORD,
          email: `${userId}@example.jp`,
          name: '山田 花子',
          phone: '090-1111-2222',
        },
      },
    );
    if (registered.body.errors) throw new Error(JSON.stringify(registered.body));
    const token = await this.sealedSecret(userId, 'verificationToken');
    const verified = await this.gql(
      `mutation V($token: String!) { verifyEmail(token: $token) { id } }`,
      {
        token,
      },
    );
    if (verified.body.errors) throw new Error(JSON.stringify(verified.body));
    return this.tokenOf(userId, CUSTOMER_PASSWORD);
  }

  async accountId(userId: string): Promise<string> {
    const account = await this.api.app.get(AccountsReader).byUserId(userId);
    if (!account) throw new Error(`no account ${userId}`);
    return account.id;
  }

  async events(userId: string): Promise<RecordedEvent[]> {
    const store = this.api.app.get<symbol, EventStore>(EVENT_STORE);
    return store.readStream(accountStream(await this.accountId(userId)));
  }

  /**
   * What the holder's mail carries: the secret whose hash the account's latest event of that
   * kind holds, read from the mail the app wrote (issue 11 §5: events keep only the hash, the
   * plaintext lives in the ledger until the mail is sent). Waits for the dispatcher to write it.
   */
  async sealedSecret(
    userId: string,
    name: 'verificationToken' | 'initialPassword',
  ): Promise<string> {
    const hashField =
      name === 'verificationToken' ? 'verificationTokenHash' : 'initialPasswordHash';
    const hash = (await this.events(userId))
      .map((event) => (event.data as Record<string, unknown>)[hashField])
      .filter((value): value is string => typeof value === 'string')
      .at(-1);
    if (hash === undefined) throw new Error(`no ${hashField} in ${userId}'s events`);
    const pattern =
      name === 'verificationToken' ? /verify-email\?token=(\S+)/ : /初期パスワード: (\S+)/;
    const hasher = this.api.app.get(PasswordHasher);
    const matches = async (secret: string): Promise<boolean> =>
      name === 'verificationToken'
        ? createHash('sha256').update(secret, 'utf8').digest('hex') === hash
        : hasher.verify(hash, secret);
    // A deadline, not a number of tries: each try reads every mail so far, and a suite writes many.
    const deadline = Date.now() + MAIL_WAIT_MS;
    while (Date.now() < deadline) {
      for (const secret of await this.mailedSecrets(pattern)) {
        if (await matches(secret)) return secret;
      }
      await delay(25);
    }
    throw new Error(
      `no mail carries ${userId}'s latest ${name} after ${MAIL_WAIT_MS} ms; the ledger's last rows: ${await this.ledgerTail()}`,
    );
  }

  /** What the mail ledger says of the latest mails, for a failure to show why one is missing. */
  private async ledgerTail(): Promise<string> {
    const dataSource = this.api.app.get(DataSource);
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    const rows: unknown[] = await dataSource.query(
      `SELECT template, status, attempts, last_error, created_at, next_attempt_at
       FROM "${schema}".mail_deliveries ORDER BY created_at DESC LIMIT 5`,
    );
    return JSON.stringify(rows);
  }

  private async mailedSecrets(pattern: RegExp): Promise<string[]> {
    const names = await readdir(this.api.mailDirectory).catch(() => []);
    const secrets: string[] = [];
    for (const file of names.filter((entry) => entry.endsWith('.eml'))) {
      const mail = parseRawMail(await readFile(join(this.api.mailDirectory, file)));
      const found = pattern.exec(mail.text)?.[1];
      if (found) secrets.push(decodeURIComponent(found));
    }
    return secrets;
  }
}
