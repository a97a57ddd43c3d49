import { mailMessages } from '../messages';
import { body, type RenderedMail, type TemplateContext } from './mail-template';

export interface ContactChangedParams {
  readonly userId: string;
  readonly addressee?: string;
}

/** ACC-6: the holder hears of the operator's change, at the old address and the new. */
export function contactChangedMail(
  params: ContactChangedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.contactChanged;
  return {
    subject: m.subject,
    text: body(
      params.addressee,
      [m.intro(params.userId), '', mailMessages.askBackOffice(context.supportEmail, m.notYou)],
      context,
    ),
  };
}
