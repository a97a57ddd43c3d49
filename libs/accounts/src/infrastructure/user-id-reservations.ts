import { randomUUID } from 'node:crypto';
import {
  WrongExpectedRevisionError,
  type CommandMetadata,
  type EventStore,
  type RecordedEvent,
} from '@app/event-sourcing';
import {
  evolveUserId,
  freeUserId,
  releaseUserId,
  reserveUserId,
  type UserIdReleaseReason,
  type UserIdReservationEvent,
  type UserIdReservationState,
} from '../domain/user-id-reservation';
import type { AccountEvent } from '../domain/account.event';
import { ACCOUNT_EVENT_SCHEMA_VERSION } from './account-repository';
import { userIdHmac } from './user-id-hmac';

/** Not `account-…`: whatever follows account streams by prefix never meets these events. */
const USER_ID_STREAM_PREFIX = 'user-id-';
/** Issue 11 §5: named by an HMAC-SHA256 of the user ID, so no stream name shows one. */
const KEYED_STREAM_PREFIX = `${USER_ID_STREAM_PREFIX}hmac-`;

function keyedStream(hmac: string): string {
  return `${KEYED_STREAM_PREFIX}${hmac}`;
}

/**
 * Before issue 11 §5 the stream was named by the user ID itself. Such a stream is only read now
 * (its reservation still holds the ID); every new event goes to the keyed stream.
 */
export function legacyUserIdStream(userId: string): string {
  return `${USER_ID_STREAM_PREFIX}${userId}`;
}

export interface LoadedUserId {
  readonly state: UserIdReservationState;
  readonly revision: number;
}

// Two releases of one ID at once are rare (a sweep and a registration); a few rounds settle them.
const RELEASE_ATTEMPTS = 3;

/** The write side's record of which account holds a user ID (see `user-id-reservation.ts`). */
export class UserIdReservations {
  constructor(
    private readonly eventStore: EventStore,
    /** The HMAC key of the stream names (`PiiVault.derivedKey(USER_ID_STREAM_KEY_PURPOSE)`). */
    private readonly streamKey: Buffer,
  ) {}

  /** The keyed stream of this user ID (what specs look for in the store). */
  streamOf(userId: string): string {
    return keyedStream(userIdHmac(userId, this.streamKey));
  }

  /**
   * The legacy stream's events (frozen: never appended to again) followed by the keyed stream's;
   * the revision is the keyed stream's, which every writer appends to, so concurrency holds.
   */
  load(userId: string): Promise<LoadedUserId> {
    return this.loadStreams(userIdHmac(userId, this.streamKey), legacyUserIdStream(userId));
  }

  private async loadStreams(hmac: string, legacy: string | null): Promise<LoadedUserId> {
    const [before, keyed] = await Promise.all([
      legacy === null ? [] : this.eventStore.readStream(legacy),
      this.eventStore.readStream(keyedStream(hmac)),
    ]);
    return {
      state: [...before, ...keyed].map(toReservationEvent).reduce(evolveUserId, freeUserId),
      revision: keyed.at(-1)?.revision ?? -1,
    };
  }

  /**
   * True when the ID is now the account's. False when another account holds it, or when another
   * registration appended first: the expected revision lets exactly one of them through.
   */
  async reserve(
    userId: string,
    accountId: string,
    metadata: CommandMetadata,
    now: Date,
  ): Promise<boolean> {
    const hmac = userIdHmac(userId, this.streamKey);
    const { state, revision } = await this.loadStreams(hmac, legacyUserIdStream(userId));
    const reserved = reserveUserId(state, accountId, now);
    if (reserved === null) return false;
    try {
      await this.append(hmac, reserved, revision, metadata, now);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /** Frees the ID if this account holds it; does nothing otherwise. */
  release(
    userId: string,
    accountId: string,
    reason: UserIdReleaseReason,
    metadata: CommandMetadata,
    now: Date,
  ): Promise<void> {
    const hmac = userIdHmac(userId, this.streamKey);
    return this.releaseIn(hmac, legacyUserIdStream(userId), accountId, reason, metadata, now);
  }

  private async releaseIn(
    hmac: string,
    legacy: string | null,
    accountId: string,
    reason: UserIdReleaseReason,
    metadata: CommandMetadata,
    now: Date,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.loadStreams(hmac, legacy);
      const released = releaseUserId(state, accountId, reason, now);
      if (released === null) return;
      try {
        await this.append(hmac, released, revision, metadata, now);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= RELEASE_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  /**
   * ACC-2, ACC-7: frees the user ID of an account whose registration expired or which was deleted,
   * found by the HMAC the event holds. An account registered before issue 11 §5 has none (and its
   * reservation may be in the legacy stream): its ID is freed when it is next claimed instead.
   */
  async releaseAfter(events: readonly AccountEvent[], metadata: CommandMetadata): Promise<void> {
    for (const event of events) {
      if (event.type === 'RegistrationExpired' && event.data.userIdHmac !== undefined) {
        const { userIdHmac: hmac, accountId, expiredAt } = event.data;
        const at = new Date(expiredAt);
        await this.releaseIn(hmac, null, accountId, 'REGISTRATION_EXPIRED', metadata, at);
      } else if (
        event.type === 'AccountDeletedForInactivity' &&
        event.data.userIdHmac !== undefined
      ) {
        const { userIdHmac: hmac, accountId, deletedAt } = event.data;
        const at = new Date(deletedAt);
        await this.releaseIn(hmac, null, accountId, 'DELETED_FOR_INACTIVITY', metadata, at);
      }
    }
  }

  private async append(
    hmac: string,
    event: UserIdReservationEvent,
    revision: number,
    metadata: CommandMetadata,
    now: Date,
  ): Promise<void> {
    await this.eventStore.append(
      keyedStream(hmac),
      [
        {
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: {
            correlationId: metadata.correlationId,
            causationId: metadata.causationId ?? null,
            actor: metadata.actor,
            occurredAt: now,
            schemaVersion: ACCOUNT_EVENT_SCHEMA_VERSION,
          },
        },
      ],
      revision < 0 ? 'no_stream' : revision,
    );
  }
}

function toReservationEvent(recorded: RecordedEvent): UserIdReservationEvent {
  if (recorded.type !== 'UserIdReserved' && recorded.type !== 'UserIdReleased') {
    throw new Error(
      `${recorded.stream}@${recorded.revision}: not a user ID event (${recorded.type})`,
    );
  }
  return { type: recorded.type, data: recorded.data } as UserIdReservationEvent;
}
