import { body, japanTime, type RenderedMail, type TemplateContext } from './mail-template';

export interface VerificationLinkParams {
  readonly userId: string;
  readonly token: string;
  /** ISO instant; 30 minutes after issue (ACC-2). */
  readonly expiresAt: string;
}

export function verificationLinkMail(
  params: VerificationLinkParams,
  context: TemplateContext,
): RenderedMail {
  const link = `${context.publicUrl}/verify-email?token=${encodeURIComponent(params.token)}`;
  return {
    subject: '【Bルート申込】メールアドレスの確認のお願い',
    text: body([
      `ユーザーID「${params.userId}」のご登録ありがとうございます。`,
      '',
      '次のリンクを開いて、メールアドレスの確認を完了してください。',
      link,
      '',
      `このリンクの有効期限は30分です（${japanTime(params.expiresAt)}まで）。`,
      '期限を過ぎた場合は、もう一度ご登録ください。',
      'お心当たりのない場合は、このメールを破棄してください。',
    ]),
  };
}
