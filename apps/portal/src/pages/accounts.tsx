import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import { refusalOf, type Refusal } from '../client';
import { graphql } from '../gql';
import type { AccountsQuery } from '../gql/graphql';
import { ACCOUNT_STATUS_LABELS, formatDate, formatDateTime, ROLE_LABELS } from '../labels';
import {
  applyFieldProblems,
  ErrorSummary,
  Field,
  flattenErrors,
  Loading,
  Notice,
  PageTitle,
  RefusalNotice,
} from '../ui';

const AccountsListQuery = graphql(`
  query Accounts($userId: String) {
    accounts(userId: $userId, limit: 20, offset: 0) {
      total
      items {
        id
        userId
        name
        email
        phone
        role
        status
        createdAt
        lastLoginAt
        mustChangePassword
      }
    }
  }
`);
const UnlockMutation = graphql(`
  mutation UnlockAccount($userId: String!) {
    unlockAccount(userId: $userId) {
      userId
      status
    }
  }
`);
const ResetMutation = graphql(`
  mutation ResetPassword($userId: String!) {
    resetPassword(userId: $userId) {
      userId
    }
  }
`);
const ContactMutation = graphql(`
  mutation ChangeAccountContact($userId: String!, $input: AccountContactInput!) {
    changeAccountContact(userId: $userId, input: $input) {
      userId
    }
  }
`);

type Account = AccountsQuery['accounts']['items'][number];
interface ContactValues {
  email: string;
  name: string;
  phone: string;
}
const CONTACT_LABELS: Record<string, string> = {
  email: 'メールアドレス',
  name: '名義',
  phone: '電話番号',
};

function ContactForm({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const [, change] = useMutation(ContactMutation);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<ContactValues>({
    shouldFocusError: false,
    defaultValues: { email: account.email, name: account.name, phone: account.phone },
  });
  async function onSubmit(values: ContactValues) {
    const input: Partial<ContactValues> = {};
    for (const key of ['email', 'name', 'phone'] as const)
      if (values[key] !== account[key]) input[key] = values[key];
    const result = await change({ userId: account.userId, input });
    if (result.data) {
      onDone(
        '登録内容を変更いたしました。お客さまのご登録のメールアドレスへお知らせが送信されます。',
      );
      return;
    }
    const refusal = refusalOf(result.error);
    const problems = (refusal?.fields ?? []).map((p) => ({
      ...p,
      field: p.field.replace(/^input\./, ''),
    }));
    const rest = applyFieldProblems(problems, form.setError, (name) => name in CONTACT_LABELS);
    setMessage(rest.length > 0 || problems.length === 0 ? (refusal?.message ?? null) : null);
  }
  return (
    <form
      noValidate
      className="panel"
      onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}
    >
      <h2>登録内容の変更（{account.userId}）</h2>
      <p className="help">
        お客さまからの「変更前のメールアドレス・名義・電話番号」と登録内容が一致することを確認してから、「変更後」の内容を入力してください。ユーザ
        ID は変更できません。
      </p>
      <ErrorSummary
        items={flattenErrors(form.formState.errors)}
        message={message}
        labels={(name) => CONTACT_LABELS[name] ?? name}
      />
      <Field
        name="email"
        label="メールアドレス"
        hint="(半角英数字・記号)"
        error={form.formState.errors.email?.message}
      >
        {(props) => <input {...props} type="email" className="wide" {...form.register('email')} />}
      </Field>
      <Field name="name" label="名義" hint="(全角)" error={form.formState.errors.name?.message}>
        {(props) => <input {...props} type="text" {...form.register('name')} />}
      </Field>
      <Field
        name="phone"
        label="電話番号"
        hint="(半角数字)"
        error={form.formState.errors.phone?.message}
      >
        {(props) => <input {...props} type="tel" {...form.register('phone')} />}
      </Field>
      <button type="submit" className="button-primary">
        変更する
      </button>
    </form>
  );
}

