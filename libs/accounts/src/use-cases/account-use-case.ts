import type { Checkpoint, ProjectionRunners } from '@app/event-sourcing';
import type { AccountDecision as Decision } from '../domain/account-error';
import { endsSessions } from '../domain/session-policy';
import type { SessionService } from '../sessions/session.service';

/** Read-your-writes: a mutation answers only once the accounts read model shows its write. */
export const READ_MODEL_WAIT_MS = 5_000;

export async function waitForAccounts(
  projections: ProjectionRunners,
  checkpoint: Checkpoint | null,
  timeoutMs = READ_MODEL_WAIT_MS,
): Promise<void> {
  if (checkpoint !== null) await projections.awaitReadModels(['accounts'], checkpoint, timeoutMs);
}

/** A lock, a password change (…) ends every session of the account at once. */
export async function endSessionsAfter(
  decision: Decision,
  accountId: string,
  sessions: SessionService,
  now: Date,
): Promise<void> {
  if (decision.events.some((event) => endsSessions(event.type))) {
    await sessions.revokeAll(accountId, now);
  }
}
