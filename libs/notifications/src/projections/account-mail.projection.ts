import {
  ACCOUNT_STREAM_PREFIX,
  storedUserIdOf,
  type AccountEvent,
  type AccountEventType,
  type InitialPasswordIssued,
} from '@app/accounts';
import type { Projection, RecordedEvent } from '@app/event-sourcing';
import type { EntityManager } from 'typeorm';
import type { MailLedger } from '../ledger/mail-ledger';
import type { MailContent } from '../templates/mail-templates';
import { MailRecipientEntity, type MailRecipient } from './mail-recipient.entity';
import { addressed } from './addressee';

/** The account events that mail someone, or change where an account's mail goes. */
const ACCOUNT_MAIL_EVENTS = [
  'AccountRegistered',
  'OperatorCreated',
  'AccountLocked',
  'AccountUnlocked',
  'PasswordReset',
  'ContactChanged',
  'PasswordChanged',
  'RegistrationExpired',
  'AccountDeletedForInactivity',
] as const satisfies readonly AccountEventType[];

type AccountMailEvent = Extract<AccountEvent, { type: (typeof ACCOUNT_MAIL_EVENTS)[number] }>;

/** Keys the second mail of an e-mail change, the one to the new address. */
export const NEW_ADDRESS_RECIPIENT_SUFFIX = ':new-email';

/**
 * Turns account events into mail requests in the delivery ledger, in the projection's own
 * transaction, so an event is mailed once however often it is read (the ledger is keyed by event,
 * recipient and template). Addresses and user IDs are copied as the events hold them, vault
 * ciphertext (user IDs in the clear in events recorded before issue 11 §5), and
 * secrets (verification tokens, initial passwords) as the accounts context handed them over
 * sealed (issue 11 §5; events recorded before it still hold them sealed, and those are used): on PGlite, opening them here would wait on the vault's connection inside this
 * transaction and deadlock; the dispatcher opens them when it sends.
 *
 * `mail_deliveries` is not among `entities`: a rebuild replays into fresh `mail_recipients` only,
 * and its requests meet the rows already in the ledger, so nothing is sent twice.
 */
export function accountMailProjection(ledger: MailLedger): Projection {
  return {
    name: 'account-mail',
    filter: { streamPrefixes: [ACCOUNT_STREAM_PREFIX], types: ACCOUNT_MAIL_EVENTS },
    entities: [MailRecipientEntity],
    async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
      for (const recorded of events) {
        const event = toAccountMailEvent(recorded);
        if (event) await project(event, new AccountMail(recorded, manager, ledger));
      }
    },
  };
}

