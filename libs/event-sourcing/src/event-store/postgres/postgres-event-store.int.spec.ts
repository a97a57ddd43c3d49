import { testDatabaseTargets } from '@test/database';
import { describeOnServer } from '@test/describe-on-server';
import { describeEventStoreContract, runGapScenario } from '../../testing/event-store-contract';
import { postgresHarness } from '../../testing/postgres-harness';
import { PostgresEventStore } from './postgres-event-store';

const PGLITE_HAS_NO_GAP =
  'PGlite serves one transaction at a time, so no append can commit while an earlier one is open';

for (const target of testDatabaseTargets()) {
  describeEventStoreContract(
    `PostgreSQL adapter on ${target.kind}`,
    (options) => postgresHarness(target, options),
    target.kind === 'pglite' ? { gap: PGLITE_HAS_NO_GAP } : {},
  );
}

/** The same adapter with its protection removed: reads everything committed, in bigserial order. */
class UnprotectedPostgresEventStore extends PostgresEventStore {
  protected override visibilityBarrier(): string {
    return 'TRUE';
  }
}

describeOnServer('the gap test itself', (server) => {
  it('fails when the in-flight-transaction barrier is removed: the late event is skipped', async () => {
    const harness = await postgresHarness(server, {}, UnprotectedPostgresEventStore);
    try {
      const { delivered } = await runGapScenario(harness, `gap-${Date.now()}-`);
      const numbers = delivered.map((e) => (e.data as { n: number }).n);
      expect(numbers).toEqual([1, 2, 3, 4, 5]); // event 0 committed late and was skipped for good
    } finally {
      await harness.dispose();
    }
  });
});
