/*
 * Every sentence a user reads from the accounts context, in the register of the operator's FAQ
 * (DOMAIN.md, Wording). Plain strings and functions only: the domain imports this file.
 *
 * `BACK_OFFICE_CONTACT` stands for the configured contact address (ACC-8): decisions do not know
 * the configuration, so the edge fills it in (`renderAccountMessage`).
 */

export const BACK_OFFICE_CONTACT = '{{BACK_OFFICE_CONTACT}}';

/** ACC-8: the FAQ's contact address for requests to the back office. */
export const DEFAULT_BACK_OFFICE_CONTACT = 'Kouatsu2023@tepcoco.jp';

/** Q16: what a request to the back office must carry. */
const WHAT_TO_WRITE = '「登録済のユーザ ID・メールアドレス・名義・電話番号」';

function askBackOffice(request: string): string {
  return `${request}をご希望の場合は、${BACK_OFFICE_CONTACT} へ${WHAT_TO_WRITE}をご記載のうえ、その旨をご連絡くださいますようお願いいたします。`;
}

export const accountMessages = {
  invalidInput: '入力内容に誤りがあります。内容をご確認ください。',
  /** ACC-4, Q14: the FAQ's own wording, for every wrong login whatever the account's state. */
  invalidCredentials: 'ユーザ ID、もしくはパスワードが違います。',
  initialPasswordExpired: `初期パスワードの有効期限（72時間）が過ぎています。${askBackOffice('パスワードの再初期化')}`,
  notSignedIn:
    'ログインしていないか、ログインの有効期限が切れています。お手数ですが、もう一度ログインしてください。',
  roleNotAllowed: 'この操作を行う権限がありません。',
  operatorOnly: 'この操作は当社の担当者のみが行えます。',
  /** ACC-9: staff accounts are cared for through the command-line tools only. */
  staffAccountRefused:
    '当社担当者のアカウントは、この画面から変更できません。システム管理者にご依頼ください。',
  notFound: 'アカウントが見つかりません。',
  alreadyRegistered: 'このアカウントはすでに登録されています。',
  invalidVerificationToken:
    '確認用リンクが正しくありません。メールに記載されたリンクをそのまま開いてください。',
  alreadyVerified: 'この確認用リンクはすでに使用されています。',
  verificationExpired:
    '確認用リンクの有効期限（30分）が過ぎています。お手数ですが、もう一度ご登録をお願いいたします。',
  registrationNotExpired: '確認用リンクの有効期限が過ぎていないため、登録を取り消せません。',
  awaitingVerification:
    'メールアドレスの確認がお済みでないアカウントです。確認がお済みになるまでこの操作はできません。',
  notLocked: 'このアカウントはロックされていません。',
  /** ACC-4, ACC-8, Q16: told only to someone who gave the right password. */
  locked: `アカウントがロックされています。${askBackOffice('ロック解除')}当社にて確認のうえ、ご登録のメールアドレスへ初期パスワードを送付いたします。`,
  lockedResetRefused:
    'ロック中のアカウントです。パスワードの再初期化ではなくロック解除を行ってください（初期パスワードが発行されます）。',
  /** ACC-9: a reset right after the address changed would send the password to a new address. */
  resetAfterEmailChange:
    'メールアドレスの変更から24時間が経過していないため、パスワードの再初期化はできません。',
  passwordChangeRequired:
    '初期パスワードでログインしています。先に新しいパスワードを設定してください。',
  tooManyLoginAttempts:
    'ログインの失敗が続いたため、しばらくの間ログインをお受けできません。時間をおいてから、もう一度お試しください。',
  tooManyRequests:
    'ただいまアクセスが集中しているため、お受けできませんでした。お手数ですが、時間をおいてから、もう一度お試しください。',
  stillInUse: '最後のご利用から1年が経過していないため、削除できません。',
  wrongCurrentPassword: '現在のパスワードが違います。',
  passwordNotChanged: '新しいパスワードには、現在のパスワードと異なるものを設定してください。',
  noContactGiven: '変更するメールアドレス、名義、電話番号のいずれかを入力してください。',
  userIdTaken: 'このユーザ IDはすでに使用されています。別のユーザ IDを指定してください。',
  /** ACC-9: the right password; the second factor's code is asked for next. */
  mfaCodeMissing:
    '2段階認証を設定しているアカウントです。認証アプリに表示されている6桁の確認コード（または回復コード）を入力してください。',
  mfaCodeInvalid:
    '確認コードが正しくありません。認証アプリに表示されている最新の6桁の確認コード（または未使用の回復コード）を入力してください。',
  mfaEnrolmentRequired:
    '当社担当者のアカウントは、2段階認証の設定が必要です。先に2段階認証を設定してください。',
  mfaAlreadyEnabled:
    '2段階認証はすでに設定されています。設定し直す場合は、システム管理者にご依頼ください。',
  mfaNotStarted: '2段階認証の設定を開始してから、確認コードを入力してください。',
  mfaConfirmationCodeInvalid:
    '確認コードが正しくありません。認証アプリに表示されている6桁の確認コードを入力してください。',
  offsetTooSmall: '0以上の数値を指定してください。',
  limitOutOfRange: (max: number) => `1以上${max}以下の数値を指定してください。`,
  /** securityEvents: the end of the period before its start. */
  periodReversed: '終了日時には、開始日時より後の日時を指定してください。',
};

/** Fills in what a decision could not know: the configured back-office contact (ACC-8). */
export function renderAccountMessage(message: string, backOfficeContact: string): string {
  return message.split(BACK_OFFICE_CONTACT).join(backOfficeContact);
}
