import type { Actor } from '@app/event-sourcing';
import { given } from '../testing/account-scenario';
import {
  ACCOUNT_ID,
  CLIENT,
  T0,
  activeAccount,
  failed,
  hoursAfter,
  locked,
  mfaEnabled,
  mfaStarted,
  minutesAfter,
  recoveryCodeHashes,
  sealedSecret,
  staffAccount,
  timeStepOf,
} from '../testing/account-mother';
import type { AccountCommand, SecondFactorProof } from './account.command';
import type { AccountEvent, SecondFactorUsed } from './account.event';
import { mustEnrolSecondFactor } from './access';
import { asEncryptedText } from './encrypted-text';
import type { AccountState } from './account.state';

const ENROLLED_AT = hoursAfter(T0, 1);
const NOW = hoursAfter(T0, 2);
const STEP = timeStepOf(NOW);

const attempt = (passwordMatched: boolean, secondFactor?: SecondFactorProof): AccountCommand => ({
  type: 'RecordLoginAttempt',
  data: { clientAddress: CLIENT, passwordMatched, ...(secondFactor && { secondFactor }) },
});
const totp = (timeStep: number | null): SecondFactorProof => ({ method: 'TOTP', timeStep });
const recovery = (codeHash: string): SecondFactorProof => ({ method: 'RECOVERY_CODE', codeHash });

function loggedInWith(at: Date, secondFactor: SecondFactorUsed): AccountEvent {
  return {
    type: 'LoginSucceeded',
    data: {
      accountId: ACCOUNT_ID,
      clientAddress: CLIENT,
      loggedInAt: at.toISOString(),
      mustChangePassword: false,
      secondFactor,
    },
  };
}

const enrolledStaff = (): AccountEvent[] => [
  ...staffAccount(),
  mfaStarted(ENROLLED_AT),
  mfaEnabled(ENROLLED_AT, timeStepOf(ENROLLED_AT)),
];

function active(state: AccountState) {
  if (state.status !== 'Active') throw new Error(`expected Active, got ${state.status}`);
  return state;
}

