import { type CommandMetadata } from '@app/event-sourcing';
import { Inject } from '@nestjs/common';
import { SESSION_CLOCK, type SessionClock } from '../../auth/session-clock';
import { VERIFICATION_WINDOW_MS, isPast, later } from '../../domain/account-policy';
import { AccountRepository } from '../../infrastructure/account-repository';
import { UserIdReservations } from '../../infrastructure/user-id-reservations';
import { unreachable } from '@app/event-sourcing/domain';
import { AccountsReader } from '../../read-models/accounts.reader';
import { RegistrationExpiry, SYSTEM_ACTOR } from '../expire-registrations/registration-expiry';
import { commandMetadata } from '@app/event-sourcing';

/**
 * ACC-1/ACC-2/ACC-7: a registration goes ahead only with the user ID reserved on the write side.
 * The read model is asked first as well: it knows accounts whose IDs were never reserved (those
 * registered before reservations existed, staff accounts). A holder whose link has expired is
 * voided here rather than waiting for the sweep, so the ID is free the moment ACC-2 says it is.
 */
export class UserIdClaims {
  constructor(
    @Inject(AccountsReader) private readonly query: AccountsReader,
    @Inject(AccountRepository) private readonly repository: AccountRepository,
    @Inject(UserIdReservations) private readonly reservations: UserIdReservations,
    @Inject(RegistrationExpiry) private readonly expiry: RegistrationExpiry,
    @Inject(SESSION_CLOCK) private readonly clock: SessionClock,
  ) {}

  /** True when `accountId` may now register `userId`. */
  async claim(userId: string, accountId: string, metadata: CommandMetadata): Promise<boolean> {
    const shown = await this.query.byUserId(userId);
    if (shown !== null && !(await this.reclaim(userId, shown.id, null))) return false;
    if (await this.reservations.reserve(userId, accountId, metadata, this.clock())) return true;
    const { state } = await this.reservations.load(userId);
    if (
      state.status === 'Held' &&
      !(await this.reclaim(userId, state.accountId, state.reservedAt))
    ) {
      return false;
    }
    return this.reservations.reserve(userId, accountId, metadata, this.clock());
  }

  /** Whether the account holding the ID has let go of it; frees it on the write side if so. */
  private async reclaim(
    userId: string,
    holderId: string,
    reservedAt: string | null,
  ): Promise<boolean> {
    const { state } = await this.repository.load(holderId);
    const release = commandMetadata(SYSTEM_ACTOR);
    const now = this.clock();
    switch (state.status) {
      case 'Active':
      case 'Locked':
        return false;
      case 'PendingVerification':
        return this.expiry.expire(holderId);
      case 'RegistrationVoid':
        await this.reservations.release(userId, holderId, 'REGISTRATION_EXPIRED', release, now);
        return true;
      case 'Deleted':
        await this.reservations.release(userId, holderId, 'DELETED_FOR_INACTIVITY', release, now);
        return true;
      case 'Unregistered':
        // Reserved, then nothing registered: a registration still on its way, or one that died.
        if (reservedAt !== null && !isPast(later(reservedAt, VERIFICATION_WINDOW_MS), now)) {
          return false;
        }
        await this.reservations.release(
          userId,
          holderId,
          'REGISTRATION_NOT_RECORDED',
          release,
          now,
        );
        return true;
      default:
        return unreachable(state);
    }
  }
}
