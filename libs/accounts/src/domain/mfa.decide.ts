import type { ConfirmMfaEnrollment, StartMfaEnrollment } from './account.command';
import { accountErrors } from './account-error';
import type { AccountDecision as Decision } from './account-error';
import type { AccountState } from './account.state';
import { accepted, refused } from '@app/event-sourcing/domain';

/** ACC-9: recovery codes handed out with the factor, each good for one login. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * ACC-9: a signed-in holder asks for a factor. Asking again before confirming replaces the secret
 * (an abandoned QR code is worth nothing); once the factor is on, only a tool takes it away.
 */
export function startMfaEnrollment(
  command: StartMfaEnrollment,
  state: AccountState,
  now: Date,
): Decision {
  if (state.status !== 'Active') return refused(accountErrors.notSignedIn());
  if (state.secondFactor !== null) return refused(accountErrors.mfaAlreadyEnabled());
  return accepted({
    type: 'MfaEnrollmentStarted',
    data: { accountId: state.accountId, secret: command.data.secret, startedAt: now.toISOString() },
  });
}

/** ACC-9: a code from the authenticator proves it holds the secret; the factor is then on. */
export function confirmMfaEnrollment(
  command: ConfirmMfaEnrollment,
  state: AccountState,
  now: Date,
): Decision {
  if (state.status !== 'Active') return refused(accountErrors.notSignedIn());
  if (state.secondFactor !== null) return refused(accountErrors.mfaAlreadyEnabled());
  if (state.pendingSecondFactor === null) return refused(accountErrors.mfaNotStarted());
  const { timeStep, recoveryCodeHashes } = command.data;
  if (timeStep === null) return refused(accountErrors.mfaConfirmationCodeInvalid());
  if (new Set(recoveryCodeHashes).size !== RECOVERY_CODE_COUNT) {
    throw new Error(`expected ${RECOVERY_CODE_COUNT} distinct recovery codes`);
  }
  return accepted({
    type: 'MfaEnabled',
    data: {
      accountId: state.accountId,
      secret: state.pendingSecondFactor,
      recoveryCodeHashes,
      timeStep,
      enabledAt: now.toISOString(),
    },
  });
}
