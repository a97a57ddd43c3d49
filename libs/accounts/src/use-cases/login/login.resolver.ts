import type { IncomingMessage } from 'node:http';
import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SessionModel } from '../../graphql/session.model';
import { LoginCommand, type LoginResult } from './login.command';

@Resolver()
export class LoginResolver {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Mutation(() => SessionModel)
  login(
    @Args('userId', { type: () => String }) userId: string,
    @Args('password', { type: () => String }) password: string,
    @Context('req') req: IncomingMessage,
  ): Promise<LoginResult> {
    return this.commandBus.execute(
      new LoginCommand(userId, password, req.socket.remoteAddress ?? 'unknown'),
    );
  }
}
