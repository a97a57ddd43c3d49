import type {
  Actor,
  EventStore,
  HistoryVerifier,
  PiiVault,
  RecordedEvent,
  StreamVerification,
} from '@app/event-sourcing';
import { SEALED_FIELDS, applicationStream } from '../domain/application.event';
import { evolve } from '../domain/application.evolve';
import { initialState, isSubmitted } from '../domain/application.state';
import { mayRead } from '../domain/application-visibility';
import { applicationAnswer } from '../graphql/application-answer';
import type { ApplicationModel } from '../graphql/application.model';
import type { ApplicationCipher } from '../infrastructure/application-cipher';
import { toApplicationEvent } from '../infrastructure/recorded-application-event';

/** One stored event as the auditor sees it; `data` with its personal fields decrypted. */
export interface ApplicationHistoryEntry {
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorRole: 'CUSTOMER' | 'OPERATOR' | 'AUDITOR' | null;
  readonly data: Record<string, unknown>;
  readonly hash: string;
}

type Section = keyof typeof SEALED_FIELDS;

/**
 * The application's stream is its history: the auditor's source of truth is read from the event
 * store itself, never from a read model. Visibility comes from the stream's own owner.
 */
export class ApplicationHistoryReader {
  constructor(
    private readonly eventStore: EventStore,
    private readonly vault: PiiVault,
    private readonly cipher: ApplicationCipher,
    private readonly verifier: HistoryVerifier,
  ) {}

  /** Null when the application is missing or the reader may not see it: the two look alike. */
  async entries(applicationId: number, reader: Actor): Promise<ApplicationHistoryEntry[] | null> {
    const events = await this.eventStore.readStream(applicationStream(applicationId));
    const state = events.map(toApplicationEvent).reduce(evolve, initialState);
    if (!isSubmitted(state) || !mayRead(reader, state.ownerAccountId)) return null;
    const entries: ApplicationHistoryEntry[] = [];
    // One after the other: on PGlite the vault shares the single session.
    for (const event of events) entries.push(await this.entry(event));
    return entries;
  }

  /** The application as it stood at `at`, folded from the events up to then. */
  async asOf(applicationId: number, at: Date, reader: Actor): Promise<ApplicationModel | null> {
    const events = await this.eventStore.readStream(applicationStream(applicationId), {
      until: at,
    });
    const state = events.map(toApplicationEvent).reduce(evolve, initialState);
    const last = events.at(-1);
    if (!isSubmitted(state) || !last || !mayRead(reader, state.ownerAccountId)) return null;
    return applicationAnswer(state, last.revision, this.cipher);
  }

  /**
   * Intact only when the stream chains hash to hash and agrees with its links in the global
   * chain up to a signed checkpoint; what is new is linked and signed first. The first broken
   * revision is the lowest any finding names.
   */
  async verify(applicationId: number): Promise<StreamVerification> {
    const stream = applicationStream(applicationId);
    // A chain that no longer holds is refused a signature; the check below says why.
    await this.verifier.settle(stream).catch(() => undefined);
    const report = await this.verifier.verifyStream(stream);
    const revisions = report.findings.map((finding) => finding.revision ?? 0);
    return {
      intact: report.findings.length === 0,
      events: report.events,
      firstBrokenRevision: revisions.length === 0 ? null : Math.min(...revisions),
    };
  }

  private async entry(event: RecordedEvent): Promise<ApplicationHistoryEntry> {
    const { actor } = event.metadata;
    return {
      revision: event.revision,
      position: event.position.toString(),
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      actorId: actor?.id ?? null,
      actorRole: actor && actor.role !== 'SYSTEM' ? actor.role : null,
      data: await this.opened(event.data as Record<string, unknown>),
      hash: event.metadata.hash,
    };
  }

  /** SEALED_FIELDS decrypted, or `（消去済み）` once the application's subject was forgotten. */
  private async opened(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const opened: Record<string, unknown> = { ...data };
    for (const section of Object.keys(SEALED_FIELDS) as Section[]) {
      const sealed = data[section];
      if (typeof sealed !== 'object' || sealed === null) continue;
      const fields: Record<string, unknown> = { ...sealed };
      for (const field of SEALED_FIELDS[section]) {
        const value = fields[field];
        if (typeof value === 'string') fields[field] = await this.vault.decrypt(value);
      }
      opened[section] = fields;
    }
    return opened;
  }
}
