/*
 * Every sentence a user reads from the applications context (DOMAIN.md, "Wording"): the FAQ's
 * register (です・ます, お客さま, 〜いたします), the service named 「高圧Bルートサービス」, dates as
 * 2026/04/02. Plain data and functions only: domain code imports this file (the one exception the
 * dependency rules make to domain/ importing nothing outside itself).
 */

/** 申込状況 as the portal and the mails show it. */
export const STATUS_LABELS = {
  RECEIVED: '申込受付',
  IN_PROGRESS: '手続中',
  COMPLETED: '完了',
  RETURNED: '差戻し',
  REJECTED: '受付不可',
  WITHDRAWN: '取消',
} as const;

/** お申込み区分. */
export const KIND_LABELS = { NEW: '新規', TERMINATION: '廃止', ACTIVATION: '活性化' } as const;

/** APP-7: what the desired date is called for each kind. */
export const DESIRED_DATE_LABELS = {
  NEW: '利用開始希望日',
  TERMINATION: '廃止希望日',
  ACTIVATION: '活性化希望日',
} as const;

export type KindKey = keyof typeof KIND_LABELS;

/** The FAQ's own words (A6) under any APP-7 warning. */
export const HOLIDAY_NOTICE =
  '※年末年始等連休を挟む場合、2週間(14日)以上期間を空けていただいた場合でもご希望の利用開始時期に間に合わない可能性がありますのでご了承ください。';

/** 2026/04/02 from `2026-04-02`. */
export function displayDate(isoDay: string): string {
  return isoDay.replaceAll('-', '/');
}

