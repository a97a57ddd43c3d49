import { given } from '../testing/account-scenario';
import {
  ACCOUNT_ID,
  T0,
  USER_ID,
  activeAccount,
  contact,
  lockedAccount,
  loggedIn,
  minutesAfter,
  registered,
} from '../testing/account-mother';
import type { AccountCommand } from './account.command';
import type { AccountEvent } from './account.event';
import { isInactive } from './inactivity.decide';

const sweep: AccountCommand = { type: 'DeleteForInactivity', data: {} };
const VERIFIED_AT = minutesAfter(T0, 5);
const LAST_LOGIN = new Date('2026-06-15T03:00:00.000Z');
const YEAR_LATER = new Date('2027-06-15T03:00:00.000Z');
const justBefore = (instant: Date) => new Date(instant.getTime() - 1);

const deleted = (lastUsedAt: Date, at: Date): AccountEvent => ({
  type: 'AccountDeletedForInactivity',
  data: {
    accountId: ACCOUNT_ID,
    userIdHmac: USER_ID.userIdHmac,
    lastUsedAt: lastUsedAt.toISOString(),
    deletedAt: at.toISOString(),
  },
});

describe('inactivity', () => {
  it('ACC-7: one millisecond short of a year after the last login, the account stays', () => {
    const history = [...activeAccount(), loggedIn(LAST_LOGIN)];
    given(...history)
      .when(sweep, justBefore(YEAR_LATER))
      .thenRefused('CONFLICT');
    expect(isInactive(given(...history).state, justBefore(YEAR_LATER))).toBe(false);
  });

  it('ACC-7: exactly a year after the last login, the account is deleted and its PII dropped', () => {
    const history = [...activeAccount(), loggedIn(LAST_LOGIN)];
    const state = given(...history)
      .when(sweep, YEAR_LATER)
      .then(deleted(LAST_LOGIN, YEAR_LATER));
    expect(isInactive(given(...history).state, YEAR_LATER)).toBe(true);
    expect(state).toEqual({
      status: 'Deleted',
      accountId: ACCOUNT_ID,
      userIdHmac: USER_ID.userIdHmac,
      role: 'CUSTOMER',
      deletedAt: YEAR_LATER.toISOString(),
    });
    expect(JSON.stringify(state)).not.toContain(contact.email);
  });

  it('ACC-7: never logged in, the year counts from the verification', () => {
    const yearAfterVerification = new Date('2027-04-01T00:05:00.000Z');
    given(...activeAccount())
      .when(sweep, justBefore(yearAfterVerification))
      .thenRefused('CONFLICT');
    given(...activeAccount())
      .when(sweep, yearAfterVerification)
      .then(deleted(VERIFIED_AT, yearAfterVerification));
  });

  it('ACC-7: failed logins are not use; a locked account is deleted the same way', () => {
    const yearAfterVerification = new Date('2027-04-01T00:05:00.000Z');
    given(...lockedAccount())
      .when(sweep, yearAfterVerification)
      .then(deleted(VERIFIED_AT, yearAfterVerification));
  });

  it('ACC-7: a login on 29 February 2028 keeps the account until 1 March 2029', () => {
    const leapDay = new Date('2028-02-29T12:00:00.000Z');
    const history = [...activeAccount(), loggedIn(leapDay)];
    given(...history)
      .when(sweep, new Date('2029-02-28T23:59:59.999Z'))
      .thenRefused('CONFLICT');
    given(...history)
      .when(sweep, new Date('2029-03-01T12:00:00.000Z'))
      .then(deleted(leapDay, new Date('2029-03-01T12:00:00.000Z')));
  });

  it('ACC-7: a deleted account can no longer log in, and is not deleted twice', () => {
    const history = [...activeAccount(), deleted(VERIFIED_AT, YEAR_LATER)];
    given(...history)
      .when(
        {
          type: 'RecordLoginAttempt',
          data: { clientAddress: '198.51.100.1', passwordMatched: true },
        },
        YEAR_LATER,
      )
      .thenRefused('UNAUTHENTICATED');
    given(...history)
      .when(sweep, YEAR_LATER)
      .thenRefused('NOT_FOUND');
  });

  it('ACC-7: a registration still pending is left to ACC-2', () => {
    given(registered()).when(sweep, YEAR_LATER).thenRefused('CONFLICT');
  });
});
