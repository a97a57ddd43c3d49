import type { MigrationInterface } from 'typeorm';
import { ApplicationIdSequence1764116900000 } from './1764116900000-application-id-sequence';

/** For `EventSourcingModule.forRoot({ migrations })`. */
export const APPLICATIONS_MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  ApplicationIdSequence1764116900000,
];
