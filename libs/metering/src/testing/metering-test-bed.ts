import {
  CommandRunner,
  PostgresEventStore,
  ProjectionRunners,
  commandMetadata,
  type Actor,
} from '@app/event-sourcing';
import { contextTestDatabase } from '@app/event-sourcing/testing';
import type { TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import {
  MeteringPointRepository,
  meteringPointStream,
} from '../infrastructure/metering-point-repository';
import {
  MeteringRegistry,
  type ApplicationClaim,
  type ApplicationRelease,
} from '../infrastructure/metering-registry';
import { MeteringPointRowEntity } from '../projections/metering-point-row.entity';
import { meteringPointsProjection } from '../projections/metering-points.projection';
import { METERING_MIGRATIONS } from '../projections/metering-read-model';
import { MeteringPointsReader } from '../read-models/metering-points.reader';

// Generous: the runner's first lock and poll can be slow on a machine shared by many test runs.
const PROJECTION_WAIT_MS = 60_000;
/** For a test that waits for the projection. */
export const PROJECTION_TEST_TIMEOUT_MS = 90_000;

export const operator: Actor = { id: 'op-1', role: 'OPERATOR' };
export const system: Actor = { id: 'applications', role: 'SYSTEM' };

export interface MeteringTestBed {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly registry: MeteringRegistry;
  readonly query: MeteringPointsReader;
  /** A claim as a command of its own (in the app it rides in the application's command). */
  claim(pointId: string, claim: ApplicationClaim, actor: Actor): Promise<void>;
  release(pointId: string, release: ApplicationRelease, actor: Actor): Promise<void>;
  /** Runs the metering-points projection until it has applied the point's last event, then stops it. */
  project(pointId: string): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh schema with the event store, the registry on it and the metering-points read model. */
export async function meteringTestBed(target: TestDatabaseTarget): Promise<MeteringTestBed> {
  const database = await contextTestDatabase(target, {
    entities: [MeteringPointRowEntity],
    migrations: METERING_MIGRATIONS,
  });
  const { schema, dataSource, store } = database;
  const runner = new CommandRunner(store, () => new Date(), { maxAttempts: 5 });
  const registry = new MeteringRegistry(new MeteringPointRepository(store), runner);
  return {
    kind: target.kind,
    schema,
    dataSource,
    store,
    registry,
    async claim(pointId, claim, actor) {
      await runner.run(commandMetadata(actor), (scope) =>
        registry.claimForApplication(scope, pointId, claim),
      );
    },
    async release(pointId, release, actor) {
      await runner.run(commandMetadata(actor), (scope) =>
        registry.releaseApplication(scope, pointId, release),
      );
    },
    query: new MeteringPointsReader(dataSource),
    async project(pointId) {
      // The point's own last event, not the store's head: the head is read below the oldest
      // transaction still open anywhere in the database, which other suites may be holding.
      const checkpoint = (await store.readStream(meteringPointStream(pointId))).at(-1)?.checkpoint;
      if (checkpoint === undefined) throw new Error(`no events for metering point ${pointId}`);
      const runners = new ProjectionRunners({
        eventStore: store,
        dataSource,
        logger: { warn: () => undefined, error: () => undefined },
        pollIntervalMs: 50,
        standbyIntervalMs: 50,
        retryDelayMs: { initial: 20, max: 200 },
        projections: [meteringPointsProjection],
      });
      runners.start();
      try {
        await runners.waitFor(meteringPointsProjection.name, checkpoint, PROJECTION_WAIT_MS);
      } finally {
        await runners.stop();
      }
    },
    dispose: () => database.dispose(),
  };
}
