import { Inject, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../auth/auth.decorators';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import { SecurityEventPageModel } from '../../graphql/security-event.model';
import type { SecurityEventPage } from '../../read-models/security-events.reader';
import { ListSecurityEventsQuery } from './list-security-events.query';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ListSecurityEventsResolver {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  /** ASVS 16: the security log, for auditors alone. */
  @Query(() => SecurityEventPageModel)
  @Roles('AUDITOR')
  securityEvents(
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number | null,
  ): Promise<SecurityEventPage> {
    return this.queryBus.execute(
      new ListSecurityEventsQuery({ from, to, offset: offset ?? 0, limit: limit ?? 50 }),
    );
  }
}
