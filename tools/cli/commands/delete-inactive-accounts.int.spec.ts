import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { AccountCommandRunner, AccountContactCipher } from '@app/accounts';
import { AccountsReader, type AccountCommand } from '@app/accounts/testing';
import {
  CommandRunner,
  EVENT_STORE,
  PII_ERASED,
  ProjectionRunners,
  type EventStore,
} from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { openCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { deleteInactiveAccounts } from './delete-inactive-accounts.command';

const DAY = 24 * 60 * 60 * 1000;

function recordingOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe.each(testDatabaseTargets())(
  'npm run cli -- delete-inactive-accounts on $kind',
  (target) => {
    let database: TestSchema;
    let context: INestApplicationContext;

    beforeAll(async () => {
      database = await createTestSchema(target, 1);
      context = await openCliContext({
        environment: {
          NODE_ENV: 'test',
          DATABASE_URL: target.url,
          DATABASE_SCHEMA: database.schema,
          DATABASE_POOL_SIZE: '3',
          PII_MASTER_KEY: randomBytes(32).toString('base64'),
        },
      });
    });

    afterAll(async () => {
      await context.close();
      await database.dispose();
    });

    /** A verified customer whose registration, and so last use, was `daysAgo` days ago. */
    async function customerFrom(daysAgo: number, userId: string): Promise<string> {
      const at = new Date(Date.now() - daysAgo * DAY);
      const runner = new AccountCommandRunner(
        new CommandRunner(context.get<symbol, EventStore>(EVENT_STORE), () => at),
      );
      const cipher = context.get(AccountContactCipher);
      const accountId = randomUUID();
      const metadata = {
        correlationId: randomUUID(),
        actor: { id: accountId, role: 'CUSTOMER' as const },
      };
      const register: AccountCommand = {
        type: 'RegisterAccount',
        data: {
          accountId,
          ...(await cipher.sealUserId(accountId, userId)),
          contact: await cipher.encryptContact(accountId, {
            email: `${userId}@example.jp`,
            name: '山田 太郎',
            phone: '090-1234-5678',
          }),
          passwordHash: 'hash:chosen',
          verificationTokenHash: `hash:${accountId}`,
        },
      };
      await runner.run(accountId, register, metadata);
      const verified = await runner.run(
        accountId,
        { type: 'VerifyEmail', data: { verificationTokenHash: `hash:${accountId}` } },
        metadata,
      );
      if (verified.checkpoint === null) throw new Error('not verified');
      await context.get(ProjectionRunners).waitFor('accounts', verified.checkpoint, 20_000);
      return accountId;
    }

    it('ACC-7: deletes the accounts unused for a year, prints how many, and deletes nothing more when run again', async () => {
      const idle = await customerFrom(400, 'cli_idle_01');
      const recent = await customerFrom(100, 'cli_recent_01');

      const output = recordingOutput();
      expect(await deleteInactiveAccounts(context, output)).toBe(1);
      expect(output.lines).toEqual(['1 inactive account deleted']);

      const query = context.get(AccountsReader);
      expect(await query.byId(idle)).toMatchObject({ status: 'DELETED', email: PII_ERASED });
      expect(await query.byId(recent)).toMatchObject({
        status: 'ACTIVE',
        email: 'cli_recent_01@example.jp',
      });

      const again = recordingOutput();
      expect(await deleteInactiveAccounts(context, again)).toBe(0);
      expect(again.lines).toEqual(['0 inactive accounts deleted']);
    });
  },
);
