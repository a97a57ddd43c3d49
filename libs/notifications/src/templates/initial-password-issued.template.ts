import { body, japanTime, type RenderedMail } from './mail-template';

export interface InitialPasswordIssuedParams {
  readonly userId: string;
  readonly initialPassword: string;
  /** ISO instant; 72 hours after issue (ACC-5). */
  readonly expiresAt: string;
}

export function initialPasswordIssuedMail(params: InitialPasswordIssuedParams): RenderedMail {
  return {
    subject: '【Bルート申込】初期パスワードのお知らせ',
    text: body([
      `ユーザーID「${params.userId}」の初期パスワードを発行しました。`,
      '',
      `初期パスワード: ${params.initialPassword}`,
      '',
      `有効期限は72時間です（${japanTime(params.expiresAt)}まで）。`,
      'ログイン後、最初にパスワードの変更が必要です。変更するまで他の操作はできません。',
      '期限を過ぎた場合は、運用担当者に再発行をご依頼ください。',
    ]),
  };
}
