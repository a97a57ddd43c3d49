import {
  APPLICATION_EVENT_TYPES,
  APPLICATION_STREAM_PREFIX,
  applicationPiiSubject,
  isApplicationEventType,
  type ApplicationEvent,
} from '@app/applications';
import { keysToLoad, type Projection, type RecordedEvent } from '@app/event-sourcing';
import { In, type EntityManager } from 'typeorm';
import type { MailRequest } from '../ledger/mail-delivery';
import type { MailLedger } from '../ledger/mail-ledger';
import type { MailContent } from '../templates/mail-templates';
import { addressed } from './addressee';
import {
  ApplicationMailRecipientEntity,
  type ApplicationMailRecipient,
} from './application-mail-recipient.entity';

/**
 * APP-9: a submission is mailed to the applicant as 申込み完了メール; OPS-3: so is every later
 * change of status, including a withdrawal and a resubmission (a change while RETURNED). A change
 * that leaves the status as it was mails nothing. The address is the applicant's e-mail of the
 * latest submission or change, copied as the ciphertext the event holds (the vault is not called
 * inside this transaction; the dispatcher opens it when it sends).
 */
export function applicationMailProjection(ledger: MailLedger): Projection {
  return {
    name: 'application-mail',
    filter: { streamPrefixes: [APPLICATION_STREAM_PREFIX], types: APPLICATION_EVENT_TYPES },
    entities: [ApplicationMailRecipientEntity],
    // The batch's recipients are read once and written once; only the mails go one by one.
    async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
      const applicationEvents = events.flatMap((recorded) =>
        isApplicationEventType(recorded.type)
          ? [{ recorded, event: { type: recorded.type, data: recorded.data } as ApplicationEvent }]
          : [],
      );
      const recipients = await storedRecipients(manager, applicationEvents);
      const changed = new Set<number>();
      const mails: MailRequest[] = [];
      for (const { recorded, event } of applicationEvents) {
        const applicationId = event.data.applicationId;
        if (event.type === 'ApplicationSubmitted' || event.type === 'ApplicationChanged') {
          const { email, name } = event.data.applicant;
          recipients.set(applicationId, { applicationId, email, name });
          changed.add(applicationId);
        }
        const recipient = recipients.get(applicationId);
        if (!recipient) continue;
        const content = mailFor(event, recipient.name ?? null);
        if (content === null) continue;
        mails.push({
          eventId: recorded.id,
          recipient: applicationPiiSubject(applicationId),
          to: recipient.email,
          content,
          notBefore: new Date(recorded.metadata.occurredAt),
        });
      }
      const written = [...changed].flatMap((id) => recipients.get(id) ?? []);
      if (written.length > 0)
        await manager.upsert(ApplicationMailRecipientEntity, written, ['applicationId']);
      for (const mail of mails) await ledger.enqueue(manager, mail);
    },
  };
}

/** The stored recipients of the applications whose batch does not start by naming one. */
async function storedRecipients(
  manager: EntityManager,
  events: readonly { readonly event: ApplicationEvent }[],
): Promise<Map<number, ApplicationMailRecipient>> {
  const ids = keysToLoad(
    events,
    (event) => event.data.applicationId,
    (event) => event.type === 'ApplicationSubmitted' || event.type === 'ApplicationChanged',
  );
  if (ids.length === 0) return new Map();
  const found = await manager.findBy(ApplicationMailRecipientEntity, { applicationId: In(ids) });
  return new Map(found.map((row) => [row.applicationId, row]));
}

function mailFor(event: ApplicationEvent, name: string | null): MailContent | null {
  const applicationId = String(event.data.applicationId);
  const addressee = addressed(name);
  const status = (value: 'RECEIVED' | 'IN_PROGRESS' | 'COMPLETED' | 'WITHDRAWN'): MailContent => ({
    template: 'application-status-changed',
    params: { applicationId, status: value, ...addressee },
  });
  switch (event.type) {
    // APP-9: the mail repeats what was applied for.
    case 'ApplicationSubmitted':
      return {
        template: 'application-received',
        params: {
          applicationId,
          kind: event.data.kind,
          desiredStartDate: event.data.desiredStartDate,
          points: event.data.meteringPoints.map(({ kind, pointId }) => ({ kind, pointId })),
          warnings: event.data.warnings.map(({ code, from, to }) => ({ code, from, to })),
          ...addressee,
        },
      };
    case 'ApplicationChanged':
      return event.data.resubmitted ? status('RECEIVED') : null;
    case 'ApplicationWithdrawn':
      return status('WITHDRAWN');
    case 'ProcessingStarted':
      return status('IN_PROGRESS');
    case 'ApplicationCompleted':
      return status('COMPLETED');
    // Part of the completion, which is mailed with the issued IDs.
    case 'PointIdsIssued':
      return null;
    case 'ApplicationReturned':
    case 'ApplicationRejected':
      return {
        template: 'application-status-changed',
        params: {
          applicationId,
          status: event.data.status,
          reason: event.data.reason,
          ...addressee,
        },
      };
    default: {
      const unhandled: never = event;
      throw new Error(`application-mail: unhandled ${JSON.stringify(unhandled)}`);
    }
  }
}
