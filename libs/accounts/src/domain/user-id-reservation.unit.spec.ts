import { T0, minutesAfter } from '../testing/account-mother';
import {
  evolveUserId,
  freeUserId,
  releaseUserId,
  reserveUserId,
  type UserIdReservationEvent,
} from './user-id-reservation';

const given = (...events: UserIdReservationEvent[]) => events.reduce(evolveUserId, freeUserId);
const reserved = (accountId: string): UserIdReservationEvent => ({
  type: 'UserIdReserved',
  data: { accountId, reservedAt: T0.toISOString() },
});

describe('user ID reservation', () => {
  it('ACC-1: reserves a free user ID for the registering account', () => {
    expect(reserveUserId(given(), 'a1', T0)).toEqual(reserved('a1'));
  });

  it('ACC-1: refuses a user ID another account holds', () => {
    expect(reserveUserId(given(reserved('a1')), 'a2', T0)).toBeNull();
  });

  it('ACC-2: the holder releases it, and then it can be reserved anew', () => {
    const later = minutesAfter(T0, 31);
    const released = releaseUserId(given(reserved('a1')), 'a1', 'REGISTRATION_EXPIRED', later);
    expect(released).toEqual({
      type: 'UserIdReleased',
      data: {
        accountId: 'a1',
        reason: 'REGISTRATION_EXPIRED',
        releasedAt: later.toISOString(),
      },
    });
    const state = given(reserved('a1'), released as UserIdReservationEvent);
    expect(state).toEqual(freeUserId);
    expect(reserveUserId(state, 'a2', later)).toMatchObject({ data: { accountId: 'a2' } });
  });

  it('ACC-7: a release by another account, or a second release, changes nothing', () => {
    const held = given(reserved('a2'));
    expect(releaseUserId(held, 'a1', 'DELETED_FOR_INACTIVITY', T0)).toBeNull();
    expect(releaseUserId(given(), 'a1', 'DELETED_FOR_INACTIVITY', T0)).toBeNull();
  });

  it('issue 11 §5: its events never hold the user ID; one recorded before with the ID in the clear still counts', () => {
    const legacy: UserIdReservationEvent = {
      type: 'UserIdReserved',
      data: { userId: 'taro', accountId: 'a1', reservedAt: T0.toISOString() },
    };
    expect(reserveUserId(given(legacy), 'a2', T0)).toBeNull();
    expect(JSON.stringify(reserveUserId(given(), 'a1', T0))).not.toContain('userId');
    expect(
      JSON.stringify(releaseUserId(given(legacy), 'a1', 'DELETED_FOR_INACTIVITY', T0)),
    ).not.toContain('userId');
  });
});
