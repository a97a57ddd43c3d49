import type { Projection } from '@app/event-sourcing';
import type { MigrationInterface } from 'typeorm';
import { ApplicationSearch1764117600000 } from '../migrations/1764117600000-application-search';
import { ApplicationSearchNameGrams1764117700000 } from '../migrations/1764117700000-application-search-name-grams';
import { applicationSearchProjection } from './application-search.projection';

/** For `EventSourcingModule.forRoot({ migrations, projections })`; entities come with the projection. */
export const APPLICATION_SEARCH_MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  ApplicationSearch1764117600000,
  ApplicationSearchNameGrams1764117700000,
];

export const APPLICATIONS_PROJECTIONS: readonly Projection[] = [applicationSearchProjection];
