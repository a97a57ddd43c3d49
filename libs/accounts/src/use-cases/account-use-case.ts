import { randomUUID } from 'node:crypto';
import {
  RequestContext,
  type DomainError,
  type Actor,
  type Checkpoint,
  type ProjectionRunners,
} from '@app/event-sourcing';
import { accountRefusal } from '../account-refusal';
import type { AccountError } from '../domain/account-error';
import type { Decision } from '../domain/decision';
import { endsSessions } from '../domain/session-policy';
import type { AccountCommandMetadata } from '../infrastructure/account-repository';
import type { SessionService } from '../sessions/session.service';

/** Read-your-writes: a mutation answers only once the accounts read model shows its write. */
const READ_MODEL_WAIT_MS = 5_000;

export function commandMetadata(actor: Actor): AccountCommandMetadata {
  return { correlationId: RequestContext.correlationId() ?? randomUUID(), actor };
}

export function domainError(error: AccountError): DomainError {
  return accountRefusal(error);
}

export async function waitForAccounts(
  projections: ProjectionRunners,
  checkpoint: Checkpoint | null,
  timeoutMs = READ_MODEL_WAIT_MS,
): Promise<void> {
  if (checkpoint !== null) await projections.awaitReadModels(['accounts'], checkpoint, timeoutMs);
}

/** A lock, a password change (…) ends every session of the account at once. */
export async function endSessionsAfter(
  outcome: { readonly decision: Decision; readonly revision: number },
  accountId: string,
  sessions: SessionService,
  now: Date,
): Promise<void> {
  if (outcome.decision.events.some((event) => endsSessions(event.type))) {
    // The stamp also kills a session a concurrent login inserts after this (issue 11).
    await sessions.revokeAll(accountId, now, outcome.revision);
  }
}
