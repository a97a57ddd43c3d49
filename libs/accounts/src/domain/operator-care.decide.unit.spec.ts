import type { Actor } from '@app/event-sourcing';
import { given } from '../testing/account-scenario';
import {
  ACCOUNT_ID,
  CLIENT,
  T0,
  USER_ID,
  activeAccount,
  auditor,
  contact as registeredContact,
  customer,
  hoursAfter,
  failed,
  locked,
  lockedAccount,
  operator,
  passwordReset,
  registered,
  unlocked,
} from '../testing/account-mother';
import type { AccountCommand } from './account.command';
import type { AccountEvent } from './account.event';
import { asEncryptedText } from './encrypted-text';
import { accessRefusal } from './access';

const NOW = hoursAfter(T0, 5);
const unlock = (actor: Actor = operator): AccountCommand => ({
  type: 'UnlockAccount',
  data: {
    actor,
    clientAddress: CLIENT,
    initialPasswordHash: 'hash:initial',
  },
});
const reset = (actor: Actor = operator): AccountCommand => ({
  type: 'ResetPassword',
  data: {
    actor,
    clientAddress: CLIENT,
    initialPasswordHash: 'hash:initial',
  },
});
const changePassword = (
  data: Partial<{ currentPasswordMatched: boolean; newPasswordIsCurrent: boolean }> = {},
): AccountCommand => ({
  type: 'ChangePassword',
  data: {
    clientAddress: CLIENT,
    currentPasswordMatched: true,
    newPasswordIsCurrent: false,
    newPasswordHash: 'hash:new',
    ...data,
  },
});
const changed = {
  type: 'PasswordChanged' as const,
  data: { accountId: ACCOUNT_ID, passwordHash: 'hash:new' },
};

describe('operator account care', () => {
  it('ACC-5: an operator unlocks a locked account with an initial password valid 72 hours', () => {
    const state = given(...lockedAccount())
      .when(unlock(), NOW)
      .then(unlocked(NOW));
    expect(state).toMatchObject({
      status: 'Active',
      consecutiveFailures: 0,
      mustChangePassword: true,
      passwordHash: 'hash:initial',
      initialPasswordExpiresAt: hoursAfter(NOW, 72).toISOString(),
    });
  });

  it.each([
    ['a customer', customer],
    ['an auditor', auditor],
  ])('ACC-5: %s may not unlock nor reset', (_who, actor) => {
    given(...lockedAccount())
      .when(unlock(actor), NOW)
      .thenRefused('FORBIDDEN');
    given(...activeAccount())
      .when(reset(actor), NOW)
      .thenRefused('FORBIDDEN');
  });

  it('ACC-5: only a locked account is unlocked', () => {
    given(...activeAccount())
      .when(unlock(), NOW)
      .thenRefused('CONFLICT');
    given().when(unlock(), NOW).thenRefused('NOT_FOUND');
  });

  it('ACC-5: an operator re-initialises a forgotten password', () => {
    const state = given(...activeAccount())
      .when(reset(), NOW)
      .then(passwordReset(NOW));
    expect(state).toMatchObject({ mustChangePassword: true, passwordHash: 'hash:initial' });
  });

  it('ACC-5: a locked account is unlocked, not reset; a pending one is neither', () => {
    given(...lockedAccount())
      .when(reset(), NOW)
      .thenRefused('CONFLICT');
    given(registered()).when(reset(), NOW).thenRefused('CONFLICT');
  });

  it('ACC-5: unlock → initial password → only changePassword → then normal', () => {
    const afterUnlock = [...lockedAccount(), unlocked(NOW)];
    expect(accessRefusal(given(...afterUnlock).state)?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const state = given(...afterUnlock)
      .when(changePassword(), hoursAfter(NOW, 1))
      .then(changed);
    expect(state).toMatchObject({ mustChangePassword: false, initialPasswordExpiresAt: null });
    expect(accessRefusal(state)).toBeNull();
  });

  it('ACC-5: the initial password cannot be kept as the new one', () => {
    const error = given(...activeAccount(), passwordReset(NOW))
      .when(changePassword({ newPasswordIsCurrent: true }), NOW)
      .thenRefused('BAD_USER_INPUT');
    expect(error.fields.map((field) => field.code)).toEqual(['PASSWORD_NOT_CHANGED']);
  });

  it('ACC-5: after 72 hours the initial password cannot be changed either', () => {
    given(...activeAccount(), passwordReset(NOW))
      .when(changePassword(), new Date(hoursAfter(NOW, 72).getTime() + 1))
      .thenRefused('UNAUTHENTICATED');
  });

  it('ACC-4, ACC-5: a password change needs the current password, and a wrong one counts towards the lock', () => {
    const error = given(...activeAccount())
      .when(changePassword({ currentPasswordMatched: false }), NOW)
      .thenRefused('BAD_USER_INPUT', failed(1));
    expect(error.fields.map((field) => field.field)).toEqual(['currentPassword']);
    given(...activeAccount(), failed(1), failed(2))
      .when(changePassword({ currentPasswordMatched: false }), NOW)
      .thenRefused('BAD_USER_INPUT', failed(3), locked(NOW));
    given(...lockedAccount())
      .when(changePassword(), NOW)
      .thenRefused('ACCOUNT_LOCKED');
  });

  it('ACC-6: an operator changes e-mail, name and phone; the user ID stays', () => {
    const email = asEncryptedText('enc:new-email');
    const phone = asEncryptedText('enc:new-phone');
    const state = given(...activeAccount())
      .when(
        {
          type: 'ChangeContact',
          data: { actor: operator, clientAddress: CLIENT, changed: { email, phone } },
        },
        NOW,
      )
      .then({
        type: 'ContactChanged',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          changed: { email, phone },
          changedAt: NOW.toISOString(),
        },
      });
    expect(state).toMatchObject({
      userIdHmac: USER_ID.userIdHmac,
      contact: { email, name: 'enc:name', phone },
    });
  });

  it('ACC-6: a locked account’s contact may be changed too', () => {
    const name = asEncryptedText('enc:new-name');
    given(...lockedAccount())
      .when(
        {
          type: 'ChangeContact',
          data: { actor: operator, clientAddress: CLIENT, changed: { name } },
        },
        NOW,
      )
      .then({
        type: 'ContactChanged',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          changed: { name },
          changedAt: NOW.toISOString(),
        },
      });
  });

  it('ACC-6: only an operator changes contact, and only when something is given', () => {
    const name = asEncryptedText('enc:new-name');
    given(...activeAccount())
      .when(
        {
          type: 'ChangeContact',
          data: { actor: customer, clientAddress: CLIENT, changed: { name } },
        },
        NOW,
      )
      .thenRefused('FORBIDDEN');
    given(...activeAccount())
      .when(
        {
          type: 'ChangeContact',
          data: { actor: operator, clientAddress: CLIENT, changed: { email: undefined } },
        },
        NOW,
      )
      .thenRefused('BAD_USER_INPUT');
  });
});

