import type { Checkpoint, DomainError, ProjectionRunners } from '@app/event-sourcing';
import { accountRefusal } from '../account-refusal';
import type { AccountDecision as Decision, AccountError } from '../domain/account-error';
import { endsSessions } from '../domain/session-policy';
import type { SessionService } from '../sessions/session.service';

/** Read-your-writes: a mutation answers only once the accounts read model shows its write. */
const READ_MODEL_WAIT_MS = 5_000;

/** A refusal as the gateway's error: the kernel's code and reason, the message completed (ACC-8). */
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
