import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../client';
import { CONTACT_ADDRESS } from '../contact';
import { LoginMutation, startSession } from '../auth';
import { firstPageOf, homeOf, setSession } from '../session';
import { ErrorSummary, Field, flattenErrors, Notice, PageTitle } from '../ui';

interface Values {
  userId: string;
  password: string;
  otp: string;
}

const LABELS: Record<string, string> = {
  userId: 'ユーザ ID',
  password: 'パスワード',
  otp: '確認コード',
};

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [, login] = useMutation(LoginMutation);
  const [message, setMessage] = useState<string | null>(null);
  // ACC-9: the server asked for the second factor's code; the user ID and password stay.
  const [askOtp, setAskOtp] = useState(false);
  const changed = params.get('changed') !== null;
  useEffect(() => {
    // The password change ended every session; the new login comes from this page.
    if (changed) setSession(null);
  }, [changed]);
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: { otp: '' } });

  async function onSubmit(values: Values) {
    setMessage(null);
    const otp = askOtp ? values.otp.replace(/\s/g, '') : '';
    const result = await login({
      userId: values.userId,
      password: values.password,
      otp: otp === '' ? null : otp,
    });
    const answer = result.data?.login;
    if (!answer) {
      const refusal = refusalOf(result.error);
      if (refusal?.code === 'MFA_REQUIRED') {
        setAskOtp(true);
        setValue('otp', '');
      }
      setMessage(refusal?.message ?? null);
      return;
    }
    const session = startSession(answer);
    const next = params.get('next');
    const first = firstPageOf(session);
    if (first !== homeOf(session.role)) void navigate(first, { replace: true });
    else void navigate(next?.startsWith('/') ? next : first, { replace: true });
  }

  return (
    <div className="narrow">
      <PageTitle>ログイン</PageTitle>
      {changed && (
        <Notice tone="success">
          パスワードを変更いたしました。新しいパスワードで、もう一度ログインしてください。
        </Notice>
      )}
      {params.get('next') && (
        <Notice tone="warning">
          {params.get('expired')
            ? '一定時間が経過したため、ログアウトしました。'
            : 'この画面のご利用にはログインが必要です。'}
          お手数ですが、再度ログインをお願いいたします。ログイン後、元の画面に戻ります。
        </Notice>
      )}
      <ErrorSummary
        items={flattenErrors(errors)}
        message={message}
        labels={(name) => LABELS[name] ?? name}
      />
      <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
        <Field name="userId" label="ユーザ ID" required error={errors.userId?.message}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="username"
              {...register('userId', { required: 'ユーザ ID を入力してください。' })}
            />
          )}
        </Field>
        <Field name="password" label="パスワード" required error={errors.password?.message}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              {...register('password', { required: 'パスワードを入力してください。' })}
            />
          )}
        </Field>
        {askOtp && (
          <Field
            name="otp"
            label="確認コード"
            hint="(半角数字6桁、または回復コード)"
            required
            error={errors.otp?.message}
            help={
              <p>
                2段階認証を設定しているアカウントです。認証アプリに表示されている6桁の確認コードを入力してください。認証アプリをご利用いただけない場合は、お手元の回復コードを1つ入力してください（各回復コードは1回のみご利用いただけます）。
              </p>
            }
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                {...register('otp', { required: '確認コードを入力してください。' })}
              />
            )}
          </Field>
        )}
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          ログイン
        </button>
      </form>

      <section className="panel" aria-labelledby="first-time">
        <h2 id="first-time">初めてご利用になる方</h2>
        <p>
          お申込みにはアカウント登録が必要です。東京電力グループの他の申込みシステム（電気工事申込み等）のユーザ
          ID・パスワードではログインできません。
        </p>
        <p>
          <Link to="/register" className="button-link">
            初めてご利用になる方はこちらへ
          </Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="trouble">
        <h2 id="trouble">ログインできない場合</h2>
        <h3>パスワードを忘れてしまった場合</h3>
        <p>
          当社にてパスワードを初期化いたします。
          <a href={`mailto:${CONTACT_ADDRESS}`}>{CONTACT_ADDRESS}</a> へ「登録済のユーザ
          ID・メールアドレス・名義・電話番号」をご記載のうえ、パスワード初期化をご希望される旨のご連絡をお願いいたします。
        </p>
        <h3>ロックがかかってしまった場合</h3>
        <p>
          パスワードを3回連続で間違えて入力した場合はロックがかかります。
          <a href={`mailto:${CONTACT_ADDRESS}`}>{CONTACT_ADDRESS}</a> へ「登録済のユーザ
          ID・メールアドレス・名義・電話番号」をご記載のうえ、ロック解除をご希望される旨のご連絡をお願いいたします。
        </p>
        <p>
          当社にて状況確認のうえ、ご登録のメールアドレスへ初期パスワードを送付いたしますので、初期パスワード受領後に再度パスワードの設定をお願いいたします。
        </p>
        <h3>「ユーザ ID、もしくはパスワードが違います。」と表示される場合</h3>
        <p>
          1年以上ご利用のないアカウントは自動で削除されます。その場合は、改めて新規アカウント登録をお願いいたします。
        </p>
      </section>
    </div>
  );
}
