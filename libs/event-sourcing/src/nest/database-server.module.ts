import { Module } from '@nestjs/common';

/** Holds the database server provider, so TypeORM's async factory can inject it. */
@Module({})
export class DatabaseServerModule {}
