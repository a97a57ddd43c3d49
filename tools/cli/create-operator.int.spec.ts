import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { LoginCommand, type LoginResult } from '@app/accounts/testing';
import { embeddedDatabaseLocation, servedEmbeddedDatabaseUrl } from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestDatabaseTarget } from '@test/database';
import { describeOnServer } from '@test/describe-on-server';
import { postGraphql, startTestApp } from '../../apps/api/test/test-app';
import { withCliContext, type CliContextOptions } from './cli-context';
import { runCli, type CliRun } from './testing/run-cli';

const TAKEN = 'userId: このユーザ IDはすでに使用されています。別のユーザ IDを指定してください。\n';
const LOGIN = `mutation L($userId: String!, $password: String!) {
  login(userId: $userId, password: $password) { account { userId role status mustChangePassword } }
}`;

function createOperator(surroundings: CliContextOptions, userId: string, role: string) {
  return runCli(
    surroundings,
    'create-operator',
    '--user-id',
    userId,
    '--email',
    `${userId}@example.jp`,
    '--name',
    '運用 花子',
    '--phone',
    '03-1111-2222',
    '--role',
    role,
  );
}

/** The one line it prints, and nothing on stderr. */
function printedPassword(run: CliRun): string {
  expect(run).toMatchObject({ exitCode: 0, err: '' });
  const password = /^initial password: (\S+)\n$/.exec(run.out)?.[1];
  if (password === undefined) throw new Error(`unexpected output: ${run.out}`);
  return password;
}

describe('create-operator on the embedded database (./var/data)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'create-operator-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('ACC-5: opens ./var/data while the API is down and its socket while it is up; the printed password logs in, to be changed', async () => {
    const surroundings = { environment: { NODE_ENV: 'test' }, root };
    const location = embeddedDatabaseLocation(root);
    const first = printedPassword(await createOperator(surroundings, 'ops.first', 'OPERATOR'));
    expect(existsSync(join(location.dataDir, 'PG_VERSION'))).toBe(true);
    expect(await servedEmbeddedDatabaseUrl(location)).toBeNull();
    expect((await createOperator(surroundings, 'ops.first', 'AUDITOR')).err).toBe(TAKEN);

    // The API's part, played by the same context on the same data directory, served on the socket.
    await withCliContext(async (api) => {
      expect(await servedEmbeddedDatabaseUrl(location)).not.toBeNull();
      const second = printedPassword(await createOperator(surroundings, 'ops.second', 'AUDITOR'));
      const taken = await createOperator(surroundings, 'ops.second', 'OPERATOR');
      expect(taken).toEqual({ out: '', err: TAKEN, exitCode: 1 });
      for (const [userId, password, role] of [
        ['ops.first', first, 'OPERATOR'],
        ['ops.second', second, 'AUDITOR'],
      ] as const) {
        const session: LoginResult = await api
          .get(CommandBus)
          .execute(new LoginCommand(userId, password, '127.0.0.1'));
        expect(session.account).toMatchObject({
          userId,
          role,
          status: 'ACTIVE',
          mustChangePassword: true,
        });
      }
    }, surroundings);
    // Four PGlite starts from disk (a few seconds each on a busy machine).
  }, 180_000);
});

async function loginOverHttp(url: string, userId: string, password: string) {
  const response = await postGraphql(url, { query: LOGIN, variables: { userId, password } });
  return response.body;
}

describe.each(testDatabaseTargets())('create-operator with DATABASE_URL on $kind', (target) => {
  const piiMasterKey = randomBytes(32).toString('base64');

  it('ACC-5, issue 11 §5: while the API runs on that database, the printed password logs in to the app, to be changed; the event keeps only its hash', async () => {
    const api = await startTestApp(target, { PII_MASTER_KEY: piiMasterKey });
    try {
      const surroundings = {
        environment: environment(target, api.schema, piiMasterKey),
        root: '/nonexistent',
      };
      const password = printedPassword(await createOperator(surroundings, 'ops.live', 'OPERATOR'));
      expect((await createOperator(surroundings, 'ops.live', 'AUDITOR')).err).toBe(TAKEN);
      // Through the app's LoginHandler: the tool's own Nest context in this process took over
      // passport's process-wide 'local' strategy, which HTTP login goes through.
      const session: LoginResult = await api.app
        .get(CommandBus)
        .execute(new LoginCommand('ops.live', password, '127.0.0.1'));
      expect(session.account).toMatchObject({
        userId: 'ops.live',
        role: 'OPERATOR',
        status: 'ACTIVE',
        mustChangePassword: true,
      });
      // Issue 11 §5: the event keeps the hash only, neither the password nor a sealed copy.
      const [created] = await api.dataSource.query<{ data: string }[]>(
        `SELECT data::text AS data FROM "${api.schema}".events WHERE type = 'OperatorCreated'`,
      );
      const data = JSON.parse(created?.data ?? '{}') as Record<string, unknown>;
      expect(data['initialPasswordHash']).toMatch(/^\$argon2id\$/);
      expect(Object.keys(data)).not.toContain('initialPassword');
      expect(created?.data).not.toContain(password);
    } finally {
      await api.close();
    }
  }, 180_000);
});

// A PGlite URL is always another process's embedded database, whose projections the tool leaves
// to that process (see cli-database.ts): "the API is down" exists only for a server.
describeOnServer('create-operator with DATABASE_URL while the API is down', (target) => {
  const piiMasterKey = randomBytes(32).toString('base64');

  it('ACC-5: creates the account alone; the API started later lets the printed password log in', async () => {
    const database = await createTestSchema(target, 1);
    try {
      const surroundings = {
        environment: environment(target, database.schema, piiMasterKey),
        root: '/nonexistent',
      };
      const password = printedPassword(await createOperator(surroundings, 'ops.early', 'AUDITOR'));
      expect((await createOperator(surroundings, 'ops.early', 'OPERATOR')).err).toBe(TAKEN);
      const api = await startTestApp(target, {
        PII_MASTER_KEY: piiMasterKey,
        DATABASE_SCHEMA: database.schema,
      });
      try {
        expect(await loginOverHttp(api.url, 'ops.early', password)).toMatchObject({
          data: { login: { account: { role: 'AUDITOR', mustChangePassword: true } } },
        });
      } finally {
        await api.close();
      }
    } finally {
      await database.dispose();
    }
  }, 180_000);
});

function environment(target: TestDatabaseTarget, schema: string, piiMasterKey: string) {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: target.url,
    DATABASE_SCHEMA: schema,
    PII_MASTER_KEY: piiMasterKey,
  };
}
