import { body, type RenderedMail } from './mail-template';

export interface ApplicationReceivedParams {
  /** 申込ID, e.g. `42006`. */
  readonly applicationId: string;
}

/** 申込み完了メール (APP-9). */
export function applicationReceivedMail(params: ApplicationReceivedParams): RenderedMail {
  return {
    subject: `【Bルート申込】お申込みを受け付けました（申込ID: ${params.applicationId}）`,
    text: body([
      'Bルートサービスのお申込みを受け付けました。',
      '',
      `申込ID: ${params.applicationId}`,
      '申込状況: 申込受付',
      '',
      'お申込み内容の照会・変更・取消は、申込IDでお申込み一覧からお手続きください。',
    ]),
  };
}
