import { createHash } from 'node:crypto';

/**
 * The same (event, recipient, template) always gives the same Message-ID, so a mail sent again
 * after a crash between sending and recording is recognisable as a duplicate downstream.
 */
export function stableMessageId(
  eventId: string,
  recipient: string,
  template: string,
  from: string,
): string {
  const digest = createHash('sha256')
    .update(`${eventId}\u0000${recipient}\u0000${template}`)
    .digest('hex')
    .slice(0, 40);
  return `<${digest}.notification@${domainOf(from)}>`;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).replace(/>.*$/, '') : '';
  return domain === '' ? 'localhost' : domain;
}
