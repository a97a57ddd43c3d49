export { parseMeterId } from '../domain/meter-id';
export { MeteringPointRepository } from '../infrastructure/metering-point-repository';
