import { Module } from '@nestjs/common';

/** The metering bounded context; its use cases arrive with their own issue. */
@Module({})
export class MeteringModule {}
