import { Query } from '@nestjs/cqrs';
import type { MeteringPointView } from '../../read-models/metering-points.reader';

export class FindMeteringPointQuery extends Query<MeteringPointView | null> {
  constructor(readonly pointId: string) {
    super();
  }
}
