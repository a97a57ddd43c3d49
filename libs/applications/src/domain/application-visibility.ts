import type { Actor } from '@app/event-sourcing';

/**
 * Visibility: a customer reads only the applications it submitted; operators and auditors read
 * all. Another's application reads as a missing one, so IDs cannot be probed.
 */
export function mayRead(reader: Actor, ownerAccountId: string): boolean {
  return reader.role !== 'CUSTOMER' || reader.id === ownerAccountId;
}
