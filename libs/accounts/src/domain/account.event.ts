import type { EncryptedText } from './encrypted-text';

/*
 * The Account aggregate's facts, stream `account-<accountId>`. Who acted (customer, operator,
 * SYSTEM) and when it was stored travel in the event metadata; `data` holds what the decisions
 * and the audit need besides. Instants are ISO-8601 UTC strings, as they come back from the store.
 * Instants the aggregate decides on later (registration, verification, login) are in `data` too,
 * since `evolve` sees the data only.
 */

export type CustomerRole = 'CUSTOMER';
export type StaffRole = 'OPERATOR' | 'AUDITOR';
export type AccountRole = CustomerRole | StaffRole;

/** Names, e-mails and phones only ever as vault ciphertext (issue 3: no plaintext in events). */
export interface EncryptedContact {
  readonly email: EncryptedText;
  readonly name: EncryptedText;
  readonly phone: EncryptedText;
}

/**
 * Issue 11 §5: how an account's events hold its user ID: sealed under the account's PII key, so
 * ACC-7's forgotten key erases it, beside its keyed HMAC (the name of its reservation stream),
 * which finds the account at login without reading the ID.
 */
export interface SealedUserId {
  readonly sealedUserId: EncryptedText;
  readonly userIdHmac: string;
}

/** Only in events recorded before issue 11 §5: the user ID in the clear (read, never written). */
export interface PlainUserId {
  readonly userId: string;
}

export type RecordedUserId = SealedUserId | PlainUserId;

/** The keyed HMAC of the user ID; null for an account registered before issue 11 §5. */
export function userIdHmacOf(recorded: RecordedUserId): string | null {
  return 'userIdHmac' in recorded ? recorded.userIdHmac : null;
}

/** The user ID as the event holds it: vault ciphertext, or the clear ID of an older event. */
export function storedUserIdOf(recorded: RecordedUserId): string {
  return 'sealedUserId' in recorded ? recorded.sealedUserId : recorded.userId;
}

/**
 * What an event that frees a user ID (ACC-2, ACC-7) says of it: only the keyed HMAC, which names
 * its reservation stream; absent for an account registered before issue 11 §5 (the ID is freed at
 * its next claim instead). Events recorded before hold the clear `userId`.
 */
interface FreedUserId {
  readonly userIdHmac?: string;
  /** Only in events recorded before issue 11 §5. */
  readonly userId?: string;
}

/** ACC-1: a self-registered customer, pending verification (ACC-2). */
export interface AccountRegistered {
  readonly type: 'AccountRegistered';
  readonly data: RecordedUserId & {
    readonly accountId: string;
    readonly role: CustomerRole;
    readonly contact: EncryptedContact;
    readonly passwordHash: string;
    /**
     * What the link is checked against. Issue 11 §5: the token itself is not in the event; it
     * waits sealed in the mail ledger (`MailSecrets`, keyed by account and this hash) until the
     * link is mailed, then is erased.
     */
    readonly verificationTokenHash: string;
    /**
     * Only in events recorded before issue 11 §5: the token sealed under the account's key, which
     * the mailer still opens for them (ACC-7's forgotten key erases it).
     */
    readonly verificationToken?: EncryptedText;
    readonly verificationExpiresAt: string;
    readonly registeredAt: string;
  };
}

export interface EmailVerified {
  readonly type: 'EmailVerified';
  readonly data: { readonly accountId: string; readonly verifiedAt: string };
}

/** ACC-2: the link was not opened in time; the registration is void and the user ID free. */
export interface RegistrationExpired {
  readonly type: 'RegistrationExpired';
  readonly data: FreedUserId & {
    readonly accountId: string;
    readonly expiredAt: string;
  };
}

export interface LoginSucceeded {
  readonly type: 'LoginSucceeded';
  readonly data: {
    readonly accountId: string;
    readonly clientAddress: string;
    readonly loggedInAt: string;
    /** ACC-5: the session may do nothing but change the password. */
    readonly mustChangePassword: boolean;
    /** ACC-9: the second factor this login passed, when the account has one. */
    readonly secondFactor?: SecondFactorUsed;
  };
}

/** ACC-9: a TOTP code's time step (no code is accepted twice) or a spent recovery code. */
export type SecondFactorUsed =
  | { readonly method: 'TOTP'; readonly timeStep: number }
  | { readonly method: 'RECOVERY_CODE'; readonly codeHash: string };

/**
 * ACC-4: a wrong password, at login or as the current password of a password change;
 * `consecutiveFailures` counts this one.
 */
export interface LoginFailed {
  readonly type: 'LoginFailed';
  readonly data: {
    readonly accountId: string;
    readonly clientAddress: string;
    readonly consecutiveFailures: number;
    /** ACC-9: the password was right, the second factor's code was not (absent: the password). */
    readonly failedFactor?: 'SECOND_FACTOR';
  };
}

/** MFA_REQUIRED: the right password without the second factor's code (the code's first ask). */
export type LoginRefusalReason =
  'ACCOUNT_LOCKED' | 'NOT_VERIFIED' | 'INITIAL_PASSWORD_EXPIRED' | 'MFA_REQUIRED';