export default function AccountsPage() {
  const [userId, setUserId] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AccountsListQuery,
    variables: { userId },
    pause: userId === null,
  });
  const [, unlock] = useMutation(UnlockMutation);
  const [, reset] = useMutation(ResetMutation);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const search = useForm<{ userId: string }>();

  function finish(message: string, problem: Refusal | null) {
    setRefusal(problem);
    setDone(problem ? null : message);
    setEditing(null);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <div>
      <PageTitle>アカウント管理</PageTitle>
      <Notice tone="info">
        ロック解除・パスワード初期化・登録内容の変更は、お客さまからのメールに記載の「登録済のユーザ
        ID・メールアドレス・名義・電話番号」が登録内容と一致することを確認してから行ってください。初期パスワードはご登録のメールアドレスへ送付されます。
      </Notice>
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) =>
          void search.handleSubmit(({ userId: value }) => {
            setDone(null);
            setUserId(value.trim());
          })(event)
        }
      >
        <Field name="searchUserId" label="ユーザ ID">
          {(props) => <input {...props} type="text" {...search.register('userId')} />}
        </Field>
        <button type="submit" className="button-primary">
          検索
        </button>
      </form>
      {done && <Notice tone="success">{done}</Notice>}
      <RefusalNotice refusal={refusal ?? refusalOf(error)} />
      {fetching && <Loading />}
      {data && data.accounts.total === 0 && <p>該当するアカウントはありません。</p>}
      {data?.accounts.items.map((account) => (
        <section key={account.id} className="panel" aria-label={`アカウント ${account.userId}`}>
          <dl className="summary">
            <div className="row">
              <dt>ユーザ ID</dt>
              <dd>{account.userId}</dd>
            </div>
            <div className="row">
              <dt>状態</dt>
              <dd>
                {ACCOUNT_STATUS_LABELS[account.status] ?? account.status}
                {account.mustChangePassword && '（初期パスワード）'}
              </dd>
            </div>
            <div className="row">
              <dt>種別</dt>
              <dd>{ROLE_LABELS[account.role]}</dd>
            </div>
            <div className="row">
              <dt>名義</dt>
              <dd>{account.name}</dd>
            </div>
            <div className="row">
              <dt>メールアドレス</dt>
              <dd>{account.email}</dd>
            </div>
            <div className="row">
              <dt>電話番号</dt>
              <dd>{account.phone}</dd>
            </div>
            <div className="row">
              <dt>登録日</dt>
              <dd>{formatDate(account.createdAt)}</dd>
            </div>
            <div className="row">
              <dt>最終ログイン</dt>
              <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt) : '（なし）'}</dd>
            </div>
          </dl>
          {account.role === 'CUSTOMER' && (
            <div className="actions">
              {account.status === 'LOCKED' && (
                <button
                  type="button"
                  className="button-primary"
                  onClick={() =>
                    void unlock({ userId: account.userId }).then((r) =>
                      finish(
                        `${account.userId} のロックを解除し、初期パスワードを送付いたしました。`,
                        refusalOf(r.error),
                      ),
                    )
                  }
                >
                  ロック解除
                </button>
              )}
              {account.status === 'ACTIVE' && (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() =>
                    void reset({ userId: account.userId }).then((r) =>
                      finish(
                        `${account.userId} のパスワードを初期化し、初期パスワードを送付いたしました。`,
                        refusalOf(r.error),
                      ),
                    )
                  }
                >
                  パスワード初期化
                </button>
              )}
              <button
                type="button"
                className="button-secondary"
                onClick={() => setEditing(editing === account.id ? null : account.id)}
              >
                登録内容の変更
              </button>
            </div>
          )}
          {editing === account.id && (
            <ContactForm account={account} onDone={(message) => finish(message, null)} />
          )}
        </section>
      ))}
    </div>
  );
}
