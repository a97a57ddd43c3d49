import { randomUUID } from 'node:crypto';
import type { SessionAccount } from '@app/accounts';
import { RequestContext, type Actor } from '@app/event-sourcing';
import { isSubmitted } from '../domain/application.state';
import { applicationAnswer } from '../graphql/application-answer';
import type { ApplicationModel } from '../graphql/application.model';
import type { ApplicationCipher } from '../infrastructure/application-cipher';
import type { ApplicationCommandOutcome } from '../infrastructure/application-command-runner';
import type { ApplicationCommandMetadata } from '../infrastructure/application-repository';

export function actorOf(account: SessionAccount): Actor {
  return { id: account.accountId, role: account.role };
}

export function commandMetadata(account: SessionAccount): ApplicationCommandMetadata {
  return { correlationId: RequestContext.correlationId() ?? randomUUID(), actor: actorOf(account) };
}

/** Mutations answer from the aggregate they just wrote, not from a read model. */
export function answerFrom(
  outcome: ApplicationCommandOutcome,
  cipher: ApplicationCipher,
): Promise<ApplicationModel> {
  if (!isSubmitted(outcome.state)) throw new Error('a mutation left no application behind');
  return applicationAnswer(outcome.state, outcome.revision, cipher);
}