/**
 * An attempt turned away whatever the password (audit: every attempt is an event). It does not
 * count towards ACC-4: a locked account stays locked and nothing else is learned from it.
 */
export interface LoginRefused {
  readonly type: 'LoginRefused';
  readonly data: {
    readonly accountId: string;
    readonly clientAddress: string;
    readonly reason: LoginRefusalReason;
    readonly passwordMatched: boolean;
  };
}

export interface AccountLocked {
  readonly type: 'AccountLocked';
  readonly data: {
    readonly accountId: string;
    readonly reason: 'CONSECUTIVE_LOGIN_FAILURES';
    readonly clientAddress: string;
    readonly lockedAt: string;
  };
}

/** ACC-5: both operator actions issue an initial password, mailed to the registered address. */
export interface InitialPasswordIssued {
  readonly accountId: string;
  readonly initialPasswordHash: string;
  /**
   * Only in events recorded before issue 11 §5 (sealed under the account's key, for the holder's
   * mail). Now the password waits sealed in the mail ledger (`MailSecrets`, keyed by account and
   * the hash above) until mailed, then is erased.
   */
  readonly initialPassword?: EncryptedText;
  readonly initialPasswordExpiresAt: string;
}

/**
 * The audit asks for every unlock, reset and contact change with actor and client address: the
 * operator is the event's metadata actor, the address where the request came from is here.
 */
export interface OperatorCareData {
  readonly clientAddress: string;
}

export interface AccountUnlocked {
  readonly type: 'AccountUnlocked';
  readonly data: InitialPasswordIssued & OperatorCareData;
}

export interface PasswordReset {
  readonly type: 'PasswordReset';
  readonly data: InitialPasswordIssued & OperatorCareData;
}

export interface PasswordChanged {
  readonly type: 'PasswordChanged';
  readonly data: { readonly accountId: string; readonly passwordHash: string };
}

/** ACC-6: only the fields given change; the user ID is not among them and never changes. */
export interface ContactChanged {
  readonly type: 'ContactChanged';
  readonly data: OperatorCareData & {
    readonly accountId: string;
    readonly changed: Partial<EncryptedContact>;
    /** Absent in events recorded before issue 11 (then no reset waits for it). */
    readonly changedAt?: string;
  };
}

/** ACC-7: no successful login since `lastUsedAt` for a year; the PII key is forgotten next. */
export interface AccountDeletedForInactivity {
  readonly type: 'AccountDeletedForInactivity';
  readonly data: FreedUserId & {
    readonly accountId: string;
    readonly lastUsedAt: string;
    readonly deletedAt: string;
  };
}

/**
 * Staff accounts come only from the CLI, active at once, with an initial password (ACC-5).
 * Issue 11 §5: no sealed initial password, only its hash: the tool prints the password once to
 * whoever ran it and no mail needs it. Events recorded before still carry one, unread.
 */
export interface OperatorCreated {
  readonly type: 'OperatorCreated';
  readonly data: Omit<InitialPasswordIssued, 'initialPassword'> &
    RecordedUserId & {
      readonly role: StaffRole;
      readonly contact: EncryptedContact;
      readonly createdAt: string;
    };
}

/**
 * ACC-9: a TOTP secret made for the holder (RFC 6238), sealed under the account's key; the
 * factor is not on until the holder proves the authenticator with a code (MfaEnabled).
 */
export interface MfaEnrollmentStarted {
  readonly type: 'MfaEnrollmentStarted';
  readonly data: {
    readonly accountId: string;
    readonly secret: EncryptedText;
    readonly startedAt: string;
  };
}

/** ACC-9: from now on every login needs a code; recovery codes only as SHA-256 hashes. */
export interface MfaEnabled {
  readonly type: 'MfaEnabled';
  readonly data: {
    readonly accountId: string;
    readonly secret: EncryptedText;
    readonly recoveryCodeHashes: readonly string[];
    /** The confirming code's time step: it cannot log in afterwards (no replay). */
    readonly timeStep: number;
    readonly enabledAt: string;
  };
}

/** ACC-9: `reset-staff` (a tool, actor SYSTEM) takes the factor away; the holder enrols again. */
export interface MfaRemoved {
  readonly type: 'MfaRemoved';
  readonly data: { readonly accountId: string; readonly removedAt: string };
}

export type AccountEvent =
  | AccountRegistered
  | EmailVerified
  | RegistrationExpired
  | LoginSucceeded
  | LoginFailed
  | LoginRefused
  | AccountLocked
  | AccountUnlocked
  | PasswordReset
  | PasswordChanged
  | ContactChanged
  | AccountDeletedForInactivity
  | OperatorCreated
  | MfaEnrollmentStarted
  | MfaEnabled
  | MfaRemoved;

export type AccountEventType = AccountEvent['type'];

/**
 * Sessions are not account facts: they live in a session store outside the stream (short-lived
 * bearer tokens; a logout is not worth an audit event). A subscriber ends every session of the
 * account when one of these is recorded.
 */
export const SESSION_ENDING_EVENTS: readonly AccountEventType[] = [
  'AccountLocked',
  'AccountUnlocked',
  'PasswordReset',
  'PasswordChanged',
  'AccountDeletedForInactivity',
];
