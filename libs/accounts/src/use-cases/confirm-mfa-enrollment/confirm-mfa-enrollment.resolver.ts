import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AllowBeforeMfaEnrolment } from '../../auth/auth.decorators';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import type { SessionAccount } from '../../sessions/session.service';
import { ConfirmMfaEnrollmentCommand } from './confirm-mfa-enrollment.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class ConfirmMfaEnrollmentResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => [String])
  @AllowBeforeMfaEnrolment()
  confirmMfaEnrollment(
    @CurrentAccount() account: SessionAccount,
    @Args('code', { type: () => String }) code: string,
  ): Promise<readonly string[]> {
    return this.commandBus.execute(new ConfirmMfaEnrollmentCommand(account, code));
  }
}
