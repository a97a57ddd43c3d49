import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../client';
import { CONTACT_ADDRESS } from '../contact';
import { LoginMutation, startSession } from '../auth';
import { homeOf } from '../session';
import { ErrorSummary, Field, flattenErrors, Notice, PageTitle } from '../ui';

interface Values {
  userId: string;
  password: string;
}

const LABELS: Record<string, string> = { userId: 'ユーザ ID', password: 'パスワード' };

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [, login] = useMutation(LoginMutation);
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ shouldFocusError: false });

  async function onSubmit(values: Values) {
    setMessage(null);
    const result = await login(values);
    const session = result.data?.login;
    if (!session) {
      setMessage(refusalOf(result.error)?.message ?? null);
      return;
    }
    startSession(session);

    const next = params.get('next');
    if (session.account.mustChangePassword) void navigate('/password', { replace: true });
    else
      void navigate(next?.startsWith('/') ? next : homeOf(session.account.role), { replace: true });
  }

  return (
    <div className="narrow">
      <PageTitle>ログイン</PageTitle>
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
