import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../client';
import { SENDER_ADDRESS, SENDER_DOMAIN } from '../contact';
import { graphql } from '../gql';
import { applyFieldProblems, ErrorSummary, Field, flattenErrors, Notice, PageTitle } from '../ui';

const RegisterMutation = graphql(`
  mutation RegisterAccount($input: RegisterAccountInput!) {
    registerAccount(input: $input)
  }
`);

interface Values {
  userId: string;
  password: string;
  passwordConfirmation: string;
  email: string;
  name: string;
  phone: string;
}

const LABELS: Record<string, string> = {
  userId: 'ユーザ ID',
  password: 'パスワード',
  passwordConfirmation: 'パスワード（確認）',
  email: 'メールアドレス',
  name: '名義',
  phone: '電話番号',
};

const CHARSET = '半角英数字と「@」「.」「-」「_」のみご使用いただけます。';

export default function RegisterPage() {
  const [, registerAccount] = useMutation(RegisterMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ shouldFocusError: false });

  async function onSubmit(values: Values) {
    setMessage(null);
    const { passwordConfirmation: _confirmation, ...input } = values;
    const result = await registerAccount({ input });
    if (result.data?.registerAccount) {
      setSentTo(values.email);
      return;
    }
    const refusal = refusalOf(result.error);
    const rest = applyFieldProblems(refusal?.fields ?? [], setError, (name) => name in LABELS);
    setMessage(rest.length > 0 || !refusal?.fields.length ? (refusal?.message ?? null) : null);
  }

  if (sentTo) {
    return (
      <div className="narrow">
        <PageTitle>認証メールを送信しました</PageTitle>
        <Notice tone="success">
          ご登録のメールアドレス（{sentTo}）へ「二段階認証用 URL」を記載したメールをお送りしました。
        </Notice>
        <ul className="advice">
          <li>
            メールは送信専用メールアドレス「{SENDER_ADDRESS}
            」から送付されます。届かない場合は、迷惑メールに振り分けられていないかをご確認ください。迷惑メールの設定をされている場合は「
            {SENDER_DOMAIN}」からのメールを受信できるよう設定をお願いいたします。
          </li>
          <li>
            <strong>メールに記載の URL を 30 分以内に開いてください。</strong>
            30
            分を超過した場合はアカウント登録が完了となりませんので、改めて新規アカウント登録をお願いいたします。
          </li>
        </ul>
        <p>
          <Link to="/login">ログイン画面へ戻る</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle>新規アカウント登録</PageTitle>
      <p>
        ※印の項目は、必ず入力してください。ユーザ ID
        は同じ会社で複数登録いただいても問題ございません。
      </p>
      <ErrorSummary
        items={flattenErrors(errors)}
        message={message}
        labels={(name) => LABELS[name] ?? name}
      />
      <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
        <Field
          name="userId"
          label="ユーザ ID"
          hint="(半角英数字・記号)"
          required
          error={errors.userId?.message}
          help={<p>{CHARSET}登録後の変更はできません。</p>}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="username"
              {...register('userId', { required: 'ユーザ ID を入力してください。' })}
            />
          )}
        </Field>
        <Field
          name="password"
          label="パスワード"
          hint="(半角英数字・記号)"
          required
          error={errors.password?.message}
          help={<p>{CHARSET}推測されにくいものを設定してください。</p>}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              {...register('password', { required: 'パスワードを入力してください。' })}
            />
          )}
        </Field>
        <Field
          name="passwordConfirmation"
          label="パスワード（確認）"
          required
          error={errors.passwordConfirmation?.message}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              {...register('passwordConfirmation', {
                validate: (value, all) =>
                  value === all.password ||
                  'パスワードが一致しません。同じパスワードを入力してください。',
              })}
            />
          )}
        </Field>
        <Field
          name="email"
          label="メールアドレス"
          hint="(半角英数字・記号)"
          required
          error={errors.email?.message}
          help={
            <p>
              {CHARSET}
              「.」が連続したメールアドレスや「@」の直前に「.」があるメールアドレスはご使用いただけません。
            </p>
          }
        >
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              {...register('email', { required: 'メールアドレスを入力してください。' })}
            />
          )}
        </Field>
        <Field name="name" label="名義" hint="(全角)" required error={errors.name?.message}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="name"
              {...register('name', { required: '名義を入力してください。' })}
            />
          )}
        </Field>
        <Field
          name="phone"
          label="電話番号"
          hint="(半角数字)"
          required
          error={errors.phone?.message}
          help={<p>例：090-9999-9999（ハイフンなしでも入力いただけます）</p>}
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              autoComplete="tel"
              {...register('phone', { required: '電話番号を入力してください。' })}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          登録する
        </button>
      </form>
      <p>
        <Link to="/login">ログイン画面へ戻る</Link>
      </p>
    </div>
  );
}