async function project(event: AccountMailEvent, mail: AccountMail): Promise<void> {
  switch (event.type) {
    case 'AccountRegistered': {
      const { accountId, contact } = event.data;
      const userId = storedUserIdOf(event.data);
      await mail.remember({ accountId, userId, email: contact.email, name: contact.name });
      const token =
        event.data.verificationToken ??
        (await mail.secret(accountId, event.data.verificationTokenHash));
      if (token === null) return;
      await mail.send(accountId, contact.email, {
        template: 'verification-link',
        params: {
          addressee: contact.name,
          userId,
          token,
          expiresAt: event.data.verificationExpiresAt,
        },
      });
      return;
    }
    case 'OperatorCreated': {
      // No mail: create-operator prints the initial password to the operator who ran it;
      // mailing it as well would leave a second copy of it in a mailbox.
      const { accountId, contact } = event.data;
      const userId = storedUserIdOf(event.data);
      await mail.remember({ accountId, userId, email: contact.email, name: contact.name });
      return;
    }
    case 'AccountLocked':
      await mail.toHolder(event.data.accountId, (userId, addressee) => ({
        template: 'account-locked',
        params: { userId, ...addressed(addressee) },
      }));
      return;
    case 'AccountUnlocked':
    case 'PasswordReset': {
      const { accountId, initialPasswordHash } = event.data;
      const password =
        event.data.initialPassword ?? (await mail.secret(accountId, initialPasswordHash));
      if (password === null) return;
      await mail.toHolder(accountId, (userId, addressee) =>
        initialPasswordMail(userId, event.data, password, addressee),
      );
      return;
    }
    case 'ContactChanged':
      await contactChanged(event, mail);
      return;
    case 'PasswordChanged':
      // Issue 11 §4: a holder whose password was changed by someone else hears of it.
      await mail.toHolder(event.data.accountId, (userId, addressee) => ({
        template: 'password-changed',
        params: { userId, changedAt: mail.occurredAt, ...addressed(addressee) },
      }));
      return;
    case 'RegistrationExpired':
    case 'AccountDeletedForInactivity':
      // ACC-2 voids the registration, ACC-7 erases the person: nothing is mailed to them again.
      await mail.forget(event.data.accountId);
      await mail.forgetSecrets(event.data.accountId);
      return;
    default: {
      const unhandled: never = event;
      throw new Error(`account-mail: unhandled ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * ACC-6: the notice goes to the address in force before the change, so a holder whose address
 * was changed behind their back hears of it; when the address itself changed, the new one gets
 * it too, which shows the operator's change reaches its holder. The mail repeats no contact data.
 */
async function contactChanged(
  event: Extract<AccountMailEvent, { type: 'ContactChanged' }>,
  mail: AccountMail,
): Promise<void> {
  const { accountId, changed } = event.data;
  const before = await mail.recipient(accountId);
  if (!before) return;
  // Addressed by the name in force after the change: the holder's own, if that is what changed.
  const name = changed.name ?? before.name ?? null;
  const content: MailContent = {
    template: 'contact-changed',
    params: { userId: before.userId, ...addressed(name) },
  };
  await mail.send(accountId, before.email, content);
  if (changed.email !== undefined) {
    await mail.send(`${accountId}${NEW_ADDRESS_RECIPIENT_SUFFIX}`, changed.email, content);
  }
  if (changed.email !== undefined || changed.name !== undefined) {
    await mail.remember({ ...before, email: changed.email ?? before.email, name });
  }
}

function initialPasswordMail(
  userId: string,
  issued: InitialPasswordIssued,
  initialPassword: string,
  addressee: string | null,
): MailContent {
  return {
    template: 'initial-password-issued',
    params: {
      ...addressed(addressee),
      userId,
      initialPassword,
      expiresAt: issued.initialPasswordExpiresAt,
    },
  };
}

/** One event's mail: its recipients table and its requests to the ledger. */
class AccountMail {
  constructor(
    private readonly event: RecordedEvent,
    private readonly manager: EntityManager,
    private readonly ledger: MailLedger,
  ) {}

  get occurredAt(): string {
    return new Date(this.event.metadata.occurredAt).toISOString();
  }

  recipient(accountId: string): Promise<MailRecipient | null> {
    return this.manager.findOneBy(MailRecipientEntity, { accountId });
  }

  async remember(recipient: MailRecipient): Promise<void> {
    await this.manager.upsert(MailRecipientEntity, recipient, ['accountId']);
  }

  async forget(accountId: string): Promise<void> {
    await this.manager.delete(MailRecipientEntity, { accountId });
  }

  /**
   * Issue 11 §5: the sealed secret handed over for the hash the event holds, taken out of the
   * hand-over table in this transaction (into the mail's row, erased once sent). Null when there
   * is none: a rebuild replaying an event already mailed, whose row the ledger keeps anyway.
   */
  secret(accountId: string, hash: string): Promise<string | null> {
    return this.ledger.takeSecret(this.manager, accountId, hash);
  }

  forgetSecrets(accountId: string): Promise<void> {
    return this.ledger.forgetSecrets(this.manager, accountId);
  }

  /** To the account's current address; an account this context never saw gets nothing. */
  async toHolder(
    accountId: string,
    content: (userId: string, addressee: string | null) => MailContent,
  ): Promise<void> {
    const recipient = await this.recipient(accountId);
    if (recipient) {
      await this.send(
        accountId,
        recipient.email,
        content(recipient.userId, recipient.name ?? null),
      );
    }
  }

  async send(recipient: string, to: string, content: MailContent): Promise<void> {
    await this.ledger.enqueue(this.manager, {
      eventId: this.event.id,
      recipient,
      to,
      content,
      notBefore: new Date(this.event.metadata.occurredAt),
    });
  }
}

const HANDLED: ReadonlySet<string> = new Set(ACCOUNT_MAIL_EVENTS);

/** Only the event types this projection names; its filter already holds back the rest. */
function toAccountMailEvent(recorded: RecordedEvent): AccountMailEvent | null {
  if (!HANDLED.has(recorded.type)) return null;
  return { type: recorded.type, data: recorded.data } as AccountMailEvent;
}
