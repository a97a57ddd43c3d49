export { NotificationsModule } from './notifications.module';
export { notificationsProjections } from './projections/notifications-projections';
export { NOTIFICATIONS_MIGRATIONS } from './migrations/notifications-migrations';
