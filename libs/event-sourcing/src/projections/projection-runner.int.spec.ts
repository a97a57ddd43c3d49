import { jest } from '@jest/globals';
import { testDatabaseTargets } from '@test/database';
import pg from 'pg';
import { ProjectionWaitTimeoutError } from './projection.errors';
import { projectionLockKey } from './projection-locks';
import { countingProjection, expectedCounts } from './testing/counting.projection';
import { DuplicatingEventStore } from './testing/duplicating-event-store';
import { projectionTestBed, type ProjectionTestBed } from './testing/projection-test-bed';

const WAIT_MS = 20_000;

for (const target of testDatabaseTargets()) {
  describe(`projection runner on ${target.kind}`, () => {
    let bed: ProjectionTestBed;

    beforeEach(async () => {
      bed = await projectionTestBed(target);
    });
    afterEach(async () => bed.dispose());

    it('catches up with the events appended before it started, then follows live appends', async () => {
      const before = ['acc-1', 'acc-2', 'acc-1', 'other-1', 'acc-3', 'acc-1'];
      const appended = await bed.append(before);
      const runners = bed.runners([countingProjection('counts', 'acc-')], { batchSize: 2 });
      runners.start();
      await runners.waitFor('counts', appended.checkpoint, WAIT_MS);
      const relevant = before.filter((stream) => stream.startsWith('acc-'));
      expect(await bed.counts()).toEqual(expectedCounts(relevant));

      const live = ['acc-2', 'acc-4', 'other-2', 'acc-2'];
      const last = await bed.append(live);
      await runners.waitFor('counts', last.checkpoint, WAIT_MS);
      const all = [...relevant, ...live.filter((stream) => stream.startsWith('acc-'))];
      expect(await bed.counts()).toEqual(expectedCounts(all));
      expect(new Set(await bed.countedEventIds()).size).toBe(all.length);
    });

    it('picks up an append made in its own process at once, without waiting for its next poll', async () => {
      const runners = bed.runners([countingProjection('counts', 'acc-')], {
        pollIntervalMs: 600_000,
      });
      const countOf = async (stream: string) => (await bed.counts())[stream];
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await bed.append(['acc-1']);
      runners.start();
      while ((await countOf('acc-1')) !== 1) await sleep(20);
      await sleep(300); // let it finish catching up and settle into its ten-minute poll wait

      await bed.append(['acc-2']);
      // Without the store's append signal the runner would sleep past the test timeout.
      while ((await countOf('acc-2')) !== 1) await sleep(20);
      expect(await bed.counts()).toEqual({ 'acc-1': 1, 'acc-2': 1 });
    });

    it('wakes only the runners whose filter takes an appended event; a wait still brings the others there', async () => {
      const runners = bed.runners(
        [countingProjection('counts', 'acc-'), countingProjection('others', 'other-')],
        { pollIntervalMs: 600_000 },
      );
      runners.start();
      await runners.waitFor('counts', (await bed.append(['acc-0'])).checkpoint, WAIT_MS);
      const counts = jest.spyOn(runners.runner('counts'), 'wake');
      const others = jest.spyOn(runners.runner('others'), 'wake');

      const skipped = await bed.append(['other-1']);
      expect(counts).not.toHaveBeenCalled();
      expect(others).toHaveBeenCalledTimes(1);
      const taken = await bed.append(['acc-1']);
      expect(counts).toHaveBeenCalledTimes(1);
      expect(others).toHaveBeenCalledTimes(1);

      // Waiting for an event it skips wakes the runner itself, poll or no poll.
      await runners.waitFor('counts', skipped.checkpoint, WAIT_MS);
      await runners.waitFor('counts', taken.checkpoint, WAIT_MS);
      await runners.waitFor('others', skipped.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual({ 'acc-0': 1, 'acc-1': 1, 'other-1': 1 });
    });

    it('vacuums and analyzes its tables once caught up with enough events since it last did: planner statistics without autovacuum', async () => {
      const schema = (bed.dataSource.options as { schema?: string }).schema;
      const analyzed = async () => {
        const rows = await bed.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = $1 AND tablename = 'stream_counts'`,
          [schema],
        );
        return (rows[0]?.n ?? 0) > 0;
      };
      const runners = bed.runners([countingProjection('counts', 'acc-')], {
        vacuumAfterEvents: 5,
        batchSize: 2,
      });
      runners.start();
      await runners.waitFor(
        'counts',
        (await bed.append(['acc-1', 'acc-2', 'acc-3', 'acc-4'])).checkpoint,
        WAIT_MS,
      );
      expect(await analyzed()).toBe(false);

      await runners.waitFor(
        'counts',
        (await bed.append(['acc-5', 'other-1', 'acc-6'])).checkpoint,
        WAIT_MS,
      );
      // The statistics come right after the batch that reached the end, in the same step.
      await runners.stop();
      expect(await analyzed()).toBe(true);
    });

    it('stores a checkpoint past events its filter skips, so they are not read again', async () => {
      await bed.append(['acc-1']);
      const runners = bed.runners([countingProjection('counts', 'acc-')]);
      runners.start();
      const skipped = await bed.append(['other-1', 'other-2', 'other-3']);
      await runners.waitFor('counts', skipped.checkpoint, WAIT_MS);
      await runners.stop();

      const [status] = await runners.status();
      expect(status?.checkpoint).toBe(skipped.checkpoint);
      expect(status?.lagEvents).toBe(0);
      expect(await bed.counts()).toEqual({ 'acc-1': 1 });
    });

    it('resumes from its stored checkpoint after the projector fails mid-batch, losing and repeating nothing', async () => {
      const streams = [
        'acc-1',
        'acc-2',
        'acc-1',
        'acc-3',
        'acc-1',
        'acc-2',
        'acc-3',
        'acc-1',
        'acc-2',
        'acc-1',
      ];
      const last = await bed.append(streams);
      let applied = 0;
      let failed = false;
      const projection = countingProjection('counts', 'acc-', {
        beforeEach: () => {
          applied += 1;
          if (applied === 7 && !failed) {
            failed = true;
            throw new Error('projector failed on the 7th event');
          }
        },
      });
      const runners = bed.runners([projection], { batchSize: 10 });
      runners.start();
      await runners.waitFor('counts', last.checkpoint, WAIT_MS);

      expect(failed).toBe(true);
      expect(bed.logger.errors).toHaveLength(1);
      expect(await bed.counts()).toEqual(expectedCounts(streams));
      expect(new Set(await bed.countedEventIds()).size).toBe(streams.length);
      expect(await bed.countedEventIds()).toHaveLength(streams.length);
    });

    it.each(['repeat', 'overlap'] as const)(
      'applies every event once when the store delivers each batch twice (%s)',
      async (mode) => {
        const streams = Array.from({ length: 13 }, (_, i) => `acc-${i % 4}`);
        const last = await bed.append(streams);
        const duplicating = new DuplicatingEventStore(bed.store, mode);
        const runners = bed.runners([countingProjection('counts', 'acc-')], {
          eventStore: duplicating,
          batchSize: 3,
        });
        runners.start();
        await runners.waitFor('counts', last.checkpoint, WAIT_MS);

        expect(duplicating.redeliveries).toBeGreaterThanOrEqual(2);
        expect(await bed.counts()).toEqual(expectedCounts(streams));
        expect(await bed.countedEventIds()).toHaveLength(streams.length);
      },
    );

    it('applies nothing again when restarted over the events it already processed', async () => {
      const streams = ['acc-1', 'acc-2', 'acc-1'];
      const last = await bed.append(streams);
      const first = bed.runners([countingProjection('counts', 'acc-')]);
      first.start();
      await first.waitFor('counts', last.checkpoint, WAIT_MS);
      await first.stop();

      const second = bed.runners([countingProjection('counts', 'acc-')]);
      second.start();
      const more = await bed.append(['acc-2']);
      await second.waitFor('counts', more.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual(expectedCounts([...streams, 'acc-2']));
      expect(await bed.countedEventIds()).toHaveLength(4);
    });

    it('yields to a checkpoint moved by someone else, such as another process swapping in a rebuild, instead of writing over it', async () => {
      const runners = bed.runners([countingProjection('counts', 'acc-')]);
      runners.start();
      await runners.waitFor('counts', (await bed.append(['acc-1', 'acc-2'])).checkpoint, WAIT_MS);
      await bed.dataSource.transaction(async (manager) => {
        await manager.query(`DELETE FROM "${bed.schema}".stream_counts`);
        await manager.query(`DELETE FROM "${bed.schema}".counted_events`);
        await manager.query(
          `UPDATE "${bed.schema}".projection_checkpoints SET checkpoint = NULL, position = 0`,
        );
      });

      const last = await bed.append(['acc-1']);
      await runners.waitFor('counts', last.checkpoint, WAIT_MS);
      expect(await bed.counts()).toEqual({ 'acc-1': 2, 'acc-2': 1 });
      expect(bed.logger.warnings.length).toBeGreaterThanOrEqual(1);
      expect(bed.logger.errors).toEqual([]);
    });

    it('lets one of two runners in a process run a projection; the other stands by and takes over when it stops', async () => {
      const appliedBy: string[] = [];
      const labelled = (label: string) =>
        countingProjection('counts', 'acc-', { beforeEach: () => void appliedBy.push(label) });
      const a = bed.runners([labelled('a')]);
      const b = bed.runners([labelled('b')]);
      a.start();
      await a.waitFor('counts', (await bed.append(['acc-1'])).checkpoint, WAIT_MS);
      b.start();
      const whileA = await bed.append(['acc-2', 'acc-1']);
      await b.waitFor('counts', whileA.checkpoint, WAIT_MS);
      expect(appliedBy).toEqual(['a', 'a', 'a']);
      expect((await b.status())[0]?.active).toBe(false);
      expect((await a.status())[0]?.active).toBe(true);

      await a.stop();
      const afterA = await bed.append(['acc-3', 'acc-1']);
      await b.waitFor('counts', afterA.checkpoint, WAIT_MS);
      expect(appliedBy).toEqual(['a', 'a', 'a', 'b', 'b']);
      expect(await bed.counts()).toEqual(
        expectedCounts(['acc-1', 'acc-2', 'acc-1', 'acc-3', 'acc-1']),
      );
    });

    if (target.kind === 'postgres') {
      it('stands by while another session holds the projection advisory lock, and runs once it is released', async () => {
        const other = new pg.Client({ connectionString: target.url });
        await other.connect();
        try {
          await other.query('SELECT pg_advisory_lock($1::bigint)', [
            projectionLockKey(bed.schema, 'counts').toString(),
          ]);
          const runners = bed.runners([countingProjection('counts', 'acc-')]);
          runners.start();
          const last = await bed.append(['acc-1', 'acc-2']);
          await expect(runners.waitFor('counts', last.checkpoint, 500)).rejects.toBeInstanceOf(
            ProjectionWaitTimeoutError,
          );
          expect(await bed.counts()).toEqual({});

          await other.query('SELECT pg_advisory_unlock($1::bigint)', [
            projectionLockKey(bed.schema, 'counts').toString(),
          ]);
          await runners.waitFor('counts', last.checkpoint, WAIT_MS);
          expect(await bed.counts()).toEqual({ 'acc-1': 1, 'acc-2': 1 });
        } finally {
          await other.end();
        }
      });

      it('issue 9: takes its lock again on a new session when the server ends the one holding it, and runs on', async () => {
        const admin = new pg.Client({ connectionString: target.url });
        await admin.connect();
        try {
          const runners = bed.runners([countingProjection('counts', 'acc-')]);
          runners.start();
          const first = await bed.append(['acc-1']);
          await runners.waitFor('counts', first.checkpoint, WAIT_MS);
          const holder = async () =>
            (
              await admin.query<{ pid: number }>(
                `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
                  AND ((classid::bigint << 32) | objid::bigint) = ($1::bigint & x'ffffffffffffffff'::bigint)`,
                [projectionLockKey(bed.schema, 'counts').toString()],
              )
            ).rows[0]?.pid;
          const before = await holder();
          expect(before).toEqual(expect.any(Number));

          // What a server restart does to every session: 57P01 on the lock session.
          await admin.query('SELECT pg_terminate_backend($1)', [before]);
          const second = await bed.append(['acc-2']);
          await runners.waitFor('counts', second.checkpoint, WAIT_MS);
          expect(await bed.counts()).toEqual({ 'acc-1': 1, 'acc-2': 1 });
          const after = await holder();
          expect(after).toEqual(expect.any(Number));
          expect(after).not.toBe(before);
          expect(runners.runner('counts').active).toBe(true);
        } finally {
          await admin.end();
        }
      });
    }

    it('reports checkpoint, position and lag from behind the head until caught up', async () => {
      const last = await bed.append(['acc-1', 'other-1', 'acc-2']);
      const head = await bed.visibleHead(last.checkpoint);
      expect(head).toEqual({ checkpoint: last.checkpoint, position: last.position });
      const runners = bed.runners([countingProjection('counts', 'acc-')]);
      expect(await runners.status()).toEqual([
        {
          name: 'counts',
          checkpoint: null,
          position: 0n,
          lagEvents: Number(head.position),
          updatedAt: null,
          active: false,
        },
      ]);

      runners.start();
      await runners.waitFor('counts', last.checkpoint, WAIT_MS);
      const [status] = await runners.status();
      expect(status).toMatchObject({
        name: 'counts',
        checkpoint: head.checkpoint,
        position: head.position,
        lagEvents: 0,
        active: true,
      });
      expect(status?.updatedAt).toBeInstanceOf(Date);
    });

    it('a passive set starts nothing at bootstrap, and waits on the checkpoint another set moves', async () => {
      const passive = bed.runners([countingProjection('counts', 'acc-')], { passive: true });
      passive.onApplicationBootstrap();
      const appended = await bed.append(['acc-1']);
      await expect(passive.waitFor('counts', appended.checkpoint, 300)).rejects.toBeInstanceOf(
        ProjectionWaitTimeoutError,
      );
      expect(await bed.counts()).toEqual({});

      const owner = bed.runners([countingProjection('counts', 'acc-')]);
      owner.onApplicationBootstrap();
      try {
        await passive.waitFor('counts', appended.checkpoint, WAIT_MS);
        expect(await bed.counts()).toEqual({ 'acc-1': 1 });
      } finally {
        await owner.stop();
        await passive.stop();
      }
    });

    it('rejects waitFor with a timeout error when the projection does not get that far', async () => {
      const last = await bed.append(['acc-1']);
      const runners = bed.runners([countingProjection('counts', 'acc-')]);
      await expect(runners.waitFor('counts', last.checkpoint, 100)).rejects.toBeInstanceOf(
        ProjectionWaitTimeoutError,
      );
    });
  });
}
