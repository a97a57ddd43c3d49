import { STATUS_LABELS } from '@app/applications';
import { mailMessages } from '../messages';
import { body, type RenderedMail, type TemplateContext } from './mail-template';

export type ApplicationStatusName = keyof typeof STATUS_LABELS;

export interface ApplicationStatusChangedParams {
  readonly applicationId: string;
  readonly status: ApplicationStatusName;
  /** Given for RETURNED and REJECTED (and a withdrawal's optional one). */
  readonly reason?: string;
  readonly addressee?: string;
}

/** Every change of status is mailed to the applicant (OPS-3), with what to do next. */
export function applicationStatusChangedMail(
  params: ApplicationStatusChangedParams,
  context: TemplateContext,
): RenderedMail {
  const m = mailMessages.statusChanged;
  const l = mailMessages.labels;
  const status = STATUS_LABELS[params.status];
  const reason = params.reason?.trim();
  return {
    subject: m.subject(params.applicationId, status),
    text: body(
      params.addressee,
      [
        m.intro,
        '',
        `${l.applicationId}: ${params.applicationId}`,
        `${l.status}: ${status}`,
        ...(reason ? [m.reason(reason)] : []),
        '',
        m.next[params.status],
      ],
      context,
    ),
  };
}
