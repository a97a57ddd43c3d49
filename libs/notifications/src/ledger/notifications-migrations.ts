import type { MigrationInterface } from 'typeorm';
import { MailDeliveries1764115500000 } from './migrations/1764115500000-mail-deliveries';

export const NOTIFICATIONS_MIGRATIONS: (new () => MigrationInterface)[] = [
  MailDeliveries1764115500000,
];
