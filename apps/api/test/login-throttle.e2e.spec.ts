import { jest } from '@jest/globals';
import { VerificationTokens, accountStream, type IssuedVerificationToken } from '@app/accounts';
import { EVENT_STORE, type EventStore } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { postFrom } from './client-from';
import { startTestApp, type GraphqlResponse } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const WRONG_LOGIN = 'ユーザ ID、もしくはパスワードが違います。';
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken }
}`;

type Errors = NonNullable<GraphqlResponse['body']['errors']>;

function codesOf(errors: Errors | undefined): unknown[] {
  return (errors ?? []).map((error) => error.extensions?.['code']);
}

/** The app, with the verification tokens it issues kept, so specs can open the mailed links. */
async function startWithTokens(
  target: Parameters<typeof startTestApp>[0],
  environment: Record<string, string>,
) {
  const api = await startTestApp(target, environment);
  const issued: IssuedVerificationToken[] = [];
  const tokens = api.app.get(VerificationTokens);
  const issue = tokens.issue.bind(tokens);
  jest.spyOn(tokens, 'issue').mockImplementation(() => {
    const token = issue();
    issued.push(token);
    return token;
  });

  async function registerAndVerify(userId: string, from = '127.0.0.1'): Promise<string> {
    const input = {
      userId,
      password: PASSWORD,
      email: `${userId}@example.jp`,
      name: '山田 太郎',
      phone: '090-1234-5678',
    };
    const registered = await postFrom(api.url, from, {
      query: `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
      variables: { input },
    });
    expect(registered.body).toEqual({ data: { registerAccount: true } });
    const verified = await postFrom(api.url, from, {
      query: `mutation V($token: String!) { verifyEmail(token: $token) { id } }`,
      variables: { token: issued.at(-1)?.token },
    });
    const id = (verified.body.data?.['verifyEmail'] as { id?: string } | undefined)?.id;
    if (id === undefined) throw new Error(`not verified: ${JSON.stringify(verified.body)}`);
    return id;
  }

  function loginFrom(
    address: string,
    userId: string,
    password = PASSWORD,
    headers: Record<string, string> = {},
  ) {
    return postFrom(api.url, address, { query: LOGIN, variables: { userId, password } }, headers);
  }

  return { api, registerAndVerify, loginFrom };
}

