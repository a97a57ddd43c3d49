import { randomUUID } from 'node:crypto';
import { CommandRunner, PII_ERASED, type Actor } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import { AccountCommandRunner } from '../infrastructure/account-command-runner';
import { ACCOUNT_EVENT_SCHEMA_VERSION, accountStream } from '../infrastructure/account-repository';
import type { PlainContact } from '../infrastructure/account-contact-cipher';
import type { AccountCommand } from '../domain/account.command';
import { hoursAfter, minutesAfter, T0 } from '../testing/account-mother';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { AccountRowEntity } from './account-row.entity';

const system: Actor = { id: 'system', role: 'SYSTEM' };
const operator: Actor = { id: 'op-1', role: 'OPERATOR' };
const ONE_YEAR_AND_A_DAY_HOURS = 367 * 24;

for (const target of testDatabaseTargets()) {
  describe(`Accounts projection and query on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let now: Date;
    let runner: AccountCommandRunner;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      runner = new AccountCommandRunner(new CommandRunner(bed.store, () => now));
    });
    afterAll(async () => bed.dispose());
    beforeEach(() => {
      now = T0;
    });

    function contactOf(userId: string): PlainContact {
      return { email: `${userId}@example.jp`, name: `田中 ${userId}`, phone: '03-1234-5678' };
    }

    async function run(accountId: string, command: AccountCommand, actor = system) {
      const outcome = await runner.run(accountId, command, { correlationId: randomUUID(), actor });
      if (!outcome.checkpoint) throw new Error(`${command.type} appended nothing`);
      return { ...outcome, appended: outcome.checkpoint };
    }

    async function register(accountId: string, userId: string) {
      return run(accountId, {
        type: 'RegisterAccount',
        data: {
          accountId,
          ...(await bed.cipher.sealUserId(accountId, userId)),
          contact: await bed.cipher.encryptContact(accountId, contactOf(userId)),
          passwordHash: 'hash:chosen',
          verificationTokenHash: 'hash:token',
        },
      });
    }

    async function activate(accountId: string, userId: string) {
      await register(accountId, userId);
      now = minutesAfter(T0, 5);
      return run(accountId, {
        type: 'VerifyEmail',
        data: { verificationTokenHash: 'hash:token' },
      });
    }

    it('builds the row from a registration; the query decrypts its contact fields', async () => {
      const accountId = randomUUID();
      const { appended } = await register(accountId, 'suzuki');
      await bed.project(appended);

      const stored = await bed.dataSource.getRepository(AccountRowEntity).findOneByOrFail({
        id: accountId,
      });
      expect(stored.email).toMatch(/^pii:v1:/);
      expect(stored.email).not.toContain('suzuki');
      // Issue 11 §5: the user ID as the event holds it, sealed, and found by its keyed HMAC.
      expect(stored.userId).toMatch(/^pii:v1:/);
      expect(stored.userIdHmac).toBe(bed.cipher.userIdHmac('suzuki'));
      const expected = {
        id: accountId,
        userId: 'suzuki',
        ...contactOf('suzuki'),
        role: 'CUSTOMER',
        status: 'PENDING_VERIFICATION',
        mustChangePassword: false,
        mfaEnabled: false,
        createdAt: T0,
        lastLoginAt: null,
        deletedAt: null,
      };
      expect(await bed.query.byId(accountId)).toEqual(expected);
      expect(await bed.query.byUserId('suzuki')).toEqual(expected);
      expect(await bed.query.page({ offset: 0, limit: 10, userId: 'suzuki' })).toEqual({
        total: 1,
        offset: 0,
        items: [expected],
      });
    });

    it('follows verification, login, lock, unlock and contact changes', async () => {
      const accountId = randomUUID();
      await activate(accountId, 'sato');
      const loginAt = hoursAfter(T0, 1);
      now = loginAt;
      await run(accountId, {
        type: 'RecordLoginAttempt',
        data: { clientAddress: '203.0.113.7', passwordMatched: true },
      });
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await run(accountId, {
          type: 'RecordLoginAttempt',
          data: { clientAddress: '203.0.113.7', passwordMatched: false },
        });
      }
      const { appended: afterLock } = await run(accountId, {
        type: 'ChangeContact',
        data: {
          actor: operator,
          clientAddress: '203.0.113.7',
          changed: await bed.cipher.encryptChanges(accountId, { phone: '080-0000-1111' }),
        },
      });
      await bed.project(afterLock);
      expect(await bed.query.byId(accountId)).toMatchObject({
        status: 'LOCKED',
        lastLoginAt: loginAt,
        email: 'sato@example.jp',
        phone: '080-0000-1111',
      });

      const { appended } = await run(accountId, {
        type: 'UnlockAccount',
        data: {
          actor: operator,
          clientAddress: '203.0.113.7',
          initialPasswordHash: 'hash:initial',
        },
      });
      await bed.project(appended);
      expect(await bed.query.byId(accountId)).toMatchObject({
        status: 'ACTIVE',
        mustChangePassword: true,
      });
    });

    it('ACC-7: after the vault forgets the account, its fields read as erased', async () => {
      const accountId = randomUUID();
      const { appended } = await activate(accountId, 'forgotten');
      await bed.project(appended);
      expect(await bed.query.byId(accountId)).toMatchObject({ email: 'forgotten@example.jp' });

      await bed.vault.forget(accountId);
      expect(await bed.query.byId(accountId)).toMatchObject({
        email: PII_ERASED,
        name: PII_ERASED,
        phone: PII_ERASED,
      });
    });

    it('ACC-7: a deleted account shows DELETED, erased, and its user ID can be registered anew', async () => {
      const first = randomUUID();
      await activate(first, 'reused_id');
      now = hoursAfter(T0, ONE_YEAR_AND_A_DAY_HOURS);
      const { appended: deleted } = await run(first, {
        type: 'DeleteForInactivity',
        data: {},
      });
      await bed.vault.forget(first);
      await bed.project(deleted);
      expect(await bed.query.byId(first)).toMatchObject({
        status: 'DELETED',
        deletedAt: now,
        userId: PII_ERASED,
        email: PII_ERASED,
        name: PII_ERASED,
        phone: PII_ERASED,
      });
      expect(await bed.query.byUserId('reused_id')).toBeNull();

      const second = randomUUID();
      const { appended } = await register(second, 'reused_id');
      await bed.project(appended);
      expect(await bed.query.byUserId('reused_id')).toMatchObject({
        id: second,
        status: 'PENDING_VERIFICATION',
        email: 'reused_id@example.jp',
      });
      // The deleted account is no longer found by the user ID it had (issue 11 §5).
      const page = await bed.query.page({ offset: 0, limit: 10, userId: 'reused_id' });
      expect(page.items.map((item) => item.id)).toEqual([second]);
      const [row] = await bed.dataSource.query<{ user_id: null; user_id_hmac: null }[]>(
        `SELECT user_id, user_id_hmac FROM "${bed.schema}".accounts WHERE id = $1`,
        [first],
      );
      expect(row).toEqual({ user_id: null, user_id_hmac: null });
    });

    it('issue 11 §5: an account registered before the user ID was sealed is found by its clear ID, and keeps none once deleted', async () => {
      const accountId = randomUUID();
      const { checkpoint } = await bed.store.append(
        accountStream(accountId),
        [
          {
            id: randomUUID(),
            type: 'AccountRegistered',
            data: {
              accountId,
              userId: 'legacy_id',
              role: 'CUSTOMER',
              contact: await bed.cipher.encryptContact(accountId, contactOf('legacy_id')),
              passwordHash: 'hash:chosen',
              verificationTokenHash: 'hash:legacy',
              verificationExpiresAt: minutesAfter(T0, 30).toISOString(),
              registeredAt: T0.toISOString(),
            },
            metadata: {
              correlationId: randomUUID(),
              causationId: null,
              actor: system,
              occurredAt: T0,
              schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
            },
          },
        ],
        'no_stream',
      );
      await bed.project(checkpoint);
      expect(await bed.query.byUserId('legacy_id')).toMatchObject({ id: accountId });
      expect(await bed.query.page({ offset: 0, limit: 10, userId: 'legacy_id' })).toMatchObject({
        total: 1,
        items: [{ id: accountId, userId: 'legacy_id' }],
      });

      now = minutesAfter(T0, 5);
      await run(accountId, { type: 'VerifyEmail', data: { verificationTokenHash: 'hash:legacy' } });
      now = hoursAfter(T0, ONE_YEAR_AND_A_DAY_HOURS);
      const { appended: deleted, decision } = await run(accountId, {
        type: 'DeleteForInactivity',
        data: {},
      });
      // No HMAC to free the reservation by: the ID is freed when next claimed (UserIdClaims).
      expect(decision.events[0]?.data).not.toHaveProperty('userIdHmac');
      await bed.project(deleted);
      expect(await bed.query.byUserId('legacy_id')).toBeNull();
      const [row] = await bed.dataSource.query<{ user_id: null }[]>(
        `SELECT user_id FROM "${bed.schema}".accounts WHERE id = $1`,
        [accountId],
      );
      expect(row).toEqual({ user_id: null });
    });

    it('ACC-2: an expired registration leaves no row, and its user ID can be registered anew', async () => {
      const first = randomUUID();
      await register(first, 'expired_id');
      now = minutesAfter(T0, 31);
      const { appended: expired } = await run(first, { type: 'ExpireRegistration', data: {} });
      await bed.project(expired);
      expect(await bed.query.byId(first)).toBeNull();

      const second = randomUUID();
      const { appended } = await register(second, 'expired_id');
      await bed.project(appended);
      expect(await bed.query.byUserId('expired_id')).toMatchObject({ id: second });
    });

    it('keeps a user ID unique among accounts in use only', async () => {
      const rows = bed.dataSource.getRepository(AccountRowEntity);
      const row = {
        userId: null,
        userIdHmac: bed.cipher.userIdHmac('unique_scope'),
        role: 'CUSTOMER' as const,
        email: null,
        name: null,
        phone: null,
        mustChangePassword: false,
        createdAt: T0,
        lastLoginAt: null,
      };
      await rows.insert({ ...row, id: randomUUID(), status: 'DELETED', deletedAt: T0 });
      await rows.insert({ ...row, id: randomUUID(), status: 'DELETED', deletedAt: T0 });
      await rows.insert({ ...row, id: randomUUID(), status: 'ACTIVE', deletedAt: null });
      await expect(
        rows.insert({ ...row, id: randomUUID(), status: 'LOCKED', deletedAt: null }),
      ).rejects.toThrow(/UQ_accounts_user_id_hmac_in_use/);
    });
  });
}
