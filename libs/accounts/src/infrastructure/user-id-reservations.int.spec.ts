import { randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { minutesAfter, T0 } from '../testing/account-mother';
import { ACCOUNT_EVENT_SCHEMA_VERSION } from './account-repository';
import { legacyUserIdStream, UserIdReservations } from './user-id-reservations';
import { USER_ID_STREAM_KEY_PURPOSE, userIdHmac } from './user-id-hmac';

const metadata = { correlationId: randomUUID(), actor: { id: 'system', role: 'SYSTEM' as const } };

for (const target of testDatabaseTargets()) {
  describe(`User ID reservations on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let reservations: UserIdReservations;
    let key: Buffer;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      key = bed.vault.derivedKey(USER_ID_STREAM_KEY_PURPOSE);
      reservations = new UserIdReservations(bed.store, key);
    });
    afterAll(async () => bed.dispose());

    it('ACC-1: of ten registrations reserving one user ID at once, exactly one gets it', async () => {
      const accounts = Array.from({ length: 10 }, () => randomUUID());
      const results = await Promise.all(
        accounts.map((accountId) => reservations.reserve('racing_id', accountId, metadata, T0)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = accounts[results.indexOf(true)];
      expect((await reservations.load('racing_id')).state).toEqual({
        status: 'Held',
        accountId: winner,
        reservedAt: T0.toISOString(),
      });
      expect(await bed.store.readStream(reservations.streamOf('racing_id'))).toHaveLength(1);
    });

    it('ACC-2: released by its holder, the user ID can be reserved again; others cannot release it', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      expect(await reservations.reserve('freed_id', first, metadata, T0)).toBe(true);
      await reservations.release('freed_id', second, 'REGISTRATION_EXPIRED', metadata, T0);
      expect(await reservations.reserve('freed_id', second, metadata, T0)).toBe(false);

      const later = minutesAfter(T0, 31);
      await reservations.releaseAfter(
        [
          {
            type: 'RegistrationExpired',
            data: {
              accountId: first,
              userIdHmac: userIdHmac('freed_id', key),
              expiredAt: later.toISOString(),
            },
          },
        ],
        metadata,
      );
      expect(await reservations.reserve('freed_id', second, metadata, later)).toBe(true);
      const types = (await bed.store.readStream(reservations.streamOf('freed_id'))).map(
        (event) => event.type,
      );
      expect(types).toEqual(['UserIdReserved', 'UserIdReleased', 'UserIdReserved']);
    });

    it('ACC-1 (issue 11 §5): no stream name or event names a user ID; a reservation made under the old name still holds the ID', async () => {
      expect(await reservations.reserve('keyed_id', randomUUID(), metadata, T0)).toBe(true);
      const names = await bed.dataSource.query<{ stream_id: string }[]>(
        `SELECT DISTINCT stream_id FROM "${bed.schema}".events WHERE stream_id LIKE 'user-id-%'`,
      );
      expect(names.length).toBeGreaterThan(0);
      const stored = (await bed.rawEventData()).join('\n');
      for (const userId of ['keyed_id', 'racing_id', 'freed_id']) {
        expect(stored).not.toContain(userId);
      }
      for (const { stream_id } of names) {
        expect(stream_id).toMatch(/^user-id-hmac-[0-9a-f]{64}$/);
        for (const userId of ['keyed_id', 'racing_id', 'freed_id']) {
          expect(stream_id).not.toContain(userId);
        }
      }

      // A reservation recorded before the change, in a stream named by the user ID.
      const holder = randomUUID();
      await bed.store.append(
        legacyUserIdStream('old_id'),
        [
          {
            id: randomUUID(),
            type: 'UserIdReserved',
            data: { userId: 'old_id', accountId: holder, reservedAt: T0.toISOString() },
            metadata: {
              ...metadata,
              causationId: null,
              occurredAt: T0,
              schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
            },
          },
        ],
        'no_stream',
      );
      const other = randomUUID();
      expect(await reservations.reserve('old_id', other, metadata, T0)).toBe(false);
      await reservations.release('old_id', holder, 'DELETED_FOR_INACTIVITY', metadata, T0);
      expect(await reservations.reserve('old_id', other, metadata, T0)).toBe(true);
      expect((await reservations.load('old_id')).state).toMatchObject({ accountId: other });
      expect(await bed.store.readStream(legacyUserIdStream('old_id'))).toHaveLength(1);
      const keyed = await bed.store.readStream(reservations.streamOf('old_id'));
      expect(keyed.map((event) => event.type)).toEqual(['UserIdReleased', 'UserIdReserved']);
    });
  });
}
