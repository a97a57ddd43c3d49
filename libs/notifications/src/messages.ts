/*
 * Every sentence of every mail (DOMAIN.md, "Wording"): the FAQ's register, the service named
 * 「高圧Bルートサービス」, dates as 2026/04/02, a subject starting 【高圧Bルートサービス】 with the
 * 申込ID where there is one, the addressee first, what happened and what to do next, and the
 * send-only notice of Q5 before the operator's name. Plain data and functions only.
 */

/** ACC-8: the FAQ's contact address (Q15, Q16, Q18); `SUPPORT_EMAIL` overrides it. */
export const DEFAULT_SUPPORT_EMAIL = 'Kouatsu2023@tepcoco.jp';
/** The operator's name; `MAIL_SIGNATURE` overrides it. */
export const DEFAULT_SIGNATURE = '東京電力パワーグリッド株式会社';

const SUBJECT_PREFIX = '【高圧Bルートサービス】';

/** Q5, word for word as the mails close. */
export const SEND_ONLY_NOTICE =
  '※本メールは送信専用のメールアドレスから送信しております。ご返信いただきましても回答いたしかねますので、あらかじめご了承ください。';

/** The FAQ's own words (A6) under an APP-7 warning. */
export const HOLIDAY_NOTICE =
  '※年末年始等連休を挟む場合、2週間(14日)以上期間を空けていただいた場合でもご希望の利用開始時期に間に合わない可能性がありますのでご了承ください。';

export const POINT_KIND_LABELS = {
  SUPPLY: '供給地点特定番号',
  RECEPTION: '受電地点特定番号',
} as const;

/** When the name cannot be opened (an older request, or erased data). */
export const ADDRESSEE_FALLBACK = 'お客さま';

export const mailMessages = {
  addressee: (name: string) => `${name} 様`,
  greeting: 'いつも高圧Bルートサービスをご利用いただき、ありがとうございます。',
  footer: (signature: string) => [SEND_ONLY_NOTICE, '', signature],
  askBackOffice: (supportEmail: string, what: string) =>
    `${what}は、${supportEmail} へ「登録済のユーザ ID・メールアドレス・名義・電話番号」をご記載のうえ、ご連絡をお願いいたします。`,

  verification: {
    subject: `${SUBJECT_PREFIX}新規アカウント登録のメールアドレス確認のお願い`,
    intro: (userId: string) =>
      `高圧Bルートサービスの新規アカウント登録（ユーザ ID: ${userId}）を受け付けました。`,
    action: '以下の二段階認証用 URL を開き、アカウント登録を完了してください。',
    deadline: (until: string) =>
      `本 URL の有効期限は30分です（${until}まで）。30分を超過した場合は、改めて新規アカウント登録が必要となります。`,
    notYou: 'お心当たりのない場合は、お手数ですが本メールを破棄してください。',
  },
  locked: {
    subject: `${SUBJECT_PREFIX}アカウントロックのお知らせ`,
    intro: (userId: string) =>
      `ユーザ ID「${userId}」のアカウントは、パスワードを3回連続で間違えて入力されたため、ロックがかかりました。`,
    action:
      'ロックの解除は当社にて承ります。解除後、ご登録のメールアドレスへ初期パスワードをお送りいたします。',
    unlock: 'ロック解除をご希望の場合',
    notYou:
      'お心当たりのない場合は、第三者によるログインの試みの可能性がございますので、あわせてご連絡をお願いいたします。',
  },
  initialPassword: {
    subject: `${SUBJECT_PREFIX}初期パスワードのお知らせ`,
    intro: (userId: string) => `ユーザ ID「${userId}」の初期パスワードを発行いたしました。`,
    password: (password: string) => `初期パスワード: ${password}`,
    deadline: (until: string) => `有効期限は72時間です（${until}まで）。`,
    action:
      '初期パスワードでログイン後、再度パスワードの設定をお願いいたします。パスワードを設定されるまで、ほかの操作はご利用いただけません。',
    expired: '有効期限を過ぎた場合の再発行',
  },
  /** Issue 11 §4: the holder hears of every password change, theirs or not. */
  passwordChanged: {
    subject: `${SUBJECT_PREFIX}パスワード変更のお知らせ`,
    intro: (userId: string, at: string) =>
      `ユーザ ID「${userId}」のパスワードが変更されました（${at}）。`,
    yours: 'お客さまご自身による変更の場合は、本メールへのご対応は不要です。',
    notYou: 'お心当たりのない場合',
    risk: '第三者による不正な変更の可能性がございますので、当社にてパスワードを再初期化し、ご登録のメールアドレスへ初期パスワードをお送りいたします。',
  },
  contactChanged: {
    subject: `${SUBJECT_PREFIX}ご登録内容の変更のお知らせ`,
    intro: (userId: string) =>
      `ユーザ ID「${userId}」のご登録内容（メールアドレス・名義・電話番号）を変更いたしました。`,
    notYou: 'お心当たりのない場合',
  },
  received: {
    subject: (applicationId: string) =>
      `${SUBJECT_PREFIX}お申込みを受け付けました（申込ID: ${applicationId}）`,
    intro: '高圧Bルートサービスのお申込みを受け付けました。お申込み内容は以下のとおりです。',
    warning: '■ ご注意',
    next: [
      '今後、当社にて内容を確認のうえ、お手続きを進めてまいります。申込状況が変わりましたら、本メールアドレスへお知らせいたします。',
      '後日、当社受け持ち事業所担当者より、申込み内容の確認のためご連絡させていただくことがあります。',
      'お申込み内容の照会・変更・取消は、高圧Bルートサービスのお申込みページの「内容照会・変更・取消」より、申込IDでお手続きをお願いいたします。',
    ],
  },
  statusChanged: {
    subject: (applicationId: string, status: string) =>
      `${SUBJECT_PREFIX}申込状況が「${status}」になりました（申込ID: ${applicationId}）`,
    intro: '高圧Bルートサービスのお申込みについて、申込状況が変わりましたのでお知らせいたします。',
    reason: (reason: string) => `理由: ${reason}`,
    next: {
      RECEIVED:
        '修正いただいた内容で、改めてお申込みを受け付けました。当社にて内容を確認のうえ、お手続きを進めてまいります。',
      IN_PROGRESS:
        '当社にてお手続きを開始いたしました。完了しましたら、本メールアドレスへお知らせいたします。',
      COMPLETED: 'お手続きが完了いたしました。',
      RETURNED:
        'お申込み内容に確認が必要な点がございます。上記の理由をご確認のうえ、「内容照会・変更・取消」よりお申込み内容を修正いただき、再度お申込みをお願いいたします。',
      REJECTED: '誠に恐れ入りますが、上記の理由により、本お申込みはお受けいたしかねます。',
      WITHDRAWN: 'お申込みの取消を承りました。',
    },
  },
  labels: {
    applicationId: '申込ID',
    kind: 'お申込み区分',
    status: '申込状況',
    points: '地点',
  },
} as const;
