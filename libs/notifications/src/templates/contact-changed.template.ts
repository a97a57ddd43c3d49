import { body, type RenderedMail } from './mail-template';

export interface ContactChangedParams {
  readonly userId: string;
}

export function contactChangedMail(params: ContactChangedParams): RenderedMail {
  return {
    subject: '【Bルート申込】ご登録の連絡先が変更されました',
    text: body([
      `ユーザーID「${params.userId}」のご登録の連絡先（氏名・メールアドレス・電話番号）が変更されました。`,
      '',
      'お心当たりのない場合は、運用担当者にご連絡ください。',
    ]),
  };
}
