/*
 * The gateway's own sentences: what a client is told when a failure is not a context's refusal
 * (DOMAIN.md, "Wording": the FAQ's register). The request-shape refusals are read by developers of
 * a client more than by customers, but a portal may still show them, so they stay polite.
 */
export const apiMessages = {
  internal:
    '申し訳ございません。システムで予期しないエラーが発生いたしました。お手数ですが、時間をおいて再度お試しください。',
  conflict:
    'ほかの操作により内容が更新されています。お手数ですが、最新の内容を表示してから再度操作をお願いいたします。',
  badInput: '入力内容に誤りがあります。ご確認のうえ、再度入力をお願いいたします。',
  unauthenticated: 'ログインが必要です。ログインのうえ、再度操作をお願いいたします。',
  forbidden: 'この操作を行う権限がございません。',
  notFound: 'お探しの情報が見つかりません。',
  unavailable:
    'ただいまシステムが一時的にご利用いただけない状態です。お受けした内容はございませんので、お手数ですが、しばらく時間をおいて再度お試しください。',
  outcomeUnknown:
    'ただいまシステムが一時的にご利用いただけない状態のため、お手続きが完了したかを確認できませんでした。お手数ですが、しばらく時間をおいて申込内容をご確認のうえ、必要な場合のみ再度お手続きください。',
  rateLimited:
    'ただいまアクセスが集中しております。お手数ですが、しばらく時間をおいて再度お試しください。',
  parseFailed: 'リクエストの構文に誤りがあります。',
  introspectionDisabled:
    'この環境ではスキーマの照会（イントロスペクション）はご利用いただけません。',
  validationFailed: 'リクエストがスキーマに適合しません。',
  invalidVariables: 'リクエストの変数の値に誤りがあります。',
  operationNotFound: '指定された operationName の操作がリクエストにありません。',
  persistedQueries: 'persisted query には対応しておりません。',
  csrf: 'CSRF 対策のためお受けできません。Content-Type: application/json を指定するか、apollo-require-preflight ヘッダーを付けてください。',
  batching: '複数の操作をまとめて送るバッチリクエストには対応しておりません。',
  badRequest: 'リクエストの形式に誤りがあります。',
  tooManyAliases: (aliases: number, max: number) =>
    `別名（エイリアス）が多すぎます（${aliases} 個、上限 ${max} 個）。`,
  costUnknown: 'リクエストのコストを見積もれないため、お受けできません。変数の値をご確認ください。',
  tooCostly: (cost: number, max: number) =>
    `リクエストのコストが上限を超えています（${cost}、上限 ${max}）。取得する項目や件数を減らしてください。`,
  tooDeep: (depth: number, max: number) =>
    `リクエストの階層が深すぎます（${depth} 階層、上限 ${max} 階層）。`,
};
