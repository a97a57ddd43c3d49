import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jest } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { VerificationTokens, type IssuedVerificationToken } from '@app/accounts';
import { buildSchema, findBreakingChanges } from 'graphql';
import { testDatabaseTargets } from '@test/database';
import { postGraphql, startTestApp, type GraphqlResponse, type TestApp } from './test-app';

const PASSWORD = 'kumo-no-ue_2026';
const ACCOUNT_FIELDS =
  'id userId email name phone role status mustChangePassword createdAt lastLoginAt';
// The contract's account operations and the types they use; the rest comes with later issues.
const ACCOUNT_PART =
  /^(Account|Session|AccountPage|RegisterAccountInput|AccountContactInput|Role|AccountStatus|Query\.(me|accounts)|Mutation\.(registerAccount|verifyEmail|login|logout|changePassword|unlockAccount|resetPassword|changeAccountContact))\b/;

const REGISTER = `mutation Register($input: RegisterAccountInput!) { registerAccount(input: $input) }`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { ${ACCOUNT_FIELDS} } }`;
const LOGIN = `mutation Login($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { accessToken expiresAt account { id userId status } }
}`;

function inputFor(userId: string, overrides: Record<string, string> = {}) {
  return {
    userId,
    password: PASSWORD,
    email: `${userId}@example.jp`,
    name: '山田 太郎',
    phone: '090-1234-5678',
    ...overrides,
  };
}

function codeOf(response: GraphqlResponse): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

describe.each(testDatabaseTargets())('customer account operations over HTTP on $kind', (target) => {
  let api: TestApp;
  const issued: IssuedVerificationToken[] = [];

  beforeAll(async () => {
    api = await startTestApp(target);
    // The verification mail is not wired yet: the spec reads the token where it is made.
    const tokens = api.app.get(VerificationTokens);
    const issue = tokens.issue.bind(tokens);
    jest.spyOn(tokens, 'issue').mockImplementation(() => {
      const token = issue();
      issued.push(token);
      return token;
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function register(userId: string, overrides: Record<string, string> = {}) {
    return postGraphql(api.url, {
      query: REGISTER,
      variables: { input: inputFor(userId, overrides) },
    });
  }

  async function registerAndVerify(userId: string): Promise<void> {
    const before = issued.length;
    expect((await register(userId)).body).toEqual({ data: { registerAccount: true } });
    const token = issued[before]?.token;
    if (token === undefined) throw new Error('no verification token was issued');
    const verified = await postGraphql(api.url, { query: VERIFY, variables: { token } });
    expect(verified.body.errors).toBeUndefined();
  }

  function login(userId: string, password = PASSWORD) {
    return postGraphql(api.url, { query: LOGIN, variables: { userId, password } });
  }

  it('register → verifyEmail → login → me', async () => {
    expect((await register('hanako_01')).body).toEqual({ data: { registerAccount: true } });
    const token = issued.at(-1)?.token ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const verified = await postGraphql(api.url, { query: VERIFY, variables: { token } });
    expect(verified.body).toEqual({
      data: {
        verifyEmail: {
          id: expect.any(String),
          userId: 'hanako_01',
          email: 'hanako_01@example.jp',
          name: '山田 太郎',
          phone: '090-1234-5678',
          role: 'CUSTOMER',
          status: 'ACTIVE',
          mustChangePassword: false,
          createdAt: expect.any(String),
          lastLoginAt: null,
        },
      },
    });
    const again = await postGraphql(api.url, { query: VERIFY, variables: { token } });
    expect(codeOf(again)).toBe('CONFLICT');

    const session = await login('hanako_01');
    expect(session.body.errors).toBeUndefined();
    const { accessToken, account } = session.body.data?.['login'] as {
      accessToken: string;
      account: { userId: string; status: string };
    };
    expect(account).toMatchObject({ userId: 'hanako_01', status: 'ACTIVE' });

    const me = await postGraphql(
      api.url,
      { query: `{ me { userId email status lastLoginAt } }` },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(me.body).toEqual({
      data: {
        me: {
          userId: 'hanako_01',
          email: 'hanako_01@example.jp',
          status: 'ACTIVE',
          lastLoginAt: expect.any(String),
        },
      },
    });

    const loggedOut = await postGraphql(
      api.url,
      { query: 'mutation { logout }' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(loggedOut.body).toEqual({ data: { logout: true } });
    const after = await postGraphql(
      api.url,
      { query: '{ me { userId } }' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('ACC-4: three wrong passwords lock the account without telling the guesser; then even the right one is refused', async () => {
    await registerAndVerify('locked_01');
    const first = await login('locked_01', 'wrong-password-1');
    expect(codeOf(first)).toBe('UNAUTHENTICATED');
    expect(first.body.errors?.[0]?.message).toBe('ユーザ ID、もしくはパスワードが違います。');
    expect(codeOf(await login('locked_01', 'wrong-password-2'))).toBe('UNAUTHENTICATED');
    const third = await login('locked_01', 'wrong-password-3');
    expect(third.body.errors?.[0]).toMatchObject({
      message: first.body.errors?.[0]?.message,
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const wrongAfterLock = await login('locked_01', 'wrong-password-4');
    expect(wrongAfterLock.body.errors?.[0]).toMatchObject({
      message: first.body.errors?.[0]?.message,
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const right = await login('locked_01');
    expect(codeOf(right)).toBe('ACCOUNT_LOCKED');
  });

  it('ACC-8: the lock, told to the right password, names the contact address and what to write (Q16)', async () => {
    await registerAndVerify('locked_02');
    for (const attempt of [1, 2, 3]) await login('locked_02', `wrong-password-${attempt}`);
    const right = await login('locked_02');
    expect(codeOf(right)).toBe('ACCOUNT_LOCKED');
    expect(right.body.errors?.[0]?.message).toContain(
      'Kouatsu2023@tepcoco.jp へ「登録済のユーザ ID・メールアドレス・名義・電話番号」をご記載のうえ',
    );
  });

  it('an unknown user ID gets the same error as a wrong password', async () => {
    const unknown = await login('nobody_here');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    await registerAndVerify('known_01');
    const wrong = await login('known_01', 'not-the-password');
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('ACC-3: bad input is BAD_USER_INPUT with fields in Japanese, in input order', async () => {
    const before = issued.length;
    const response = await register('taro yamada', {
      password: 'password',
      email: 'taro..yamada@example.jp',
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'userId', code: 'INVALID_CHARACTER', message: expect.stringMatching(/U\+0020/) },
      { field: 'password', code: 'COMMON_PASSWORD', message: expect.stringMatching(/パスワード/) },
      { field: 'email', code: 'EMAIL_CONSECUTIVE_DOTS', message: expect.stringMatching(/「\.」/) },
    ]);
    expect(issued.length).toBe(before);
  });

  it('ACC-1: registering a taken user ID still answers true, and changes nothing', async () => {
    await registerAndVerify('taken_01');
    const before = issued.length;
    const again = await register('taken_01', { email: 'someone.else@example.jp' });
    expect(again.body).toEqual({ data: { registerAccount: true } });
    expect(issued.length).toBe(before);
    expect((await login('taken_01')).body.errors).toBeUndefined();
  });

  it("serves the contract's account part without a breaking change", () => {
    const contract = buildSchema(
      // The repo's copy of ../shared/contract/schema.graphql: CI clones may lack ../shared.
      readFileSync(resolve(process.cwd(), 'apps/api/contract/schema.graphql'), 'utf8'),
    );
    const { schema } = api.app.get(GraphQLSchemaHost);
    const breaking = findBreakingChanges(contract, schema).filter((change) =>
      ACCOUNT_PART.test(change.description),
    );
    expect(breaking).toEqual([]);
  });
});
