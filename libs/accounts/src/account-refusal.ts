import { DomainError, ErrorCode } from '@app/event-sourcing';
import type { AccountError } from './domain/account-error';
import { DEFAULT_BACK_OFFICE_CONTACT, renderAccountMessage } from './messages';

// One process serves one operator: the address is set once, from configuration, at start.
let backOfficeContact = DEFAULT_BACK_OFFICE_CONTACT;

/** ACC-8: where messages send a customer who needs the back office. */
export function configureBackOfficeContact(address: string): void {
  backOfficeContact = address;
}

/** A decision's refusal as the error the gateway maps to its ErrorCode, its message complete. */
export function accountRefusal(error: AccountError): DomainError {
  return new DomainError(
    ErrorCode[error.code],
    renderAccountMessage(error.message, backOfficeContact),
    { fields: error.fields, reason: error.reason },
  );
}