export const applicationMessages = {
  // Refusals of a whole command.
  invalidInput:
    '入力内容に誤りがあります。各項目のメッセージをご確認のうえ、再度入力をお願いいたします。',
  notFound: '該当するお申込みが見つかりません。申込IDをご確認ください。',
  alreadySubmitted: 'この申込IDのお申込みはすでに受け付けております。',
  customersOnly:
    'お申込みは、お申込みされる方ご自身のアカウントからインターネットでのみ承っております。当社での代行入力は承っておりません。',
  ownerOnly: 'お申込みの変更・取消は、お申込みをされたアカウントからのみ承っております。',
  operatorsOnly: 'この操作は当社の担当者のみが行えます。',
  notChangeable: (status: string) =>
    `申込状況が「${status}」のお申込みは変更・取消ができません。変更・取消は申込状況が「申込受付」または「差戻し」の間のみ承っております。`,
  invalidTransition: (status: string, action: string) =>
    `申込状況が「${status}」のお申込みは${action}できません。`,
  staleRevision:
    'お申込みはほかの操作により更新されています。お手数ですが、最新の内容を表示してから再度操作をお願いいたします。',
  pointTaken:
    '手続中の新規または廃止のお申込みがある地点は、そのお申込みが完了するまでお申込みいただけません。',
  pointTakenField: 'この地点には手続中の新規または廃止のお申込みがあります。',
  notServed:
    '島嶼の地点、および通信端末が光通信の地点は、高圧Bルートサービスの提供対象外となります。',
  termsOutdated:
    '利用規約が改定されています。お手数ですが、最新の「高圧電力メーター情報発信サービス（高圧Bルートサービス）利用規約」をお読みいただき、お客さま（需要者）ご本人の同意のうえ、再度お申込みをお願いいたします。',

  // Actions, as an operator's refusal names them (「…できません」).
  actions: {
    startProcessing: '手続開始',
    return: '差戻し',
    reject: '受付不可に',
    complete: '完了に',
  },

  // Field problems.
  consentRequired:
    '利用規約について、お客さま（需要者）ご本人の同意を得ていることをご確認のうえ、チェックをお願いいたします。',
  pointsRequired: '供給地点特定番号または受電地点特定番号を1件以上入力してください。',
  tooManyPoints: (max: number) => `1件のお申込みで指定できる地点は${max}件までです。`,
  unissuedNotAllowed:
    '未発番の地点特定番号（03-1011または03-1012の後の16桁がすべて「0」）は、新規のお申込みでのみ入力いただけます。',
  duplicatePoint: '同じ地点特定番号が複数回入力されています。',
  island: '島嶼の地点は、高圧Bルートサービスの提供対象外となります。',
  opticalTerminal: '通信端末が光通信の地点は、高圧Bルートサービスの提供対象外となります。',
  notActive: (kind: string) =>
    `${kind}のお申込みは、高圧Bルートサービスをご利用中の地点についてのみ承っております。`,
  reasonRequired: '理由を入力してください。',
  reasonTooLong: (max: number) => `理由は${max}文字以内で入力してください。`,

  // OPS-4: the operator completes a NEW naming an unissued point.
  issuedPointRequired: (index: number) =>
    `${index + 1}件目の地点は未発番です。発番された地点特定番号を入力してください。`,
  issuedPointNotUnissued: (index: number) =>
    `${index + 1}件目の地点は発番済みのため、地点特定番号の入力は不要です。`,
  issuedPointIndex: '指定された番号の地点はこのお申込みにありません。',
  issuedPointStillUnissued:
    '発番された地点特定番号（末尾16桁がすべて「0」ではない番号）を入力してください。',
  issuedPointPrefix: (prefix: string) =>
    `発番された地点特定番号は、未発番の番号と同じ「${prefix}」から始まる番号を入力してください。`,
  issuedPointDuplicate: '同じ地点特定番号が複数回入力されています。',

  // APP-7.
  invalidDate: (label: string) => `${label}は実在する日付を、YYYY-MM-DDの形式で入力してください。`,
  startDateTooSoon: (label: string, applied: string, earliest: string) =>
    `${label}は、申込日（${applied}）から2週間(14日)以上の期間を空けた日付（${earliest}以降）を入力してください。`,
  yearEndClosure: (from: string, to: string) => `年末年始休業（${from}〜${to}）`,
  holidays: (from: string, to: string) => `連休（${from}〜${to}）`,
  startDateWarning: (label: string, what: string) =>
    `申込日から${label}までの間に${what}があるため、ご希望の時期に間に合わない可能性があります。あらかじめご了承ください。`,

  // APP-3, APP-4, ACC-3 (field by field; `label` is the form's own).
  required: (label: string) => `${label}を入力してください。`,
  notFullWidth: (label: string) =>
    `${label}は全角で入力してください（半角の英数字・記号・スペース・カタカナはご使用いただけません）。`,
  tooLong: (label: string, max: number) => `${label}は${max}文字以内で入力してください。`,
  machineDependent: (label: string, characters: string) =>
    `${label}にご使用いただけない文字（${characters}）が含まれています。機種依存文字・特殊文字のご使用はご遠慮ください。`,
  invalidPhone: (label: string) =>
    `${label}は半角数字で、市外局番・市内局番・加入者番号の3つに分けて合計10桁または11桁で入力してください（例: 090-9999-9999）。`,
  invalidEmailCharacter: (label: string) =>
    `${label}にご使用いただける文字は、半角英数字と「@」「.」「-」「_」です。`,
  emailConsecutiveDots: (label: string) => `${label}に「.」を連続して入力することはできません。`,
  emailDotBeforeAt: (label: string) => `${label}の「@」の直前に「.」は入力できません。`,
  invalidEmail: (label: string) => `${label}の形式に誤りがあります。ご確認をお願いいたします。`,

  // APP-10 search.
  searchDateOrder: '申込登録日の終了日は、開始日以降の日付を入力してください。',
  searchNameTooLong: (max: number) => `需要家名は${max}文字以内で入力してください。`,
  searchOffset: '0以上の数値を指定してください。',
  searchLimit: (max: number) => `1以上${max}以下の数値を指定してください。`,
  searchDate: '日付はYYYY-MM-DDの形式で入力してください。',
  searchDays: '1以上の日数を指定してください。',
};

/** The form's labels (A4), as field problems name the fields. */
export const FIELD_LABELS = {
  customerName: 'お客さま名',
  customerDepartment: 'お客さま担当者所属部署名',
  customerContactName: 'お客さま担当者名',
  customerPhone: 'お客さま電話番号',
  applicantCompany: '申込者所属企業名',
  applicantDepartment: '申込者所属部署名',
  applicantName: '申込者氏名',
  phone1: '電話番号1',
  phone2: '電話番号2',
  email: 'E-mail',
  fax: 'FAX',
} as const;
