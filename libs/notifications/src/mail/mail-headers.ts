import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './mail-message';

/** Nodemailer options for a message: UTF-8 throughout, marked as automatic (RFC 3834, ACC-8). */
export function sendMailOptions(message: MailMessage): SendMailOptions {
  return {
    messageId: message.messageId,
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    textEncoding: 'base64',
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
