import { SetMetadata } from '@nestjs/common';
import type { AccountRole } from '../domain/account.event';

export const ROLES_KEY = 'accounts:roles';
export const ALLOW_WHILE_PASSWORD_CHANGE_REQUIRED_KEY = 'accounts:allow-while-password-change';

/** The roles that may run a resolver or field resolver; on a class, each of its fields. */
export const Roles = (...roles: AccountRole[]) => SetMetadata(ROLES_KEY, roles);

export const ALLOW_BEFORE_MFA_ENROLMENT_KEY = 'accounts:allow-before-mfa-enrolment';

/**
 * ACC-9: the few operations (me, startMfaEnrollment, confirmMfaEnrollment, changePassword,
 * logout) a staff session may run before its account has a second factor.
 */
export const AllowBeforeMfaEnrolment = () => SetMetadata(ALLOW_BEFORE_MFA_ENROLMENT_KEY, true);

/** ACC-5: the few operations (changePassword, logout, me) an initial-password session may run. */
export const AllowWhilePasswordChangeRequired = () =>
  SetMetadata(ALLOW_WHILE_PASSWORD_CHANGE_REQUIRED_KEY, true);