describe('staff accounts', () => {
  it('ACC-5, issue 11 §5: an operator created from the CLI starts active with a 72-hour initial password, kept in the event only as its hash', () => {
    const at = hoursAfter(T0, 1);
    const state = given()
      .when(
        {
          type: 'CreateOperator',
          data: {
            accountId: ACCOUNT_ID,
            ...USER_ID,
            role: 'OPERATOR',
            contact: registeredContact,
            initialPasswordHash: 'hash:initial',
          },
        },
        at,
      )
      .then({
        type: 'OperatorCreated',
        data: {
          accountId: ACCOUNT_ID,
          ...USER_ID,
          role: 'OPERATOR',
          contact: registeredContact,
          initialPasswordHash: 'hash:initial',
          initialPasswordExpiresAt: hoursAfter(at, 72).toISOString(),
          createdAt: at.toISOString(),
        },
      });
    expect(state).toMatchObject({ status: 'Active', role: 'OPERATOR', mustChangePassword: true });
    expect(accessRefusal(state)?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  describe('ACC-9: staff accounts are cared for by the command-line tools only', () => {
    const staff: AccountEvent[] = [
      {
        type: 'OperatorCreated',
        data: {
          accountId: ACCOUNT_ID,
          ...USER_ID,
          role: 'OPERATOR',
          contact: registeredContact,
          createdAt: T0.toISOString(),
          initialPasswordHash: 'hash:initial',
          initialPasswordExpiresAt: hoursAfter(T0, 72).toISOString(),
        },
      },
    ];
    const system: Actor = { id: 'cli:unlock-account:root', role: 'SYSTEM' };
    const lockedStaff = [...staff, failed(1), failed(2), failed(3), locked(hoursAfter(T0, 1))];

    it('ACC-9: an operator over the API may not unlock, reset or change the contact of a staff account', () => {
      const refusal = given(...lockedStaff)
        .when(unlock(), NOW)
        .thenRefused('FORBIDDEN');
      expect(refusal.reason).toBe('STAFF_ACCOUNT');
      given(...staff)
        .when(reset(), NOW)
        .thenRefused('FORBIDDEN');
      given(...staff)
        .when(
          {
            type: 'ChangeContact',
            data: {
              actor: operator,
              clientAddress: CLIENT,
              changed: { name: registeredContact.name },
            },
          },
          NOW,
        )
        .thenRefused('FORBIDDEN');
    });

    it('ACC-9: the command-line tools (actor SYSTEM) unlock and reset staff accounts', () => {
      const unlockedState = given(...lockedStaff)
        .when(unlock(system), NOW)
        .then({ type: 'AccountUnlocked', data: { ...issuedAt(NOW), clientAddress: CLIENT } });
      expect(unlockedState).toMatchObject({ status: 'Active', mustChangePassword: true });
      given(...staff)
        .when(reset(system), NOW)
        .then({ type: 'PasswordReset', data: { ...issuedAt(NOW), clientAddress: CLIENT } });
    });

    it('ACC-9: a password reset within 24 hours of an e-mail change is refused', () => {
      const changedAt = hoursAfter(T0, 2);
      const emailChanged: AccountEvent = {
        type: 'ContactChanged',
        data: {
          accountId: ACCOUNT_ID,
          clientAddress: CLIENT,
          changed: { email: asEncryptedText('enc:new-email') },
          changedAt: changedAt.toISOString(),
        },
      };
      const refusal = given(...activeAccount(), emailChanged)
        .when(reset(), hoursAfter(changedAt, 23))
        .thenRefused('CONFLICT');
      expect(refusal.reason).toBe('EMAIL_RECENTLY_CHANGED');
      given(...activeAccount(), emailChanged)
        .when(reset(), hoursAfter(changedAt, 24))
        .then({
          type: 'PasswordReset',
          data: { ...issuedAt(hoursAfter(changedAt, 24)), clientAddress: CLIENT },
        });
    });
  });
});

function issuedAt(at: Date) {
  return {
    accountId: ACCOUNT_ID,
    initialPasswordHash: 'hash:initial',
    initialPasswordExpiresAt: hoursAfter(at, 72).toISOString(),
  };
}
