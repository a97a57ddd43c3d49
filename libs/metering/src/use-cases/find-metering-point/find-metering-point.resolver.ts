import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GqlAuthGuard, Roles, RolesGuard } from '@app/accounts';
import { MeteringPointModel } from '../../graphql/metering-point.model';
import type { MeteringPointView } from '../../read-models/metering-points.reader';
import { FindMeteringPointQuery } from './find-metering-point.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class FindMeteringPointResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Query(() => MeteringPointModel, { nullable: true })
  @Roles('OPERATOR', 'AUDITOR')
  meteringPoint(
    @Args('pointId', { type: () => String }) pointId: string,
  ): Promise<MeteringPointView | null> {
    return this.queryBus.execute(new FindMeteringPointQuery(pointId));
  }
}
