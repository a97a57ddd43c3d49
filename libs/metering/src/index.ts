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
