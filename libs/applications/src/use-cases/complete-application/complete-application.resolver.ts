import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentAccount,
  GqlAuthGuard,
  Roles,
  RolesGuard,
  type SessionAccount,
} from '@app/accounts';
import { ApplicationModel } from '../../graphql/application.model';
import { IssuedPointInput } from '../../graphql/issued-point.input';
import { CompleteApplicationCommand } from './complete-application.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class CompleteApplicationResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => ApplicationModel)
  @Roles('OPERATOR')
  completeApplication(
    @CurrentAccount() account: SessionAccount,
    @Args('id', { type: () => Int }) id: number,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('issuedPoints', { type: () => [IssuedPointInput], nullable: true })
    issuedPoints: IssuedPointInput[] | null,
  ): Promise<ApplicationModel> {
    return this.commandBus.execute(
      new CompleteApplicationCommand(account, id, expectedRevision, issuedPoints ?? []),
    );
  }
}