describe('second factor (ACC-9)', () => {
  describe('enrolment', () => {
    it('ACC-9: a staff account without a factor must enrol; once enabled it need not', () => {
      expect(mustEnrolSecondFactor(active(given(...staffAccount()).state))).toBe(true);
      expect(mustEnrolSecondFactor(active(given(...staffAccount('AUDITOR')).state))).toBe(true);
      expect(mustEnrolSecondFactor(active(given(...enrolledStaff()).state))).toBe(false);
      expect(mustEnrolSecondFactor(active(given(...activeAccount()).state))).toBe(false);
    });

    it('ACC-9: starting records the sealed secret; starting again replaces it', () => {
      given(...staffAccount())
        .when({ type: 'StartMfaEnrollment', data: { secret: sealedSecret } }, ENROLLED_AT)
        .then(mfaStarted(ENROLLED_AT));
      const other = asEncryptedText('enc:other-secret');
      const state = given(...staffAccount(), mfaStarted(T0))
        .when({ type: 'StartMfaEnrollment', data: { secret: other } }, ENROLLED_AT)
        .then(mfaStarted(ENROLLED_AT, other));
      expect(state).toMatchObject({ pendingSecondFactor: other, secondFactor: null });
    });

    it('ACC-9: a valid code turns the factor on with ten recovery code hashes', () => {
      const step = timeStepOf(ENROLLED_AT);
      const state = given(...staffAccount(), mfaStarted(ENROLLED_AT))
        .when(
          { type: 'ConfirmMfaEnrollment', data: { timeStep: step, recoveryCodeHashes } },
          ENROLLED_AT,
        )
        .then(mfaEnabled(ENROLLED_AT, step));
      expect(state).toMatchObject({
        pendingSecondFactor: null,
        secondFactor: {
          secret: sealedSecret,
          lastTimeStep: step,
          unusedRecoveryCodeHashes: recoveryCodeHashes,
        },
      });
    });

    it('ACC-9: a wrong code, no enrolment started, or a factor already on are refused', () => {
      const wrong = given(...staffAccount(), mfaStarted(ENROLLED_AT))
        .when(
          { type: 'ConfirmMfaEnrollment', data: { timeStep: null, recoveryCodeHashes } },
          ENROLLED_AT,
        )
        .thenRefused('BAD_USER_INPUT');
      expect(wrong.fields).toEqual([
        expect.objectContaining({
          field: 'code',
          message:
            '確認コードが正しくありません。認証アプリに表示されている6桁の確認コードを入力してください。',
        }),
      ]);
      given(...staffAccount())
        .when({ type: 'ConfirmMfaEnrollment', data: { timeStep: 1, recoveryCodeHashes } }, NOW)
        .thenRefused('CONFLICT');
      given(...enrolledStaff())
        .when({ type: 'StartMfaEnrollment', data: { secret: sealedSecret } }, NOW)
        .thenRefused('CONFLICT');
    });

    it('ACC-9: a customer may enrol too', () => {
      const state = given(...activeAccount(), mfaStarted(ENROLLED_AT))
        .when(
          {
            type: 'ConfirmMfaEnrollment',
            data: { timeStep: timeStepOf(ENROLLED_AT), recoveryCodeHashes },
          },
          ENROLLED_AT,
        )
        .then(mfaEnabled(ENROLLED_AT, timeStepOf(ENROLLED_AT)));
      expect(state).toMatchObject({ role: 'CUSTOMER', secondFactor: expect.any(Object) });
    });
  });

  describe('login', () => {
    it('ACC-9: the right password without a code answers MFA_REQUIRED, counts no failure', () => {
      given(...enrolledStaff())
        .when(attempt(true), NOW)
        .thenRefused('MFA_REQUIRED', {
          type: 'LoginRefused',
          data: {
            accountId: ACCOUNT_ID,
            clientAddress: CLIENT,
            reason: 'MFA_REQUIRED',
            passwordMatched: true,
          },
        });
    });

    it('ACC-9: a wrong password is the wrong login whatever the code', () => {
      given(...enrolledStaff())
        .when(attempt(false, totp(STEP)), NOW)
        .thenRefused('UNAUTHENTICATED', failed(1));
    });

    it('ACC-9: a code of a later time step logs in and is remembered', () => {
      const state = given(...enrolledStaff())
        .when(attempt(true, totp(STEP)), NOW)
        .then(loggedInWith(NOW, { method: 'TOTP', timeStep: STEP }));
      expect(state).toMatchObject({ secondFactor: { lastTimeStep: STEP } });
    });

    it('ACC-9: a code is accepted once: the same time step, or an earlier one, is refused (replay)', () => {
      const history = [...enrolledStaff(), loggedInWith(NOW, { method: 'TOTP', timeStep: STEP })];
      for (const step of [STEP, STEP - 1]) {
        given(...history)
          .when(attempt(true, totp(step)), minutesAfter(NOW, 0.5))
          .thenRefused('MFA_REQUIRED', secondFactorFailed(1));
      }
      // The confirming code cannot log in either.
      given(...enrolledStaff())
        .when(attempt(true, totp(timeStepOf(ENROLLED_AT))), ENROLLED_AT)
        .thenRefused('MFA_REQUIRED', secondFactorFailed(1));
    });

    it('ACC-9: a wrong code answers MFA_REQUIRED with no session, counts as a failure, and the third locks (ACC-4)', () => {
      const error = given(...enrolledStaff())
        .when(attempt(true, totp(null)), NOW)
        .thenRefused('MFA_REQUIRED', secondFactorFailed(1));
      expect(error.message).toMatch(/^確認コードが正しくありません。/);
      given(...enrolledStaff(), secondFactorFailed(1), secondFactorFailed(2))
        .when(attempt(true, totp(null)), NOW)
        .thenRefused('ACCOUNT_LOCKED', secondFactorFailed(3), locked(NOW));
    });

    it('ACC-9: each recovery code logs in once', () => {
      const code = recoveryCodeHashes[0] ?? '';
      const used = loggedInWith(NOW, { method: 'RECOVERY_CODE', codeHash: code });
      const state = given(...enrolledStaff())
        .when(attempt(true, recovery(code)), NOW)
        .then(used);
      expect(state).toMatchObject({
        secondFactor: { unusedRecoveryCodeHashes: recoveryCodeHashes.slice(1) },
      });
      given(...enrolledStaff(), used)
        .when(attempt(true, recovery(code)), NOW)
        .thenRefused('MFA_REQUIRED', secondFactorFailed(1));
      given(...enrolledStaff())
        .when(attempt(true, recovery('hash:unknown')), NOW)
        .thenRefused('MFA_REQUIRED', secondFactorFailed(1));
    });

    it('ACC-9: a customer without a factor logs in with the password alone; with one, needs the code', () => {
      given(...activeAccount())
        .when(attempt(true), NOW)
        .then({
          type: 'LoginSucceeded',
          data: {
            accountId: ACCOUNT_ID,
            clientAddress: CLIENT,
            loggedInAt: NOW.toISOString(),
            mustChangePassword: false,
          },
        });
      given(...activeAccount(), mfaStarted(ENROLLED_AT), mfaEnabled(ENROLLED_AT, 1))
        .when(attempt(true), NOW)
        .thenRefused('MFA_REQUIRED', {
          type: 'LoginRefused',
          data: {
            accountId: ACCOUNT_ID,
            clientAddress: CLIENT,
            reason: 'MFA_REQUIRED',
            passwordMatched: true,
          },
        });
    });
  });

  describe('reset-staff', () => {
    const system: Actor = { id: 'cli:reset-staff:root', role: 'SYSTEM' };
    const reset = (actor: Actor): AccountCommand => ({
      type: 'ResetPassword',
      data: {
        actor,
        clientAddress: CLIENT,
        initialPasswordHash: 'hash:initial',
      },
    });

    it('ACC-9: the tool’s reset takes the factor away, so the holder enrols again', () => {
      const decision = given(...enrolledStaff()).when(reset(system), NOW).decision;
      expect(decision.ok && decision.events.map((event) => event.type)).toEqual([
        'PasswordReset',
        'MfaRemoved',
      ]);
      const state = given(...enrolledStaff(), ...decision.events).state;
      expect(state).toMatchObject({ secondFactor: null, pendingSecondFactor: null });
      expect(mustEnrolSecondFactor(active(state))).toBe(true);
    });

    it('ACC-9: an operator’s reset of a customer leaves the customer’s factor on', () => {
      const customerWithFactor = [
        ...activeAccount(),
        mfaStarted(ENROLLED_AT),
        mfaEnabled(ENROLLED_AT, 1),
      ];
      const decision = given(...customerWithFactor).when(
        reset({ id: 'op-1', role: 'OPERATOR' }),
        NOW,
      ).decision;
      expect(decision.ok && decision.events.map((event) => event.type)).toEqual(['PasswordReset']);
    });
  });
});

function secondFactorFailed(consecutiveFailures: number): AccountEvent {
  return {
    type: 'LoginFailed',
    data: {
      accountId: ACCOUNT_ID,
      clientAddress: CLIENT,
      consecutiveFailures,
      failedFactor: 'SECOND_FACTOR',
    },
  };
}
