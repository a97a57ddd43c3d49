import { ErrorCode } from '@app/event-sourcing';

/**
 * The body of an answer the gateway gives before Apollo sees the request, shaped as Apollo's
 * own refusals are after `formatError` (BAD_USER_INPUT, no field at fault, a machine reason).
 */
export function requestRefusal(
  reason: string,
  message: string,
): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return {
    errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [], reason } }],
  };
}
