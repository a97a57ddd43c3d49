import { given } from '../testing/account-scenario';
import {
  ACCOUNT_ID,
  CLIENT,
  T0,
  USER_ID,
  activeAccount,
  contact,
  minutesAfter,
  registered,
  verified,
} from '../testing/account-mother';
import type { AccountCommand } from './account.command';

const register: AccountCommand = {
  type: 'RegisterAccount',
  data: {
    accountId: ACCOUNT_ID,
    ...USER_ID,
    contact,
    passwordHash: 'hash:chosen',
    verificationTokenHash: 'hash:token',
  },
};

const verify = (verificationTokenHash = 'hash:token'): AccountCommand => ({
  type: 'VerifyEmail',
  data: { verificationTokenHash },
});

const expire: AccountCommand = { type: 'ExpireRegistration', data: {} };

const expiredAt = (minutes: number) => ({
  type: 'RegistrationExpired' as const,
  data: {
    accountId: ACCOUNT_ID,
    userIdHmac: USER_ID.userIdHmac,
    expiredAt: minutesAfter(T0, minutes).toISOString(),
  },
});

describe('registration', () => {
  it('ACC-1: anyone may register; a customer account waits for verification for 30 minutes', () => {
    const state = given().when(register, T0).then(registered());
    expect(state).toMatchObject({ status: 'PendingVerification', role: 'CUSTOMER' });
  });

  it('ACC-1: the same account cannot be registered twice', () => {
    given(registered()).when(register, T0).thenRefused('CONFLICT');
  });

  it('ACC-2: a link opened after 29 minutes completes the registration', () => {
    const state = given(registered())
      .when(verify(), minutesAfter(T0, 29))
      .then(verified(minutesAfter(T0, 29)));
    expect(state).toMatchObject({ status: 'Active', mustChangePassword: false });
  });

  it('ACC-2: the link still works at exactly 30 minutes', () => {
    given(registered())
      .when(verify(), minutesAfter(T0, 30))
      .then(verified(minutesAfter(T0, 30)));
  });

  it('ACC-2: after 31 minutes VERIFICATION_EXPIRED, and the registration is void', () => {
    const scenario = given(registered()).when(verify(), minutesAfter(T0, 31));
    scenario.thenRefused('VERIFICATION_EXPIRED', expiredAt(31));
    expect(given(registered(), expiredAt(31)).state).toEqual({
      status: 'RegistrationVoid',
      accountId: ACCOUNT_ID,
      userIdHmac: USER_ID.userIdHmac,
    });
  });

  it('ACC-2: a void registration keeps answering VERIFICATION_EXPIRED and cannot log in', () => {
    given(registered(), expiredAt(31))
      .when(verify(), minutesAfter(T0, 32))
      .thenRefused('VERIFICATION_EXPIRED');
    given(registered(), expiredAt(31))
      .when(
        { type: 'RecordLoginAttempt', data: { clientAddress: CLIENT, passwordMatched: true } },
        T0,
      )
      .thenRefused('UNAUTHENTICATED');
  });

  it('ACC-2: a wrong token neither verifies nor voids the registration', () => {
    given(registered()).when(verify('hash:other'), minutesAfter(T0, 31)).thenRefused('NOT_FOUND');
  });

  it('ACC-2: the link is single use', () => {
    given(...activeAccount())
      .when(verify(), minutesAfter(T0, 10))
      .thenRefused('CONFLICT');
  });

  it('ACC-2: the sweep voids a registration only once its link is dead', () => {
    given(registered()).when(expire, minutesAfter(T0, 30)).thenRefused('CONFLICT');
    given(registered()).when(expire, minutesAfter(T0, 31)).then(expiredAt(31));
    given(registered(), expiredAt(31)).when(expire, minutesAfter(T0, 40)).then();
  });

  it('ACC-2: an account still waiting for its link cannot log in', () => {
    given(registered())
      .when(
        { type: 'RecordLoginAttempt', data: { clientAddress: CLIENT, passwordMatched: true } },
        T0,
      )
      .thenRefused('UNAUTHENTICATED', {
        type: 'LoginRefused',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          reason: 'NOT_VERIFIED',
          passwordMatched: true,
        },
      });
  });
});
