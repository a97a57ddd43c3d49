import { Module } from '@nestjs/common';

/** The notifications bounded context; its use cases arrive with their own issue. */
@Module({})
export class NotificationsModule {}
