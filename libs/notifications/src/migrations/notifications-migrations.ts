import type { MigrationInterface } from 'typeorm';
import { MailRecipients1764118200000 } from './1764118200000-mail-recipients';
import { ApplicationMailRecipients1764118300000 } from './1764118300000-application-mail-recipients';
import { MailRecipientNames1764118400000 } from './1764118400000-mail-recipient-names';
import { MailDeliveries1764115500000 } from './1764115500000-mail-deliveries';
import { MailSecrets1764119500000 } from './1764119500000-mail-secrets';
import { MailAddressesErased1764119600000 } from './1764119600000-mail-addresses-erased';

export const NOTIFICATIONS_MIGRATIONS: (new () => MigrationInterface)[] = [
  MailDeliveries1764115500000,
  MailRecipients1764118200000,
  ApplicationMailRecipients1764118300000,
  MailRecipientNames1764118400000,
  MailSecrets1764119500000,
  MailAddressesErased1764119600000,
];
