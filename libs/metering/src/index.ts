export { MeteringModule } from './metering.module';
export { parsePointId } from './domain/point-id';
export { resolveMeterId } from './domain/meter-id';
export { MeteringRegistry } from './infrastructure/metering-registry';
export { MeteringPointKindEnum } from './graphql/metering-enums';
export { METERING_MIGRATIONS, METERING_PROJECTIONS } from './projections/metering-read-model';
export {
  MeteringPointImport,
  type ImportReport,
} from './use-cases/import-metering-points/metering-point-import';
