import { createDataSource } from '@app/event-sourcing';
import { testDatabaseTargets } from '@test/database';
import type { DataSource } from 'typeorm';
import { accountsTestBed, type AccountsTestBed } from '../testing/accounts-test-bed';
import { minutesAfter, T0 } from '../testing/account-mother';
import { LoginThrottle } from './login-throttle';

const limits = { maxAttempts: 5, windowMs: 5 * 60_000 };

for (const target of testDatabaseTargets()) {
  describe(`Login throttle on ${target.kind}`, () => {
    let bed: AccountsTestBed;
    let otherProcess: DataSource;
    let here: LoginThrottle;
    let there: LoginThrottle;

    beforeAll(async () => {
      bed = await accountsTestBed(target);
      // A second data source on the same schema stands for a second API process.
      otherProcess = createDataSource({ url: target.url, schema: bed.schema, poolSize: 5 });
      await otherProcess.initialize();
      here = new LoginThrottle(bed.dataSource, limits);
      there = new LoginThrottle(otherProcess, limits);
    });
    afterAll(async () => {
      await otherProcess.destroy();
      await bed.dispose();
    });

    it('admits exactly the limit of concurrent attempts from two processes, then refuses', async () => {
      const attempts = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? here : there).admit('198.51.100.1', T0),
      );
      const admitted = (await Promise.all(attempts)).filter(Boolean);
      expect(admitted).toHaveLength(limits.maxAttempts);
      expect(await here.admit('198.51.100.1', minutesAfter(T0, 4))).toBe(false);
    });

    it('counts each address on its own', async () => {
      for (let i = 0; i < limits.maxAttempts; i++) {
        expect(await here.admit('198.51.100.2', T0)).toBe(true);
      }
      expect(await here.admit('198.51.100.2', T0)).toBe(false);
      expect(await there.admit('198.51.100.3', T0)).toBe(true);
    });

    it('opens a new window once the old one has ended, and purges ended windows', async () => {
      for (let i = 0; i <= limits.maxAttempts; i++) await here.admit('198.51.100.4', T0);
      expect(await here.admit('198.51.100.4', minutesAfter(T0, 4))).toBe(false);
      expect(await here.admit('198.51.100.4', minutesAfter(T0, 5))).toBe(true);

      const later = minutesAfter(T0, 10);
      expect(await here.purgeEnded(later)).toBeGreaterThanOrEqual(3);
      const rows: { count: number }[] = await bed.dataSource.query(
        `SELECT count(*)::int AS count FROM "${bed.schema}".login_throttle`,
      );
      expect(rows[0]?.count).toBe(0);
    });
  });
}
