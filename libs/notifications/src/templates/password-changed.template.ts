import { mailMessages } from '../messages';
import { body, japanTime, type RenderedMail, type TemplateContext } from './mail-template';

export interface PasswordChangedParams {
  readonly userId: string;
  /** When the change was recorded (ISO). */
  readonly changedAt: string;
  readonly addressee?: string;
}

/** Issue 11 §4; ACC-8 and Q16: how to ask the back office if the change was not the holder's. */
export function passwordChangedMail(
  params: PasswordChangedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.passwordChanged;
  return {
    subject: m.subject,
    text: body(
      params.addressee,
      [
        m.intro(params.userId, japanTime(params.changedAt)),
        m.yours,
        '',
        mailMessages.askBackOffice(context.supportEmail, m.notYou),
        m.risk,
      ],
      context,
    ),
  };
}
