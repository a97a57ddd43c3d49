import { given } from '../testing/account-scenario';
import {
  ACCOUNT_ID,
  CLIENT,
  T0,
  USER_ID,
  activeAccount,
  failed,
  hoursAfter,
  locked,
  lockedAccount,
  loggedIn,
  minutesAfter,
  passwordReset,
} from '../testing/account-mother';
import { BACK_OFFICE_CONTACT, renderAccountMessage } from '../messages';
import type { AccountCommand } from './account.command';
import { oneYearAfter } from './account-policy';
import { accessRefusal } from './access';

const attempt = (passwordMatched: boolean): AccountCommand => ({
  type: 'RecordLoginAttempt',
  data: { clientAddress: CLIENT, passwordMatched },
});

const NOW = hoursAfter(T0, 1);

describe('login', () => {
  it('ACC-4: a right password logs in and records the client address', () => {
    const state = given(...activeAccount())
      .when(attempt(true), NOW)
      .then(loggedIn(NOW));
    expect(state).toMatchObject({ lastLoginAt: NOW.toISOString(), consecutiveFailures: 0 });
  });

  it('ACC-4: the first and second wrong passwords are counted, not locked', () => {
    given(...activeAccount())
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(1));
    given(...activeAccount(), failed(1))
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(2));
  });

  it('ACC-4: the third consecutive wrong password locks the account, and tells the guesser only that the login was wrong', () => {
    const error = given(...activeAccount(), failed(1), failed(2))
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(3), locked(NOW));
    expect(error.message).toBe('ユーザ ID、もしくはパスワードが違います。');
    expect(
      given(...activeAccount(), failed(1), failed(2), failed(3), locked(NOW)).state,
    ).toMatchObject({ status: 'Locked', lockedAt: NOW.toISOString() });
  });

  it('ACC-4: a locked account refuses even the right password, and records the attempt', () => {
    given(...lockedAccount())
      .when(attempt(true), hoursAfter(T0, 2))
      .thenRefused('ACCOUNT_LOCKED', {
        type: 'LoginRefused',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          reason: 'ACCOUNT_LOCKED',
          passwordMatched: true,
        },
      });
  });

  it('ACC-4: a wrong password on a locked account gets the wrong-login answer, not ACCOUNT_LOCKED', () => {
    const error = given(...lockedAccount())
      .when(attempt(false), hoursAfter(T0, 2))
      .thenRefused('UNAUTHENTICATED', {
        type: 'LoginRefused',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          reason: 'ACCOUNT_LOCKED',
          passwordMatched: false,
        },
      });
    expect(error.message).toBe('ユーザ ID、もしくはパスワードが違います。');
  });

  it('ACC-8: the lock message, told to the right password, says where to ask and what to write (Q16)', () => {
    const error = given(...lockedAccount())
      .when(attempt(true), hoursAfter(T0, 2))
      .thenRefused('ACCOUNT_LOCKED', {
        type: 'LoginRefused',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          reason: 'ACCOUNT_LOCKED',
          passwordMatched: true,
        },
      });
    expect(error.message).toContain(BACK_OFFICE_CONTACT);
    expect(error.message).toContain('登録済のユーザ ID・メールアドレス・名義・電話番号');
    expect(renderAccountMessage(error.message, 'Kouatsu2023@tepcoco.jp')).toContain(
      'Kouatsu2023@tepcoco.jp へ「登録済のユーザ ID・メールアドレス・名義・電話番号」をご記載のうえ',
    );
  });

  it('ACC-7: an account past its year is refused at login, right password or not, and deleted then', () => {
    const verifiedAt = minutesAfter(T0, 5).toISOString();
    const yearLater = new Date(Date.parse(oneYearAfter(verifiedAt)));
    for (const matched of [true, false]) {
      const error = given(...activeAccount())
        .when(attempt(matched), yearLater)
        .thenRefused('UNAUTHENTICATED', {
          type: 'AccountDeletedForInactivity',
          data: {
            accountId: ACCOUNT_ID,
            userIdHmac: USER_ID.userIdHmac,
            lastUsedAt: verifiedAt,
            deletedAt: yearLater.toISOString(),
          },
        });
      expect(error.message).toBe('ユーザ ID、もしくはパスワードが違います。');
    }
    given(...lockedAccount())
      .when(attempt(true), hoursAfter(yearLater, 1))
      .thenRefused('UNAUTHENTICATED', {
        type: 'AccountDeletedForInactivity',
        data: {
          accountId: ACCOUNT_ID,
          userIdHmac: USER_ID.userIdHmac,
          lastUsedAt: verifiedAt,
          deletedAt: hoursAfter(yearLater, 1).toISOString(),
        },
      });
    given(...activeAccount())
      .when(attempt(true), new Date(yearLater.getTime() - 1))
      .then(loggedIn(new Date(yearLater.getTime() - 1)));
  });

  it('ACC-4: a successful login resets the count, so two more failures do not lock', () => {
    const history = [...activeAccount(), failed(1), failed(2), loggedIn(NOW)];
    expect(given(...history).state).toMatchObject({ consecutiveFailures: 0 });
    given(...history, failed(1))
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(2));
  });

  it('ACC-4: a wrong password and an unknown user ID get the same answer', () => {
    const wrong = given(...activeAccount())
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(1));
    const unknown = given().when(attempt(true), NOW).thenRefused('UNAUTHENTICATED');
    expect(unknown.message).toBe(wrong.message);
  });

  it('ACC-5: an initial password logs in with PASSWORD_CHANGE_REQUIRED for everything else', () => {
    const history = [...activeAccount(), passwordReset(T0)];
    const state = given(...history)
      .when(attempt(true), hoursAfter(T0, 72))
      .then(loggedIn(hoursAfter(T0, 72), true));
    expect(accessRefusal(state)?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('ACC-5: an initial password is refused once its 72 hours are over', () => {
    given(...activeAccount(), passwordReset(T0))
      .when(attempt(true), new Date(hoursAfter(T0, 72).getTime() + 1))
      .thenRefused('UNAUTHENTICATED', {
        type: 'LoginRefused',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          reason: 'INITIAL_PASSWORD_EXPIRED',
          passwordMatched: true,
        },
      });
  });

  it('ACC-5: a wrong password against an initial password still counts towards the lock', () => {
    given(...activeAccount(), passwordReset(T0), failed(1), failed(2))
      .when(attempt(false), NOW)
      .thenRefused('UNAUTHENTICATED', failed(3), locked(NOW));
  });
});
