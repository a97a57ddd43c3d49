import { mailMessages } from '../messages';
import { body, japanTime, type RenderedMail, type TemplateContext } from './mail-template';

export interface InitialPasswordIssuedParams {
  readonly userId: string;
  readonly initialPassword: string;
  /** ISO instant; 72 hours after issue (ACC-5). */
  readonly expiresAt: string;
  readonly addressee?: string;
}

export function initialPasswordIssuedMail(
  params: InitialPasswordIssuedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.initialPassword;
  return {
    subject: m.subject,
    text: body(
      params.addressee,
      [
        m.intro(params.userId),
        '',
        m.password(params.initialPassword),
        m.deadline(japanTime(params.expiresAt)),
        '',
        m.action,
        mailMessages.askBackOffice(context.supportEmail, m.expired),
      ],
      context,
    ),
  };
}
