import { Query } from '@nestjs/cqrs';
import type { MeteringPointView } from '../../queries/metering-points.query';

export class FindMeteringPointQuery extends Query<MeteringPointView | null> {
  constructor(readonly pointId: string) {
    super();
  }
}
