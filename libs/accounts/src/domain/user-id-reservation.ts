import { unreachable } from '@app/event-sourcing/domain';

/*
 * ACC-1/ACC-2/ACC-7: one user ID belongs to at most one account that is registered (pending or in
 * use). A stream per user ID holds who has it, and the event store's expected revision makes two
 * registrations of one ID at the same moment end with one reservation: the other append fails.
 * It is its own small aggregate, so it works on every event store adapter alike. Issue 11 §5: the
 * stream is named by a keyed HMAC of the ID, and its events do not hold the ID.
 */

export type UserIdReleaseReason =
  /** ACC-2: the verification link was not opened in time. */
  | 'REGISTRATION_EXPIRED'
  /** ACC-7: deleted after a year without use. */
  | 'DELETED_FOR_INACTIVITY'
  /** The process stopped between reserving and registering; nothing was registered. */
  | 'REGISTRATION_NOT_RECORDED';

/** Only in events recorded before issue 11 §5: the user ID in the clear (never read). */
interface LegacyUserId {
  readonly userId?: string;
}

export interface UserIdReserved {
  readonly type: 'UserIdReserved';
  readonly data: LegacyUserId & {
    readonly accountId: string;
    readonly reservedAt: string;
  };
}

export interface UserIdReleased {
  readonly type: 'UserIdReleased';
  readonly data: LegacyUserId & {
    readonly accountId: string;
    readonly reason: UserIdReleaseReason;
    readonly releasedAt: string;
  };
}

export type UserIdReservationEvent = UserIdReserved | UserIdReleased;

export type UserIdReservationState =
  | { readonly status: 'Free' }
  | { readonly status: 'Held'; readonly accountId: string; readonly reservedAt: string };

export const freeUserId: UserIdReservationState = { status: 'Free' };

export function evolveUserId(
  state: UserIdReservationState,
  event: UserIdReservationEvent,
): UserIdReservationState {
  switch (event.type) {
    case 'UserIdReserved':
      return { status: 'Held', accountId: event.data.accountId, reservedAt: event.data.reservedAt };
    case 'UserIdReleased':
      return state.status === 'Held' && state.accountId === event.data.accountId
        ? freeUserId
        : state;
    default:
      return unreachable(event);
  }
}

/** The reservation, or nothing when another account holds the ID. */
export function reserveUserId(
  state: UserIdReservationState,
  accountId: string,
  now: Date,
): UserIdReserved | null {
  if (state.status === 'Held') return null;
  return { type: 'UserIdReserved', data: { accountId, reservedAt: now.toISOString() } };
}

/** Only the holder's release frees the ID; releasing twice, or another's, changes nothing. */
export function releaseUserId(
  state: UserIdReservationState,
  accountId: string,
  reason: UserIdReleaseReason,
  now: Date,
): UserIdReleased | null {
  if (state.status !== 'Held' || state.accountId !== accountId) return null;
  return { type: 'UserIdReleased', data: { accountId, reason, releasedAt: now.toISOString() } };
}
