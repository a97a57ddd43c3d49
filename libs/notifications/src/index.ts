export { NotificationsModule } from './notifications.module';
export { MAIL_TRANSPORT, type NotificationsOptions } from './nest/notifications.options';
export {
  notificationsProjections,
  type NotificationsProjectionsOptions,
} from './projections/notifications-projections';
export {
  ACCOUNT_MAIL_EVENTS,
  NEW_ADDRESS_RECIPIENT_SUFFIX,
  accountMailProjection,
} from './projections/account-mail.projection';
export { MailRecipientEntity, type MailRecipient } from './projections/mail-recipient.entity';
export { applicationMailProjection } from './projections/application-mail.projection';
export {
  ApplicationMailRecipientEntity,
  type ApplicationMailRecipient,
} from './projections/application-mail-recipient.entity';
export { ApplicationMailRecipients1764118300000 } from './projections/1764118300000-application-mail-recipients';
export { MailRecipients1764118200000 } from './projections/1764118200000-mail-recipients';
export { MailRecipientNames1764118400000 } from './projections/1764118400000-mail-recipient-names';
export type { MailMessage } from './mail/mail-message';
export { MailTransportError } from './mail/mail-message';
export type { MailTransport, MailLogger } from './mail/mail-transport.port';
export { stableMessageId } from './mail/message-id';
export { SmtpMailTransport, type SmtpMailTransportOptions } from './mail/smtp-mail-transport';
export {
  EmlFileMailTransport,
  type EmlFileMailTransportOptions,
} from './mail/eml-file-mail-transport';
export { createMailTransport, type MailTransportConfig } from './mail/mail-transport.factory';
export type { RenderedMail, TemplateContext } from './templates/mail-template';
export {
  renderMail,
  MAIL_TEMPLATE_NAMES,
  SEALED_PARAMS,
  type MailContent,
  type MailTemplateName,
  type MailTemplateParams,
} from './templates/mail-templates';
export {
  APPLICATION_STATUS_JA,
  type ApplicationStatusName,
} from './templates/application-status-changed.template';
export { MailDeliveries1764115500000 } from './ledger/migrations/1764115500000-mail-deliveries';
export { MailLedger } from './ledger/mail-ledger';
export {
  UnsealedMailDataError,
  type MailRequest,
  type ClaimedDelivery,
  type MailDeliveryStatus,
} from './ledger/mail-delivery';
export {
  MailDispatcher,
  type MailDispatcherOptions,
  type DispatchResult,
  type Sleep,
} from './dispatcher/mail-dispatcher';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './dispatcher/retry-policy';

/** The notifications context's tables, for `DatabaseOptions.migrations`. */
export { NOTIFICATIONS_MIGRATIONS } from './ledger/notifications-migrations';
