import type { Projection } from '@app/event-sourcing';
import type { MigrationInterface } from 'typeorm';
import { MeteringPointsReadModel1764117500000 } from '../migrations/1764117500000-metering-points-read-model';
import { meteringPointsProjection } from './metering-points.projection';

/** For `EventSourcingModule.forRoot({ migrations, projections })`; entities come with the projection. */
export const METERING_MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  MeteringPointsReadModel1764117500000,
];

export const METERING_PROJECTIONS: readonly Projection[] = [meteringPointsProjection];
