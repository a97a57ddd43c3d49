import { createDataSource } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import type { DataSource } from 'typeorm';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { minutesAfter, T0 } from '../testing/account-mother';
import { AttemptCounters } from './attempt-counters';
import { LoginThrottle, DEFAULT_LOGIN_THROTTLE } from './login-throttle';

for (const target of testDatabaseTargets()) {
  describe(`Attempt counters on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let otherProcess: DataSource;
    let here: AttemptCounters;
    let there: AttemptCounters;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      // A second data source on the same schema stands for a second API process.
      otherProcess = createDataSource({ url: target.url, schema: bed.schema, poolSize: 5 });
      await otherProcess.initialize();
      here = new AttemptCounters(bed.dataSource);
      there = new AttemptCounters(otherProcess);
    });
    afterAll(async () => {
      await otherProcess.destroy();
      await bed.dispose();
    });

    it('counts concurrent attempts from two processes exactly, each key in its own window', async () => {
      const windows = [
        { key: 'spec:short', windowMs: 60_000 },
        { key: 'spec:long', windowMs: 10 * 60_000 },
      ];
      const counts = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? here : there).count(windows, T0)),
      );
      expect(
        counts.map((count) => count.get('spec:short')).sort((a, b) => (a ?? 0) - (b ?? 0)),
      ).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const later = await here.count(windows, minutesAfter(T0, 2));
      expect(later.get('spec:short')).toBe(1);
      expect(later.get('spec:long')).toBe(13);
    });

    it('takes a count back, never below zero, and purges ended windows', async () => {
      await here.count([{ key: 'spec:back', windowMs: 60_000 }], T0);
      await here.uncount(['spec:back']);
      await here.uncount(['spec:back']);
      expect((await here.peek(['spec:back'], T0)).get('spec:back')).toBe(0);
      expect(await here.purgeEnded(minutesAfter(T0, 30))).toBeGreaterThanOrEqual(2);
      expect((await here.peek(['spec:back', 'spec:short'], T0)).size).toBe(0);
    });

    it('counts and takes back the same keys concurrently from two processes without a deadlock', async () => {
      // Fuzzed logins of one user ID from one address: admits (count) and right passwords
      // (uncount) of the same pair and address keys overlap. Each statement must lock the rows in
      // one order, or PostgreSQL aborts one of them as a deadlock.
      const throttles = [here, there].map(
        (counters) =>
          new LoginThrottle(counters, {
            ...DEFAULT_LOGIN_THROTTLE,
            maxFailuresPerUserAndAddress: 1_000,
            maxFailuresPerAddress: 1_000,
          }),
      );
      // Eight clients at a time (four per process), each a run of attempts, most of them right.
      let attempts = 0;
      let settledRight = 0;
      const client = async (c: number): Promise<void> => {
        const throttle = throttles[c % 2];
        for (let i = 0; i < 25; i++) {
          attempts++;
          const admitted = await throttle.admit('user_same', '198.51.100.7', T0);
          if (admitted === null) throw new Error('refused below the ceiling');
          if ((c + i) % 4 !== 0) {
            await throttle.succeeded(admitted);
            settledRight++;
          }
        }
      };
      const settled = await Promise.allSettled(Array.from({ length: 8 }, (_, c) => client(c)));
      expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
      const address = 'login-failures:address:198.51.100.7';
      expect((await here.peek([address], T0)).get(address)).toBe(attempts - settledRight);
    });

    it('admits at most the per-address ceiling of concurrent wrong guesses from two processes', async () => {
      const limits = { ...DEFAULT_LOGIN_THROTTLE, maxFailuresPerAddress: 5 };
      const mine = new LoginThrottle(here, limits);
      const theirs = new LoginThrottle(there, limits);
      const admitted = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 === 0 ? mine : theirs).admit(`user_${i}`, '198.51.100.1', T0),
        ),
      );
      expect(admitted.filter((entry) => entry !== null)).toHaveLength(5);
      const right = admitted.find((entry) => entry !== null);
      if (right) await mine.succeeded(right);
      expect(await mine.admit('user_x', '198.51.100.1', T0)).not.toBeNull();
      expect(await mine.admit('user_y', '198.51.100.1', T0)).toBeNull();
    });
  });
}
