import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Mutation, Resolver } from '@nestjs/graphql';
import { AllowBeforeMfaEnrolment } from '../../auth/auth.decorators';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import { MfaEnrollmentModel } from '../../graphql/mfa-enrollment.model';
import type { SessionAccount } from '../../sessions/session.service';
import { StartMfaEnrollmentCommand, type MfaEnrollment } from './start-mfa-enrollment.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class StartMfaEnrollmentResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => MfaEnrollmentModel)
  @AllowBeforeMfaEnrolment()
  startMfaEnrollment(@CurrentAccount() account: SessionAccount): Promise<MfaEnrollment> {
    return this.commandBus.execute(new StartMfaEnrollmentCommand(account));
  }
}
