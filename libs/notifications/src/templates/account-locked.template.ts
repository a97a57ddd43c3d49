import { mailMessages } from '../messages';
import { body, type RenderedMail, type TemplateContext } from './mail-template';

export interface AccountLockedParams {
  readonly userId: string;
  readonly addressee?: string;
}

/** ACC-4; ACC-8 and Q16: how to ask the back office to unlock it. */
export function accountLockedMail(
  params: AccountLockedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.locked;
  return {
    subject: m.subject,
    text: body(
      params.addressee,
      [
        m.intro(params.userId),
        m.action,
        '',
        mailMessages.askBackOffice(context.supportEmail, m.unlock),
        m.notYou,
      ],
      context,
    ),
  };
}
