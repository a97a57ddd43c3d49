import { accountLockedMail, type AccountLockedParams } from './account-locked.template';
import {
  applicationReceivedMail,
  type ApplicationReceivedParams,
} from './application-received.template';
import {
  applicationStatusChangedMail,
  type ApplicationStatusChangedParams,
} from './application-status-changed.template';
import { contactChangedMail, type ContactChangedParams } from './contact-changed.template';
import {
  initialPasswordIssuedMail,
  type InitialPasswordIssuedParams,
} from './initial-password-issued.template';
import type { RenderedMail, TemplateContext } from './mail-template';
import { passwordChangedMail, type PasswordChangedParams } from './password-changed.template';
import { verificationLinkMail, type VerificationLinkParams } from './verification-link.template';

export interface MailTemplateParams {
  'verification-link': VerificationLinkParams;
  'account-locked': AccountLockedParams;
  'initial-password-issued': InitialPasswordIssuedParams;
  'contact-changed': ContactChangedParams;
  'password-changed': PasswordChangedParams;
  'application-received': ApplicationReceivedParams;
  'application-status-changed': ApplicationStatusChangedParams;
}

export type MailTemplateName = keyof MailTemplateParams;

/** A template and its parameters, checked together. */
export type MailContent = {
  [T in MailTemplateName]: { readonly template: T; readonly params: MailTemplateParams[T] };
}[MailTemplateName];

export const MAIL_TEMPLATE_NAMES: readonly MailTemplateName[] = [
  'verification-link',
  'account-locked',
  'initial-password-issued',
  'contact-changed',
  'password-changed',
  'application-received',
  'application-status-changed',
];

/**
 * Secrets the ledger must hold only as PII-vault tokens (copied from the events, opened only
 * to send). Any other string parameter may be a vault token too; the sender opens every one.
 */
export const SEALED_PARAMS: { readonly [T in MailTemplateName]: readonly string[] } = {
  'verification-link': ['token'],
  'account-locked': [],
  'initial-password-issued': ['initialPassword'],
  'contact-changed': [],
  'password-changed': [],
  'application-received': [],
  'application-status-changed': [],
};

export function renderMail(content: MailContent, context: TemplateContext): RenderedMail {
  switch (content.template) {
    case 'verification-link':
      return verificationLinkMail(content.params, context);
    case 'account-locked':
      return accountLockedMail(content.params, context);
    case 'initial-password-issued':
      return initialPasswordIssuedMail(content.params, context);
    case 'contact-changed':
      return contactChangedMail(content.params, context);
    case 'password-changed':
      return passwordChangedMail(content.params, context);
    case 'application-received':
      return applicationReceivedMail(content.params, context);
    case 'application-status-changed':
      return applicationStatusChangedMail(content.params, context);
    default: {
      const unknown: never = content;
      throw new Error(`unknown mail template ${JSON.stringify(unknown)}`);
    }
  }
}

export function isMailTemplateName(value: string): value is MailTemplateName {
  return (MAIL_TEMPLATE_NAMES as readonly string[]).includes(value);
}
