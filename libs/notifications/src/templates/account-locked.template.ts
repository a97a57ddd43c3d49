import { body, type RenderedMail } from './mail-template';

export interface AccountLockedParams {
  readonly userId: string;
}

export function accountLockedMail(params: AccountLockedParams): RenderedMail {
  return {
    subject: '【Bルート申込】アカウントがロックされました',
    text: body([
      `ユーザーID「${params.userId}」のアカウントは、パスワードを3回続けて誤ったためロックされました。`,
      '',
      'ロックの解除は運用担当者が行います。解除後、初期パスワードをメールでお送りします。',
      'お心当たりのない場合は、第三者による不正なログインの試みの可能性があります。',
    ]),
  };
}
