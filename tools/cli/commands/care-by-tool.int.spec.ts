import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AccountCommandRunner, CreateOperatorCommand, type CreatedOperator } from '@app/accounts';
import { AccountsReader, asEncryptedText } from '@app/accounts/testing';
import { EVENT_STORE, ProjectionRunners, type EventStore } from '@app/event-sourcing';
import { createTestSchema, testDatabaseTargets, type TestSchema } from '@test/database';
import { openCliContext } from '../cli-context';
import type { CliOutput } from '../cli-output';
import { careByTool } from './care-by-tool.command';

function recordingOutput(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe.each(testDatabaseTargets())(
  'npm run cli -- unlock-account / reset-staff on $kind',
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

    async function operator(userId: string): Promise<CreatedOperator> {
      return context.get(CommandBus).execute(
        new CreateOperatorCommand(
          {
            userId,
            email: `${userId}@example.jp`,
            name: '運用 太郎',
            phone: '03-1234-5678',
            role: 'OPERATOR',
          },
          { id: 'cli:create-operator:spec', role: 'SYSTEM' },
        ),
      );
    }

    /** Three wrong passwords, as ACC-4 counts them. */
    async function lockOut(accountId: string): Promise<void> {
      const runner = context.get(AccountCommandRunner);
      const metadata = {
        correlationId: randomUUID(),
        actor: { id: accountId, role: 'OPERATOR' as const },
      };
      let checkpoint = null;
      for (let i = 0; i < 3; i++) {
        const outcome = await runner.run(
          accountId,
          {
            type: 'RecordLoginAttempt',
            data: { clientAddress: '198.51.100.1', passwordMatched: false },
          },
          metadata,
        );
        checkpoint = outcome.checkpoint ?? checkpoint;
      }
      if (checkpoint) await context.get(ProjectionRunners).waitFor('accounts', checkpoint, 20_000);
    }

    it('ACC-9: unlock-account unlocks a locked operator (the break-glass), prints a fresh initial password and records the tool as actor SYSTEM', async () => {
      const created = await operator('ops.locked');
      await lockOut(created.account.id);
      expect(await context.get(AccountsReader).byUserId('ops.locked')).toMatchObject({
        status: 'LOCKED',
      });

      const output = recordingOutput();
      const issued = await careByTool(context, 'unlock-account', 'ops.locked', output);
      expect(issued?.account).toMatchObject({ status: 'ACTIVE', mustChangePassword: true });
      expect(output.lines).toEqual([`initial password: ${issued?.initialPassword}`]);
      expect(issued?.initialPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);

      const events = await context
        .get<symbol, EventStore>(EVENT_STORE)
        .readStream(`account-${created.account.id}`);
      const unlocked = events.find((event) => event.type === 'AccountUnlocked');
      expect(unlocked?.metadata.actor).toMatchObject({ role: 'SYSTEM' });
      expect(unlocked?.metadata.actor?.id).toMatch(/^cli:unlock-account:/);
    });

    it('ACC-9: reset-staff re-initialises a staff password; a refusal prints its Japanese message', async () => {
      await operator('ops.forgot');
      const output = recordingOutput();
      const issued = await careByTool(context, 'reset-staff', 'ops.forgot', output);
      expect(issued?.account).toMatchObject({ userId: 'ops.forgot', mustChangePassword: true });

      const refused = recordingOutput();
      expect(await careByTool(context, 'unlock-account', 'ops.forgot', refused)).toBeNull();
      expect(refused.errors).toEqual([expect.stringMatching(/^CONFLICT: .*ロックされていません/)]);
      expect(await careByTool(context, 'reset-staff', 'nobody_here', refused)).toBeNull();
      expect(refused.errors.at(-1)).toMatch(/^NOT_FOUND: /);
    });

    it('ACC-9: reset-staff also takes away the second factor, so a staff member who lost the authenticator enrols again', async () => {
      const created = await operator('ops.lostphone');
      const accountId = created.account.id;
      const runner = context.get(AccountCommandRunner);
      const metadata = {
        correlationId: randomUUID(),
        actor: { id: accountId, role: 'OPERATOR' as const },
      };
      await runner.run(
        accountId,
        { type: 'StartMfaEnrollment', data: { secret: asEncryptedText('sealed-secret') } },
        metadata,
      );
      const enabled = await runner.run(
        accountId,
        {
          type: 'ConfirmMfaEnrollment',
          data: {
            timeStep: 1,
            recoveryCodeHashes: Array.from({ length: 10 }, (_, i) => `hash-${i}`),
          },
        },
        metadata,
      );
      if (enabled.checkpoint) {
        await context.get(ProjectionRunners).waitFor('accounts', enabled.checkpoint, 20_000);
      }
      expect(await context.get(AccountsReader).byUserId('ops.lostphone')).toMatchObject({
        mfaEnabled: true,
      });

      const issued = await careByTool(context, 'reset-staff', 'ops.lostphone', recordingOutput());
      expect(issued?.account).toMatchObject({ mustChangePassword: true, mfaEnabled: false });
      const types = (
        await context.get<symbol, EventStore>(EVENT_STORE).readStream(`account-${accountId}`)
      ).map((event) => event.type);
      expect(types.slice(-2)).toEqual(['PasswordReset', 'MfaRemoved']);
    });
  },
);
