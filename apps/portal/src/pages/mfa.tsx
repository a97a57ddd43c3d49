import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../client';
import { graphql } from '../gql';
import { QrCode } from '../qr-code';
import { getSession, homeOf, setSession } from '../session';
import { applyFieldProblems, ErrorSummary, Field, flattenErrors, Notice, PageTitle } from '../ui';

const StartMfaEnrollmentMutation = graphql(`
  mutation StartMfaEnrollment {
    startMfaEnrollment {
      secret
      otpauthUri
    }
  }
`);

const ConfirmMfaEnrollmentMutation = graphql(`
  mutation ConfirmMfaEnrollment($code: String!) {
    confirmMfaEnrollment(code: $code)
  }
`);

interface Values {
  code: string;
}

const LABELS: Record<string, string> = { code: '確認コード' };

/** Four characters at a time, as authenticator apps accept the key with or without spaces. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * ACC-9: the second factor's enrolment. Staff land here until it is on; customers come from
 * their menu. The recovery codes are shown once, right after confirming.
 */
export default function MfaPage() {
  const navigate = useNavigate();
  const session = getSession();
  const [, start] = useMutation(StartMfaEnrollmentMutation);
  const [, confirm] = useMutation(ConfirmMfaEnrollmentMutation);
  const [enrollment, setEnrollment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ shouldFocusError: false });

  if (!session) return null;
  const staff = session.role !== 'CUSTOMER';

  async function onStart() {
    setMessage(null);
    const result = await start({});
    if (result.data) setEnrollment(result.data.startMfaEnrollment);
    else setMessage(refusalOf(result.error)?.message ?? null);
  }

  async function onConfirm({ code }: Values) {
    setMessage(null);
    const result = await confirm({ code: code.replace(/\s/g, '') });
    const codes = result.data?.confirmMfaEnrollment;
    if (codes) {
      setRecoveryCodes(codes);
      const current = getSession();
      if (current) setSession({ ...current, mfaEnabled: true });
      return;
    }
    const refusal = refusalOf(result.error);
    const rest = applyFieldProblems(refusal?.fields ?? [], setError, (name) => name in LABELS);
    setMessage(rest.length > 0 || !refusal?.fields.length ? (refusal?.message ?? null) : null);
  }

  if (recoveryCodes) {
    return (
      <div className="narrow">
        <PageTitle>2段階認証の設定</PageTitle>
        <Notice tone="success">2段階認証を設定いたしました。</Notice>
        <section className="panel" aria-labelledby="recovery-codes">
          <h2 id="recovery-codes">回復コード</h2>
          <p>
            認証アプリをご利用いただけない場合（スマートフォンの紛失・機種変更など）は、ログインの際に確認コードの代わりに次の回復コードを入力してください。各回復コードは1回のみご利用いただけます。
          </p>
          <Notice tone="warning">
            回復コードはこの画面でのみ表示されます。印刷するか書き写すなどして、他の人に見られない安全な場所に保管してください。
          </Notice>
          <ol className="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
        </section>
        <button
          type="button"
          className="button-primary"
          onClick={() => void navigate(homeOf(session.role), { replace: true })}
        >
          回復コードを保管しました
        </button>
      </div>
    );
  }

  if (session.mfaEnabled) {
    return (
      <div className="narrow">
        <PageTitle>2段階認証の設定</PageTitle>
        <Notice tone="success">
          2段階認証は設定済みです。ログインの際は、パスワードに加えて認証アプリの確認コードを入力してください。
        </Notice>
        <p>
          認証アプリと回復コードをすべて失った場合の再設定は、
          {staff ? 'システム管理者にご依頼ください。' : '当社までご連絡ください。'}
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle>2段階認証の設定</PageTitle>
      {staff && (
        <Notice tone="warning">
          当社担当者のアカウントは、2段階認証の設定が必要です。設定がお済みになるまで、他の画面はご利用いただけません。
        </Notice>
      )}
      <ErrorSummary
        items={flattenErrors(errors)}
        message={message}
        labels={(name) => LABELS[name] ?? name}
      />
      <p>
        2段階認証を設定すると、ログインの際にパスワードに加えて、スマートフォンなどの認証アプリ（Google
        Authenticator、Microsoft Authenticator など）に表示される6桁の確認コードが必要になります。
      </p>
      {!enrollment ? (
        <button type="button" className="button-primary" onClick={() => void onStart()}>
          設定を始める
        </button>
      ) : (
        <>
          <section className="panel" aria-labelledby="scan">
            <h2 id="scan">1. 認証アプリに登録する</h2>
            <p>認証アプリで次のQRコードを読み取ってください。</p>
            <QrCode text={enrollment.otpauthUri} label="認証アプリに登録するためのQRコード" />
            <p>QRコードを読み取れない場合は、認証アプリに次の設定キーを入力してください。</p>
            <p>
              <code className="mfa-secret">{grouped(enrollment.secret)}</code>
            </p>
          </section>
          <section className="panel" aria-labelledby="confirm">
            <h2 id="confirm">2. 確認コードを入力する</h2>
            <form onSubmit={(event) => void handleSubmit(onConfirm)(event)} noValidate>
              <Field
                name="code"
                label="確認コード"
                hint="(半角数字6桁)"
                required
                error={errors.code?.message}
                help={<p>認証アプリに表示されている6桁の確認コードを入力してください。</p>}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    {...register('code', { required: '確認コードを入力してください。' })}
                  />
                )}
              </Field>
              <button type="submit" className="button-primary" disabled={isSubmitting}>
                設定する
              </button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
