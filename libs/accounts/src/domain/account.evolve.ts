import {
  userIdHmacOf,
  type AccountEvent,
  type InitialPasswordIssued,
  type SecondFactorUsed,
} from './account.event';
import type { AccountState, Active, Credentials, Locked, SecondFactor } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/** Folds one event; an event that does not fit the state leaves it as it is (replay never throws). */
export function evolve(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountRegistered': {
      const { data } = event;
      return {
        status: 'PendingVerification',
        accountId: data.accountId,
        userIdHmac: userIdHmacOf(data),
        role: data.role,
        contact: data.contact,
        createdAt: data.registeredAt,
        passwordHash: data.passwordHash,
        verificationTokenHash: data.verificationTokenHash,
        verificationExpiresAt: data.verificationExpiresAt,
      };
    }
    case 'OperatorCreated': {
      const { data } = event;
      return {
        status: 'Active',
        accountId: data.accountId,
        userIdHmac: userIdHmacOf(data),
        role: data.role,
        contact: data.contact,
        createdAt: data.createdAt,
        ...initialPassword(data),
        activatedAt: data.createdAt,
        lastLoginAt: null,
        consecutiveFailures: 0,
        emailChangedAt: null,
        secondFactor: null,
        pendingSecondFactor: null,
      };
    }
    case 'EmailVerified': {
      if (state.status !== 'PendingVerification') return state;
      return {
        status: 'Active',
        accountId: state.accountId,
        userIdHmac: state.userIdHmac,
        role: state.role,
        contact: state.contact,
        createdAt: state.createdAt,
        passwordHash: state.passwordHash,
        mustChangePassword: false,
        initialPasswordExpiresAt: null,
        activatedAt: event.data.verifiedAt,
        lastLoginAt: null,
        consecutiveFailures: 0,
        emailChangedAt: null,
        secondFactor: null,
        pendingSecondFactor: null,
      };
    }
    case 'RegistrationExpired':
      if (state.status !== 'PendingVerification') return state;
      return {
        status: 'RegistrationVoid',
        accountId: state.accountId,
        userIdHmac: state.userIdHmac,
      };
    case 'LoginSucceeded':
      if (state.status !== 'Active') return state;
      return {
        ...state,
        lastLoginAt: event.data.loggedInAt,
        consecutiveFailures: 0,
        secondFactor: afterUse(state.secondFactor, event.data.secondFactor),
      };
    case 'LoginFailed':
      if (state.status !== 'Active') return state;
      return { ...state, consecutiveFailures: event.data.consecutiveFailures };
    case 'LoginRefused':
      return state;
    case 'AccountLocked':
      if (state.status !== 'Active') return state;
      return { ...state, status: 'Locked', lockedAt: event.data.lockedAt };
    case 'AccountUnlocked':
      if (state.status !== 'Locked') return state;
      return activeWith(state, initialPassword(event.data));
    case 'PasswordReset':
      if (state.status !== 'Active') return state;
      return activeWith(state, initialPassword(event.data));
    case 'PasswordChanged':
      if (state.status !== 'Active') return state;
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: false,
        initialPasswordExpiresAt: null,
      };
    case 'ContactChanged':
      if (state.status !== 'Active' && state.status !== 'Locked') return state;
      return {
        ...state,
        contact: { ...state.contact, ...event.data.changed },
        emailChangedAt:
          event.data.changed.email !== undefined && event.data.changedAt !== undefined
            ? event.data.changedAt
            : state.emailChangedAt,
      };
    case 'AccountDeletedForInactivity':
      if (state.status !== 'Active' && state.status !== 'Locked') return state;
      return {
        status: 'Deleted',
        accountId: state.accountId,
        userIdHmac: state.userIdHmac,
        role: state.role,
        deletedAt: event.data.deletedAt,
      };
    case 'MfaEnrollmentStarted':
      if (state.status !== 'Active') return state;
      return { ...state, pendingSecondFactor: event.data.secret };
    case 'MfaEnabled':
      if (state.status !== 'Active') return state;
      return {
        ...state,
        secondFactor: {
          secret: event.data.secret,
          lastTimeStep: event.data.timeStep,
          unusedRecoveryCodeHashes: event.data.recoveryCodeHashes,
        },
        pendingSecondFactor: null,
      };
    case 'MfaRemoved':
      if (state.status !== 'Active' && state.status !== 'Locked') return state;
      return { ...state, secondFactor: null, pendingSecondFactor: null };
    default:
      return unreachable(event);
  }
}

/** ACC-9: a TOTP time step is not accepted again, a recovery code only once. */
function afterUse(
  factor: SecondFactor | null,
  used: SecondFactorUsed | undefined,
): SecondFactor | null {
  if (factor === null || used === undefined) return factor;
  switch (used.method) {
    case 'TOTP':
      return { ...factor, lastTimeStep: Math.max(factor.lastTimeStep, used.timeStep) };
    case 'RECOVERY_CODE':
      return {
        ...factor,
        unusedRecoveryCodeHashes: factor.unusedRecoveryCodeHashes.filter(
          (hash) => hash !== used.codeHash,
        ),
      };
    default:
      return unreachable(used);
  }
}

function initialPassword(
  issued: Pick<InitialPasswordIssued, 'initialPasswordHash' | 'initialPasswordExpiresAt'>,
): Credentials {
  return {
    passwordHash: issued.initialPasswordHash,
    mustChangePassword: true,
    initialPasswordExpiresAt: issued.initialPasswordExpiresAt,
  };
}

function activeWith(state: Active | Locked, credentials: Credentials): Active {
  return {
    status: 'Active',
    accountId: state.accountId,
    userIdHmac: state.userIdHmac,
    role: state.role,
    contact: state.contact,
    createdAt: state.createdAt,
    ...credentials,
    activatedAt: state.activatedAt,
    lastLoginAt: state.lastLoginAt,
    consecutiveFailures: 0,
    emailChangedAt: state.emailChangedAt,
    secondFactor: state.secondFactor,
    pendingSecondFactor: state.pendingSecondFactor,
  };
}
