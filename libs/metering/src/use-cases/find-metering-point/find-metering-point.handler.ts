import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidInputError } from '@app/event-sourcing';
import {
  MeteringPointsReader,
  type MeteringPointView,
} from '../../read-models/metering-points.reader';
import { pointIdAt } from '../metering-input';
import { FindMeteringPointQuery } from './find-metering-point.query';

@QueryHandler(FindMeteringPointQuery)
export class FindMeteringPointHandler implements IQueryHandler<FindMeteringPointQuery> {
  constructor(@Inject(MeteringPointsReader) private readonly query: MeteringPointsReader) {}

  execute({ pointId }: FindMeteringPointQuery): Promise<MeteringPointView | null> {
    const parsed = pointIdAt('pointId', pointId);
    if (!parsed.ok) throw new InvalidInputError([parsed.error]);
    return this.query.byPointId(parsed.value.value);
  }
}
