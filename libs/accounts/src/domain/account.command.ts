import type { Actor } from '@app/event-sourcing';
import type { EncryptedContact, SealedUserId, StaffRole } from './account.event';
import type { EncryptedText } from './encrypted-text';

/*
 * The handler prepares what the domain must not do itself: it validates the input
 * (account-input-rules), hashes passwords and tokens, verifies a password against the stored
 * hash, and encrypts contact fields through the PII vault. Decisions then take `now` as given.
 */

/** ACC-1: anyone may register; the user ID was checked free by the handler. */
export interface RegisterAccount {
  readonly type: 'RegisterAccount';
  readonly data: SealedUserId & {
    readonly accountId: string;
    readonly contact: EncryptedContact;
    readonly passwordHash: string;
    readonly verificationTokenHash: string;
  };
}

export interface VerifyEmail {
  readonly type: 'VerifyEmail';
  readonly data: { readonly verificationTokenHash: string };
}

/** ACC-2: a sweep voids registrations whose link was never opened, freeing the user ID. */
export interface ExpireRegistration {
  readonly type: 'ExpireRegistration';
  readonly data: Record<string, never>;
}

export interface RecordLoginAttempt {
  readonly type: 'RecordLoginAttempt';
  readonly data: {
    readonly clientAddress: string;
    readonly passwordMatched: boolean;
    /** ACC-9: what the `otp` argument proved; absent when none was given. */
    readonly secondFactor?: SecondFactorProof;
  };
}

/**
 * ACC-9, checked by the handler against the opened secret: the time step a 6-digit code matched
 * within the tolerated skew (null: it matched none), or the hash of a recovery code as typed.
 */
export type SecondFactorProof =
  | { readonly method: 'TOTP'; readonly timeStep: number | null }
  | { readonly method: 'RECOVERY_CODE'; readonly codeHash: string };

/** ACC-9: the holder's own session asks for a factor; the secret was sealed by the handler. */
export interface StartMfaEnrollment {
  readonly type: 'StartMfaEnrollment';
  readonly data: { readonly secret: EncryptedText };
}

/** ACC-9: the first code from the authenticator; the recovery codes are already hashed. */
export interface ConfirmMfaEnrollment {
  readonly type: 'ConfirmMfaEnrollment';
  readonly data: {
    readonly timeStep: number | null;
    readonly recoveryCodeHashes: readonly string[];
  };
}

/** Who cares for the account and from where: the audit records both for every such act. */
export interface OperatorAct {
  readonly actor: Actor;
  readonly clientAddress: string;
}

/** ACC-5: the operator never sees nor chooses the initial password, only sends its hash. */
export interface UnlockAccount {
  readonly type: 'UnlockAccount';
  readonly data: OperatorAct & IssuedInitialPassword;
}

export interface ResetPassword {
  readonly type: 'ResetPassword';
  readonly data: OperatorAct & IssuedInitialPassword;
}

/**
 * The random initial password, hashed for login (ACC-5). The plaintext is not in the command:
 * it goes sealed to the mail ledger through `MailSecrets` (issue 11 §5).
 */
export interface IssuedInitialPassword {
  readonly initialPasswordHash: string;
}

export interface ChangePassword {
  readonly type: 'ChangePassword';
  readonly data: {
    readonly clientAddress: string;
    readonly currentPasswordMatched: boolean;
    /** The new password verifies against the current hash: an initial password kept as is. */
    readonly newPasswordIsCurrent: boolean;
    readonly newPasswordHash: string;
  };
}

/** ACC-6: no user ID here, so none can be changed. */
export interface ChangeContact {
  readonly type: 'ChangeContact';
  readonly data: OperatorAct & { readonly changed: Partial<EncryptedContact> };
}

export interface DeleteForInactivity {
  readonly type: 'DeleteForInactivity';
  readonly data: Record<string, never>;
}

/** From the CLI only (actor SYSTEM); no default accounts exist. */
export interface CreateOperator {
  readonly type: 'CreateOperator';
  readonly data: SealedUserId & {
    readonly accountId: string;
    readonly role: StaffRole;
    readonly contact: EncryptedContact;
    /** Issue 11 §5: the hash alone; the tool prints the password and nothing mails it. */
    readonly initialPasswordHash: string;
  };
}

export type AccountCommand =
  | RegisterAccount
  | VerifyEmail
  | ExpireRegistration
  | RecordLoginAttempt
  | UnlockAccount
  | ResetPassword
  | ChangePassword
  | ChangeContact
  | DeleteForInactivity
  | CreateOperator
  | StartMfaEnrollment
  | ConfirmMfaEnrollment;
