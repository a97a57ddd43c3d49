import { Module } from '@nestjs/common';

/** The accounts bounded context; its use cases arrive with their own issue. */
@Module({})
export class AccountsModule {}
