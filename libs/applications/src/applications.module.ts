import { Module } from '@nestjs/common';

/** The applications bounded context; its use cases arrive with their own issue. */
@Module({})
export class ApplicationsModule {}
