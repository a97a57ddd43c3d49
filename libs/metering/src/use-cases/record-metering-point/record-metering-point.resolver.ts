import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  CurrentAccount,
  GqlAuthGuard,
  Roles,
  RolesGuard,
  type SessionAccount,
} from '@app/accounts';
import { MeteringPointModel } from '../../graphql/metering-point.model';
import type { MeteringPointSnapshot } from '../../infrastructure/metering-registry';
import { RecordMeteringPointCommand } from './record-metering-point.command';
import { MeteringPointRecordInput } from './record-metering-point.input';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class RecordMeteringPointResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => MeteringPointModel)
  @Roles('OPERATOR')
  recordMeteringPoint(
    @CurrentAccount() account: SessionAccount,
    @Args('input', { type: () => MeteringPointRecordInput }) input: MeteringPointRecordInput,
  ): Promise<MeteringPointSnapshot> {
    return this.commandBus.execute(
      new RecordMeteringPointCommand(input, { id: account.accountId, role: account.role }),
    );
  }
}
