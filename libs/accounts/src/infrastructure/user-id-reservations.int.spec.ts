import { randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@test/database';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { minutesAfter, T0 } from '../testing/account-mother';
import { UserIdReservations, userIdStream } from './user-id-reservations';

const metadata = { correlationId: randomUUID(), actor: { id: 'system', role: 'SYSTEM' as const } };

for (const target of testDatabaseTargets()) {
  describe(`User ID reservations on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let reservations: UserIdReservations;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      reservations = new UserIdReservations(bed.store);
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
      expect(await bed.store.readStream(userIdStream('racing_id'))).toHaveLength(1);
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
            data: { accountId: first, userId: 'freed_id', expiredAt: later.toISOString() },
          },
        ],
        metadata,
      );
      await reservations.release('freed_id', first, 'REGISTRATION_EXPIRED', metadata, later);
      expect(await reservations.reserve('freed_id', second, metadata, later)).toBe(true);
      const types = (await bed.store.readStream(userIdStream('freed_id'))).map(
        (event) => event.type,
      );
      expect(types).toEqual(['UserIdReserved', 'UserIdReleased', 'UserIdReserved']);
    });
  });
}
