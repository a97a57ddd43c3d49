import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { GqlLocalAuthGuard, LocalLogin } from '../../auth/gql-local-auth.guard';
import { SessionModel } from '../../graphql/session.model';
import type { LoginResult } from './login.command';

@Resolver()
export class LoginResolver {
  /** The arguments are read by passport-local through the guard (LocalStrategy). */
  @Mutation(() => SessionModel)
  @UseGuards(GqlLocalAuthGuard)
  login(
    @Args('userId', { type: () => String }) _userId: string,
    @Args('password', { type: () => String }) _password: string,
    @Args('otp', { type: () => String, nullable: true }) _otp: string | null,
    @LocalLogin() session: LoginResult,
  ): LoginResult {
    return session;
  }
}
