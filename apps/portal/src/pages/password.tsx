import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../client';
import { LoginMutation, startSession } from '../auth';
import { graphql } from '../gql';
import { firstPageOf, getSession } from '../session';
import { applyFieldProblems, ErrorSummary, Field, flattenErrors, Notice, PageTitle } from '../ui';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

const LABELS: Record<string, string> = {
  currentPassword: '現在のパスワード',
  newPassword: '新しいパスワード',
  confirmation: '新しいパスワード（確認）',
};

export default function PasswordPage() {
  const navigate = useNavigate();
  const forced = getSession()?.mustChangePassword ?? false;
  const [, change] = useMutation(ChangePasswordMutation);
  const [, login] = useMutation(LoginMutation);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ shouldFocusError: false });

  async function onSubmit({ currentPassword, newPassword }: Values) {
    setMessage(null);
    const result = await change({ currentPassword, newPassword });
    if (result.data?.changePassword) {
      // A new password ends the account's sessions: this tab logs in again with it.
      const userId = getSession()?.userId ?? '';
      const again = await login({ userId, password: newPassword });
      reset();
      if (!again.data) {
        // ACC-9: with a second factor the new login needs the code, which only the user has. The
        // login page ends the (already dead) session: ended here, this page's guard would send
        // the user to login without the notice.
        void navigate('/login?changed=1', { replace: true });
        return;
      }
      const session = startSession(again.data.login);
      if (forced) void navigate(firstPageOf(session), { replace: true });
      else setDone(true);
      return;
    }
    const refusal = refusalOf(result.error);
    const rest = applyFieldProblems(refusal?.fields ?? [], setError, (name) => name in LABELS);
    setMessage(rest.length > 0 || !refusal?.fields.length ? (refusal?.message ?? null) : null);
  }

  return (
    <div className="narrow">
      <PageTitle>パスワード変更</PageTitle>
      {forced && (
        <Notice tone="warning">
          初期パスワードでログインしています。ご利用を続けるには、新しいパスワードを設定してください。
        </Notice>
      )}
      {done && <Notice tone="success">パスワードを変更いたしました。</Notice>}
      <ErrorSummary
        items={flattenErrors(errors)}
        message={message}
        labels={(name) => LABELS[name] ?? name}
      />
      <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
        <Field
          name="currentPassword"
          label={forced ? '初期パスワード' : '現在のパスワード'}
          required
          error={errors.currentPassword?.message}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              {...register('currentPassword', { required: '現在のパスワードを入力してください。' })}
            />
          )}
        </Field>
        <Field
          name="newPassword"
          label="新しいパスワード"
          hint="(半角英数字・記号)"
          required
          error={errors.newPassword?.message}
          help={<p>半角英数字と「@」「.」「-」「_」のみご使用いただけます。</p>}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              {...register('newPassword', { required: '新しいパスワードを入力してください。' })}
            />
          )}
        </Field>
        <Field
          name="confirmation"
          label="新しいパスワード（確認）"
          required
          error={errors.confirmation?.message}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              {...register('confirmation', {
                validate: (value, all) =>
                  value === all.newPassword ||
                  '新しいパスワードが一致しません。同じパスワードを入力してください。',
              })}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          変更する
        </button>
      </form>
    </div>
  );
}
