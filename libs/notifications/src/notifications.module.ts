import { DEFAULT_SIGNATURE, DEFAULT_SUPPORT_EMAIL } from './messages';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiVault } from '@app/event-sourcing';
import { DataSource } from 'typeorm';
import { MailDispatcher } from './dispatcher/mail-dispatcher';
import { MailLedger } from './ledger/mail-ledger';
import { LedgerMailSecrets } from './ledger/ledger-mail-secrets';
import { MailSecrets } from '@app/accounts';
import { createMailTransport } from './mail/mail-transport.factory';
import type { MailTransport } from './mail/mail-transport.port';
import { MailDispatchLifecycle } from './nest/mail-dispatch.lifecycle';
import {
  MAIL_TRANSPORT,
  NOTIFICATIONS_OPTIONS,
  type NotificationsOptions,
} from './nest/notifications.options';
import { ApplicationMailRecipientEntity } from './projections/application-mail-recipient.entity';
import { MailRecipientEntity } from './projections/mail-recipient.entity';

/**
 * The notifications bounded context: its projections (see `notificationsProjections`, registered
 * with the kernel by the app) request mail in the delivery ledger; this module sends it.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions): DynamicModule {
    return {
      module: NotificationsModule,
      // The accounts context hands its mails' secrets over through `MailSecrets` (issue 11 §5).
      global: true,
      imports: [TypeOrmModule.forFeature([MailRecipientEntity, ApplicationMailRecipientEntity])],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: options },
        {
          provide: MAIL_TRANSPORT,
          useFactory: (): MailTransport =>
            createMailTransport({
              smtpUrl: options.smtpUrl,
              mailDirectory: options.mailDirectory,
              logger: new Logger('Mail'),
            }),
        },
        {
          provide: MailLedger,
          useFactory: () => new MailLedger({ schema: options.schema, from: options.from }),
        },
        {
          provide: MailDispatcher,
          inject: [DataSource, MailLedger, MAIL_TRANSPORT, PiiVault],
          useFactory: (
            dataSource: DataSource,
            ledger: MailLedger,
            transport: MailTransport,
            vault: PiiVault,
          ) =>
            new MailDispatcher({
              dataSource,
              ledger,
              transport,
              vault,
              from: options.from,
              templates: {
                publicUrl: options.publicUrl,
                supportEmail: options.supportEmail ?? DEFAULT_SUPPORT_EMAIL,
                signature: options.signature ?? DEFAULT_SIGNATURE,
              },
              logger: new Logger('MailDispatcher'),
              retry: options.retry,
              pollIntervalMs: options.pollIntervalMs,
              leaseMs: options.leaseMs,
            }),
        },
        {
          provide: MailSecrets,
          inject: [DataSource, MailLedger],
          useFactory: (dataSource: DataSource, ledger: MailLedger) =>
            new LedgerMailSecrets(dataSource, ledger),
        },
        MailDispatchLifecycle,
      ],
      exports: [MailLedger, MailDispatcher, MailSecrets],
    };
  }
}