describe.each(testDatabaseTargets())(
  'throttling that counts guesses, not people, on $kind',
  (target) => {
    describe('with the production defaults', () => {
      let bed: Awaited<ReturnType<typeof startWithTokens>>;
      const office = '127.0.0.21';
      const userIds = Array.from({ length: 50 }, (_, i) => `office_${String(i).padStart(2, '0')}`);
      const accountIds = new Map<string, string>();

      beforeAll(async () => {
        // The production defaults of .env.example, in place of the test apps' relaxed ones.
        bed = await startWithTokens(target, {
          LOGIN_FAILURES_PER_USER_AND_ADDRESS: '10',
          LOGIN_FAILURES_PER_ADDRESS: '300',
          LOGIN_DELAY_FREE_FAILURES: '20',
          REGISTER_PER_ADDRESS_PER_HOUR: '20',
          REGISTER_PER_HOUR: '1000',
          VERIFY_EMAIL_PER_ADDRESS_PER_HOUR: '60',
          VERIFY_EMAIL_PER_HOUR: '3000',
        });
        // Registered from five addresses: registration has its own, tighter, per-address budget.
        for (const [i, userId] of userIds.entries()) {
          accountIds.set(userId, await bed.registerAndVerify(userId, `127.0.1.${(i % 5) + 1}`));
        }
        accountIds.set('unrelated', await bed.registerAndVerify('unrelated', '127.0.1.9'));
      }, 240_000);

      afterAll(async () => {
        await bed?.api.close();
      });

      it('50 distinct accounts log in successfully from one address within a minute, none refused', async () => {
        // All at once: far within a minute, and within every throttle window.
        const responses = await Promise.all(userIds.map((userId) => bed.loginFrom(office, userId)));
        const refused = responses.filter((response) => response.body.errors !== undefined);
        expect(refused.map((response) => response.body.errors)).toEqual([]);
      }, 90_000);

      it('ACC-4: 20 wrong passwords against 20 user IDs from one address lock no account and leave an unrelated right-password login working', async () => {
        const targets = userIds.slice(0, 20);
        for (const userId of targets) {
          const response = await bed.loginFrom(office, userId, 'not-the-password-1');
          expect(codesOf(response.body.errors)).toEqual(['UNAUTHENTICATED']);
          expect(response.body.errors?.[0]?.message).toBe(WRONG_LOGIN);
        }

        expect((await bed.loginFrom(office, 'unrelated')).body.errors).toBeUndefined();
        const again = await Promise.all(userIds.map((userId) => bed.loginFrom(office, userId)));
        expect(again.filter((response) => response.body.errors !== undefined)).toEqual([]);

        const store = bed.api.app.get<symbol, EventStore>(EVENT_STORE);
        for (const accountId of accountIds.values()) {
          const events = await store.readStream(accountStream(accountId));
          expect(events.some((event) => event.type === 'AccountLocked')).toBe(false);
        }
      }, 120_000);
    });

    describe('with small limits', () => {
      let bed: Awaited<ReturnType<typeof startWithTokens>>;

      beforeAll(async () => {
        bed = await startWithTokens(target, {
          LOGIN_FAILURES_PER_USER_AND_ADDRESS: '3',
          LOGIN_FAILURES_PER_ADDRESS: '6',
          LOGIN_DELAY_FREE_FAILURES: '100',
          TRUST_PROXY: '127.0.0.40',
          REGISTER_PER_ADDRESS_PER_HOUR: '2',
          REGISTER_PER_HOUR: '5',
          VERIFY_EMAIL_PER_ADDRESS_PER_HOUR: '3',
          VERIFY_EMAIL_PER_HOUR: '1000',
        });
      }, 60_000);

      afterAll(async () => {
        await bed?.api.close();
      });

      it('limits wrong guesses per (user ID, address): the fourth at one ID answers RATE_LIMITED in Japanese, other IDs and addresses are untouched', async () => {
        await bed.registerAndVerify('pair_01', '127.0.2.1');
        for (let i = 0; i < 3; i++) {
          const response = await bed.loginFrom('127.0.0.31', 'nobody_here', `guess-${i}`);
          expect(codesOf(response.body.errors)).toEqual(['UNAUTHENTICATED']);
        }
        const refused = await bed.loginFrom('127.0.0.31', 'nobody_here', 'guess-3');
        expect(codesOf(refused.body.errors)).toEqual(['RATE_LIMITED']);
        expect(refused.body.errors?.[0]?.message).toMatch(/時間をおいてから/);

        expect((await bed.loginFrom('127.0.0.31', 'pair_01')).body.errors).toBeUndefined();
        expect(
          codesOf((await bed.loginFrom('127.0.0.32', 'nobody_here', 'guess-4')).body.errors),
        ).toEqual(['UNAUTHENTICATED']);
      });

      it('limits wrong guesses per address at all user IDs; right passwords never count', async () => {
        await bed.registerAndVerify('address_01', '127.0.2.2');
        for (let i = 0; i < 10; i++) {
          expect((await bed.loginFrom('127.0.0.33', 'address_01')).body.errors).toBeUndefined();
        }
        for (let i = 0; i < 6; i++) {
          const response = await bed.loginFrom('127.0.0.33', `nobody_${i}`, 'guess');
          expect(codesOf(response.body.errors)).toEqual(['UNAUTHENTICATED']);
        }
        expect(
          codesOf((await bed.loginFrom('127.0.0.33', 'nobody_7', 'guess')).body.errors),
        ).toEqual(['RATE_LIMITED']);
        // The ceiling is a wall for this address only (an IPv4 address; IPv6 would be its /64).
        expect((await bed.loginFrom('127.0.0.34', 'address_01')).body.errors).toBeUndefined();
      });

      it('ACC-4: a throttled attempt checks no password, records no LoginFailed and does not count towards the lock', async () => {
        const accountId = await bed.registerAndVerify('throttle_02', '127.0.2.3');
        for (let i = 0; i < 6; i++) await bed.loginFrom('127.0.0.35', `nobody_${i}`, 'guess');
        for (let i = 0; i < 3; i++) {
          const throttled = await bed.loginFrom('127.0.0.35', 'throttle_02', `wrong-${i}`);
          expect(codesOf(throttled.body.errors)).toEqual(['RATE_LIMITED']);
        }
        const events = await bed.api.app
          .get<symbol, EventStore>(EVENT_STORE)
          .readStream(accountStream(accountId));
        expect(events.some((event) => event.type === 'LoginFailed')).toBe(false);
        expect((await bed.loginFrom('127.0.0.36', 'throttle_02')).body.errors).toBeUndefined();
      });

      it('believes X-Forwarded-For only from a TRUST_PROXY address, and counts an IPv6 client by its /64', async () => {
        const viaProxy = (client: string, password: string) =>
          bed.loginFrom('127.0.0.40', 'nobody_v6', password, { 'x-forwarded-for': client });
        // Three addresses of one /64 share the (user ID, address) budget of 3.
        for (const client of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::3']) {
          expect(codesOf((await viaProxy(client, 'guess')).body.errors)).toEqual([
            'UNAUTHENTICATED',
          ]);
        }
        expect(codesOf((await viaProxy('2001:db8:1:2::4', 'guess')).body.errors)).toEqual([
          'RATE_LIMITED',
        ]);
        // Another /64 behind the same proxy is another client.
        expect(codesOf((await viaProxy('2001:db8:1:3::1', 'guess')).body.errors)).toEqual([
          'UNAUTHENTICATED',
        ]);
        // From an address that is no trusted proxy, the header is the client's own word: ignored.
        for (let i = 0; i < 3; i++) {
          await bed.loginFrom('127.0.0.41', 'nobody_xff', 'guess', {
            'x-forwarded-for': `198.51.100.${i}`,
          });
        }
        const spoofed = await bed.loginFrom('127.0.0.41', 'nobody_xff', 'guess', {
          'x-forwarded-for': '198.51.100.99',
        });
        expect(codesOf(spoofed.body.errors)).toEqual(['RATE_LIMITED']);
      });

      it('throttles registration per address and overall, and e-mail verification per address', async () => {
        const register = (from: string, userId: string) =>
          postFrom(bed.api.url, from, {
            query: `mutation R($input: RegisterAccountInput!) { registerAccount(input: $input) }`,
            variables: {
              input: {
                userId,
                password: PASSWORD,
                email: `${userId}@example.jp`,
                name: '山田 太郎',
                phone: '090-1234-5678',
              },
            },
          });
        // Four registrations above were made from 127.0.2.x, one each; the overall budget is 5.
        expect((await register('127.0.3.1', 'reg_01')).body.errors).toBeUndefined();
        const perAddress = await register('127.0.2.1', 'reg_02');
        expect(perAddress.body.errors).toBeUndefined();
        const third = await register('127.0.2.1', 'reg_03');
        expect(codesOf(third.body.errors)).toEqual(['RATE_LIMITED']);
        expect(third.body.errors?.[0]?.message).toMatch(/時間をおいてから/);
        const overall = await register('127.0.3.2', 'reg_04');
        expect(codesOf(overall.body.errors)).toEqual(['RATE_LIMITED']);

        const verify = (token: string) =>
          postFrom(bed.api.url, '127.0.0.50', {
            query: `mutation V($token: String!) { verifyEmail(token: $token) { id } }`,
            variables: { token },
          });
        for (let i = 0; i < 3; i++) {
          expect(codesOf((await verify(`made-up-token-${i}`)).body.errors)).toEqual(['NOT_FOUND']);
        }
        expect(codesOf((await verify('made-up-token-3')).body.errors)).toEqual(['RATE_LIMITED']);
      });
    });
  },
);
