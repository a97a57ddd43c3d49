import { body, type RenderedMail } from './mail-template';

export type ApplicationStatusName =
  'RECEIVED' | 'IN_PROGRESS' | 'COMPLETED' | 'RETURNED' | 'REJECTED' | 'WITHDRAWN';

export const APPLICATION_STATUS_JA: Readonly<Record<ApplicationStatusName, string>> = {
  RECEIVED: '申込受付',
  IN_PROGRESS: '手続中',
  COMPLETED: '完了',
  RETURNED: '差戻し',
  REJECTED: '受付不可',
  WITHDRAWN: '取消',
};

export interface ApplicationStatusChangedParams {
  readonly applicationId: string;
  readonly status: ApplicationStatusName;
  /** Given for RETURNED and REJECTED. */
  readonly reason?: string;
}

/** Every change of status is mailed to the applicant (OPS-3). */
export function applicationStatusChangedMail(params: ApplicationStatusChangedParams): RenderedMail {
  const status = APPLICATION_STATUS_JA[params.status];
  const reason = params.reason?.trim();
  return {
    subject: `【Bルート申込】申込状況が「${status}」になりました（申込ID: ${params.applicationId}）`,
    text: body([
      'お申込みの状況が変わりましたのでお知らせします。',
      '',
      `申込ID: ${params.applicationId}`,
      `申込状況: ${status}`,
      ...(reason ? [`理由: ${reason}`] : []),
      ...(params.status === 'RETURNED'
        ? ['', 'お申込み内容を修正のうえ、再度お申込みください。']
        : []),
    ]),
  };
}
