import { randomUUID } from 'node:crypto';
import {
  AggregateInCommand,
  CommandRunner,
  CommandScope,
  WrongExpectedRevisionError,
  type Actor,
  type CommandMetadata,
} from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { initialState } from '../domain/account.state';
import { accountAggregate, accountStream } from './account-repository';
import { AccountCommandRunner } from './account-command-runner';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { minutesAfter, T0 } from '../testing/account-mother';

const system: Actor = { id: 'system', role: 'SYSTEM' };

function metadata(actor: Actor = system): CommandMetadata {
  return { correlationId: randomUUID(), actor };
}

for (const target of testDatabaseTargets()) {
  describe(`Account repository on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let now: Date;
    let runner: AccountCommandRunner;
    const plaintexts: string[] = [];

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      runner = new AccountCommandRunner(new CommandRunner(bed.store, () => now));
    });
    afterAll(async () => bed.dispose());
    beforeEach(() => {
      now = T0;
    });

    async function register(accountId: string, userId: string) {
      const plain = {
        email: `${userId}@example.jp`,
        name: `山田 ${userId}`,
        phone: `090-${Math.floor(1000 + Math.random() * 8999)}-0001`,
      };
      plaintexts.push(userId, plain.email, plain.name, plain.phone);
      return runner.run(
        accountId,
        {
          type: 'RegisterAccount',
          data: {
            accountId,
            ...(await bed.cipher.sealUserId(accountId, userId)),
            contact: await bed.cipher.encryptContact(accountId, plain),
            passwordHash: 'hash:chosen',
            verificationTokenHash: 'hash:token',
          },
        },
        metadata({ id: 'anonymous', role: 'CUSTOMER' }),
      );
    }

    it('loads an unknown account as unregistered, at revision -1', async () => {
      expect(await bed.repository.load(randomUUID())).toEqual({
        state: { status: 'Unregistered' },
        revision: -1,
      });
    });

    it('saves a decision and loads it back folded, with the metadata it was given', async () => {
      const accountId = randomUUID();
      const registered = await register(accountId, 'round_trip');
      expect(registered.decision.ok).toBe(true);
      expect(registered.revision).toBe(0);

      now = minutesAfter(T0, 5);
      const context = metadata();
      const verified = await runner.run(
        accountId,
        { type: 'VerifyEmail', data: { verificationTokenHash: 'hash:token' } },
        { ...context, causationId: 'cause-1' },
      );
      expect(verified.decision.ok).toBe(true);

      const loaded = await bed.repository.load(accountId);
      expect(loaded).toEqual({ state: verified.state, revision: 1 });
      expect(loaded.state).toMatchObject({
        status: 'Active',
        userIdHmac: bed.cipher.userIdHmac('round_trip'),
      });
      const [, recorded] = await bed.store.readStream(accountStream(accountId));
      expect(recorded?.type).toBe('EmailVerified');
      expect(recorded?.metadata).toMatchObject({
        correlationId: context.correlationId,
        causationId: 'cause-1',
        actor: system,
        occurredAt: now,
        schemaVersion: 1,
      });
    });

    it('ACC-2: saves the facts a refusal records, then answers with the refusal', async () => {
      const accountId = randomUUID();
      await register(accountId, 'too_late');
      now = minutesAfter(T0, 31);
      const outcome = await runner.run(
        accountId,
        { type: 'VerifyEmail', data: { verificationTokenHash: 'hash:token' } },
        metadata(),
      );
      expect(outcome.decision.ok).toBe(false);
      expect(outcome.decision.ok ? null : outcome.decision.error.code).toBe('VERIFICATION_EXPIRED');
      expect(await bed.repository.load(accountId)).toEqual({
        state: {
          status: 'RegistrationVoid',
          accountId,
          userIdHmac: bed.cipher.userIdHmac('too_late'),
        },
        revision: 1,
      });
    });

    it('lets one of two saves at the same expected revision through', async () => {
      const accountId = randomUUID();
      await register(accountId, 'contended');
      const verified = {
        type: 'EmailVerified' as const,
        data: { accountId, verifiedAt: minutesAfter(T0, 1).toISOString() },
      };
      const scopes = [new CommandScope(bed.store, now), new CommandScope(bed.store, now)];
      for (const scope of scopes)
        (await scope.load(accountAggregate, accountId)).record([verified]);
      const results = await Promise.allSettled(scopes.map((scope) => scope.append(metadata())));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const failures = results.flatMap((result): unknown[] =>
        result.status === 'rejected' ? [result.reason] : [],
      );
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await bed.repository.load(accountId)).revision).toBe(1);
    });

    it('refuses a first save when the stream already exists', async () => {
      const accountId = randomUUID();
      await register(accountId, 'first_only');
      await expect(register(accountId, 'first_only')).resolves.toMatchObject({
        decision: { ok: false },
      });
      const verified = {
        type: 'EmailVerified' as const,
        data: { accountId, verifiedAt: T0.toISOString() },
      };
      const unaware = new AggregateInCommand(
        accountAggregate,
        accountStream(accountId),
        initialState,
        -1,
        now,
        'with',
      );
      unaware.record([verified]);
      const part = unaware.toAppend(metadata());
      if (!part) throw new Error('nothing to append');
      await expect(
        bed.store.append(part.stream, part.events, part.expected),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('keeps every plaintext user ID (issue 11 §5), e-mail, name and phone out of the events table', async () => {
      expect(plaintexts.length).toBeGreaterThanOrEqual(16);
      const stored = (await bed.rawEventData()).join('\n');
      expect(stored).toContain('pii:v1:');
      for (const plaintext of plaintexts) expect(stored).not.toContain(plaintext);
      expect(stored).not.toContain('example.jp');
      expect(stored).not.toContain('山田');
    });
  });
}
