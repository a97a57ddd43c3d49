import type { Projection } from '@app/event-sourcing';
import type { MigrationInterface } from 'typeorm';
import { AccountsReadModel1764115600000 } from '../migrations/1764115600000-accounts-read-model';
import { Sessions1764115700000 } from '../migrations/1764115700000-sessions';
import { accountsProjection } from './accounts.projection';
import { AccountVerificationToken1764115800000 } from '../migrations/1764115800000-account-verification-token';
import { LoginThrottle1764117200000 } from '../migrations/1764117200000-login-throttle';
import { AccountVerificationLinks1764117300000 } from '../migrations/1764117300000-account-verification-links';
import { AttemptCounters1764119000000 } from '../migrations/1764119000000-attempt-counters';
import { SessionSecurityStamps1764119100000 } from '../migrations/1764119100000-session-security-stamps';
import { SecurityEvents1764119400000 } from '../migrations/1764119400000-security-events';
import { SecondFactor1764119500000 } from '../migrations/1764119500000-second-factor';
import { SealedUserIds1764119600000 } from '../migrations/1764119600000-sealed-user-ids';

/** For `EventSourcingModule.forRoot({ migrations, projections })`; entities come with the projection. */
export const ACCOUNTS_MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  AccountsReadModel1764115600000,
  Sessions1764115700000,
  AccountVerificationToken1764115800000,
  LoginThrottle1764117200000,
  AccountVerificationLinks1764117300000,
  AttemptCounters1764119000000,
  SessionSecurityStamps1764119100000,
  SecurityEvents1764119400000,
  SecondFactor1764119500000,
  SealedUserIds1764119600000,
];

export const ACCOUNTS_PROJECTIONS: readonly Projection[] = [accountsProjection];
