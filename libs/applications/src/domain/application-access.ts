import type { Actor } from '@app/event-sourcing';
import { applicationErrors, type ApplicationError } from './application-error';
import type { ApplicationCommandType } from './application.command';
import type { ApplicationState } from './application.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * Visibility: a customer acts only on the applications it submitted, and another's answers as a
 * missing one would (NOT_FOUND), so IDs cannot be probed. OPS-2: only the owner changes or
 * withdraws. OPS-1: only operators process. Auditors read, never act. Checked before the expected
 * revision, so a stale revision tells nothing about an application the actor may not see.
 */
export function accessRefusal(
  command: ApplicationCommandType,
  state: ApplicationState,
  actor: Actor,
): ApplicationError | null {
  if (command === 'SubmitApplication') {
    return actor.role === 'CUSTOMER' ? null : applicationErrors.customersOnly();
  }
  if (state.status === 'NOT_SUBMITTED') return applicationErrors.notFound();
  if (actor.role === 'CUSTOMER' && state.ownerAccountId !== actor.id) {
    return applicationErrors.notFound();
  }
  switch (command) {
    case 'ChangeApplication':
    case 'WithdrawApplication':
      return actor.role === 'CUSTOMER' ? null : applicationErrors.ownerOnly();
    case 'StartProcessing':
    case 'ReturnApplication':
    case 'RejectApplication':
    case 'CompleteApplication':
      return actor.role === 'OPERATOR' ? null : applicationErrors.operatorsOnly();
    default:
      return unreachable(command);
  }
}
