import { Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  AllowBeforeMfaEnrolment,
  AllowWhilePasswordChangeRequired,
} from '../../auth/auth.decorators';
import { bearerTokenOf, type RequestWithHeaders } from '../../auth/authenticated-request';
import { ClientAddress } from '../../auth/client-address.decorator';
import { CurrentAccount } from '../../auth/current-account.decorator';
import { GqlAuthGuard } from '../../auth/gql-auth.guard';
import { RolesGuard } from '../../auth/roles.guard';
import type { SessionAccount } from '../../sessions/session.service';
import { LogoutCommand } from './logout.command';

@Resolver()
@UseGuards(GqlAuthGuard, RolesGuard)
export class LogoutResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => Boolean)
  @AllowWhilePasswordChangeRequired()
  @AllowBeforeMfaEnrolment()
  logout(
    @Context('req') req: RequestWithHeaders,
    @CurrentAccount() account: SessionAccount,
    @ClientAddress() clientAddress: string,
  ): Promise<boolean> {
    return this.commandBus.execute(new LogoutCommand(bearerTokenOf(req), account, clientAddress));
  }
}
