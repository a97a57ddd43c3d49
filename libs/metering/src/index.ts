export { MeteringModule } from './metering.module';
export { type ParseResult } from './domain/parse-result';
export {
  parsePointId,
  type PointId,
  type PointIdError,
  type PointIdErrorCode,
  type PointKind,
} from './domain/point-id';
export {
  meterIdFromPlate,
  parseMeterId,
  resolveMeterId,
  type MeterId,
  type MeterIdError,
  type MeterIdErrorCode,
  type MeterIdField,
  type MeterIdInput,
} from './domain/meter-id';
export type {
  ApplicationClaimedPoint,
  ApplicationOutcome,
  ApplicationReleasedPoint,
  BRouteState,
  ClaimKind,
  MeteringPointCorrected,
  MeteringPointEvent,
  MeteringPointEventType,
  MeteringPointKind,
  MeteringPointRecorded,
  PointDescription,
  TerminalType,
} from './domain/metering-point.event';
export type { ClaimingApplicationKind } from './domain/metering-point.command';
export {
  METERING_POINT_EVENT_SCHEMA_VERSION,
  METERING_POINT_STREAM_PREFIX,
  MeteringPointRepository,
  meteringPointStream,
} from './infrastructure/metering-point-repository';
export {
  METERING_POINT_EVENT_TYPES,
  toMeteringPointEvent,
} from './infrastructure/recorded-metering-point-event';
export {
  MeteringRegistry,
  type ApplicationClaim,
  type ApplicationRelease,
  type MeteringPointSnapshot,
  type MeteringWriteOutcome,
  type RecordChange,
} from './infrastructure/metering-registry';
export { BRouteStateEnum, MeteringPointKindEnum, TerminalTypeEnum } from './graphql/metering-enums';
export {
  MeteringPointRowEntity,
  type MeteringPointRow,
} from './projections/metering-point-row.entity';
export { MeteringPointsReadModel1764117500000 } from './projections/1764117500000-metering-points-read-model';
export {
  METERING_POINTS_PROJECTION,
  meteringPointsProjection,
} from './projections/metering-points.projection';
export { METERING_MIGRATIONS, METERING_PROJECTIONS } from './projections/metering-read-model';
export { MeteringPointsQuery, type MeteringPointView } from './queries/metering-points.query';
export { MeteringPointModel } from './graphql/metering-point.model';
export {
  MeteringPointImport,
  type ImportReport,
} from './use-cases/import-metering-points/metering-point-import';
export type { RowProblem } from './use-cases/import-metering-points/import-rows';
