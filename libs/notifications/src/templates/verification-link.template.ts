import { mailMessages } from '../messages';
import { body, japanTime, type RenderedMail, type TemplateContext } from './mail-template';

export interface VerificationLinkParams {
  readonly userId: string;
  readonly token: string;
  /** ISO instant; 30 minutes after issue (ACC-2). */
  readonly expiresAt: string;
  /** The holder's name (a vault token in the ledger, opened to send). */
  readonly addressee?: string;
}

export function verificationLinkMail(
  params: VerificationLinkParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.verification;
  const link = `${context.publicUrl}/verify-email?token=${encodeURIComponent(params.token)}`;
  return {
    subject: m.subject,
    text: body(
      params.addressee,
      [
        m.intro(params.userId),
        m.action,
        '',
        link,
        '',
        m.deadline(japanTime(params.expiresAt)),
        m.notYou,
      ],
      context,
    ),
  };
}
