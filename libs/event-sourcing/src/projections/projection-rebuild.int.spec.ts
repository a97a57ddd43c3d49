import { testDatabaseTargets } from '@test/database';
import { ProjectionLockedError } from './projection.errors';
import { countingProjection, expectedCounts } from './testing/counting.projection';
import { projectionTestBed, type ProjectionTestBed } from './testing/projection-test-bed';

const WAIT_MS = 20_000;

for (const target of testDatabaseTargets()) {
  describe(`projection rebuild on ${target.kind}`, () => {
    let bed: ProjectionTestBed;

    beforeEach(async () => {
      bed = await projectionTestBed(target);
    });
    afterEach(async () => bed.dispose());

    const tableShape = async () =>
      bed.dataSource.query<{ table: string; index: string; definition: string }[]>(
        `SELECT c.relname AS table, i.relname AS index, pg_get_indexdef(i.oid) AS definition
           FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
          WHERE c.relnamespace = $1::regnamespace
            AND c.relname IN ('stream_counts', 'counted_events')
         UNION ALL
         SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
          WHERE connamespace = $1::regnamespace AND contype = 'c'
         ORDER BY 1, 2`,
        [bed.schema],
      );
    const schemas = async () =>
      (
        await bed.dataSource.query<{ nspname: string }[]>(
          `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'`,
        )
      ).map((row) => row.nspname);

    it('replays into fresh tables while the old ones keep serving and stay current, then swaps them in', async () => {
      const streams = ['acc-1', 'acc-2', 'acc-1', 'other-1', 'acc-3'];
      const runners = bed.runners([countingProjection('counts', 'acc-')], { batchSize: 2 });
      runners.start();
      await runners.waitFor('counts', (await bed.append(streams)).checkpoint, WAIT_MS);
      const shapeBefore = await tableShape();
      // What a faulty projector version might have left behind: the rebuild must not carry it over.
      await bed.dataSource.query(
        `UPDATE "${bed.schema}".stream_counts SET count = 99 WHERE stream = 'acc-1'`,
      );

      const rebuild = await runners.runner('counts').startRebuild();
      await rebuild.catchUp();
      const rebuilt = await bed.dataSource.query<object[]>(
        `SELECT stream, count FROM "${rebuild.schema}".stream_counts ORDER BY stream`,
      );
      expect(rebuilt).toEqual([
        { stream: 'acc-1', count: 2 },
        { stream: 'acc-2', count: 1 },
        { stream: 'acc-3', count: 1 },
      ]);
      const during = await bed.append(['acc-2', 'acc-4']);
      await runners.waitFor('counts', during.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual({ 'acc-1': 99, 'acc-2': 2, 'acc-3': 1, 'acc-4': 1 });

      await rebuild.swap();
      const replayed = ['acc-1', 'acc-2', 'acc-1', 'acc-3', 'acc-2', 'acc-4'];
      expect(await bed.counts()).toEqual(expectedCounts(replayed));
      expect(await bed.countedEventIds()).toHaveLength(replayed.length);
      expect(await tableShape()).toEqual(shapeBefore);
      expect(await schemas()).not.toContain(rebuild.schema);

      const after = await bed.append(['acc-5', 'acc-1']);
      await runners.waitFor('counts', after.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual(expectedCounts([...replayed, 'acc-5', 'acc-1']));
      expect(await bed.countedEventIds()).toHaveLength(replayed.length + 2);
    });

    it('rebuilds a projection no runner is running, and a runner started afterwards goes on from the rebuilt checkpoint', async () => {
      const streams = ['acc-1', 'acc-2', 'acc-1'];
      await bed.visibleHead((await bed.append(streams)).checkpoint);
      const runners = bed.runners([countingProjection('counts', 'acc-')]);
      await runners.rebuild('counts');
      expect(await bed.counts()).toEqual(expectedCounts(streams));

      runners.start();
      const more = await bed.append(['acc-2']);
      await runners.waitFor('counts', more.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual(expectedCounts([...streams, 'acc-2']));
      expect(await bed.countedEventIds()).toHaveLength(4);
    });

    it('leaves the live tables as they were and drops the scratch ones when the replay fails', async () => {
      let failing = false;
      const projection = countingProjection('counts', 'acc-', {
        beforeEach: () => {
          if (failing) throw new Error('projector failed during the replay');
        },
      });
      const runners = bed.runners([projection]);
      await runners.rebuild('counts');
      await bed.visibleHead((await bed.append(['acc-1', 'acc-2'])).checkpoint);
      await runners.rebuild('counts');
      const before = await bed.counts();
      const scratchBefore = await schemas();

      failing = true;
      await expect(runners.rebuild('counts')).rejects.toThrow('projector failed during the replay');
      expect(await bed.counts()).toEqual(before);
      expect(before).toEqual({ 'acc-1': 1, 'acc-2': 1 });
      expect(await schemas()).toEqual(scratchBefore);
    });

    it('refuses to rebuild from a runner that another runner holds the projection from', async () => {
      const a = bed.runners([countingProjection('counts', 'acc-')]);
      const b = bed.runners([countingProjection('counts', 'acc-')]);
      a.start();
      await a.waitFor('counts', (await bed.append(['acc-1'])).checkpoint, WAIT_MS);
      await expect(b.rebuild('counts')).rejects.toBeInstanceOf(ProjectionLockedError);
    });
  });
}
