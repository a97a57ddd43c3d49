import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { MailDispatcher } from '../dispatcher/mail-dispatcher';
import type { MailTransport } from '../mail/mail-transport.port';
import {
  MAIL_TRANSPORT,
  NOTIFICATIONS_OPTIONS,
  type NotificationsOptions,
} from './notifications.options';

/**
 * Every API process dispatches: the ledger hands each due row to one dispatcher at a time
 * (`FOR UPDATE SKIP LOCKED` and a lease), so processes need no lock of their own to share it.
 * Stopped before the kernel closes the pool (Nest shuts the global kernel module down last).
 */
@Injectable()
export class MailDispatchLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MailDispatcher) private readonly dispatcher: MailDispatcher,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.dispatch ?? true) this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
    await this.transport.close();
  }
}
