import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf, type Refusal } from '../client';
import { graphql } from '../gql';
import { Loading, Notice, PageTitle } from '../ui';

const VerifyMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      userId
    }
  }
`);

export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [, verify] = useMutation(VerifyMutation);
  const [outcome, setOutcome] = useState<{ userId: string } | Refusal | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void verify({ token }).then((result) =>
      setOutcome(result.data?.verifyEmail ?? refusalOf(result.error)),
    );
  }, [token, verify]);

  return (
    <div className="narrow">
      <PageTitle>メール認証</PageTitle>
      {!outcome && <Loading />}
      {outcome && 'userId' in outcome && (
        <>
          <Notice tone="success">
            アカウント登録が完了いたしました（ユーザ ID：{outcome.userId}
            ）。ログインのうえ、お申込みをお願いいたします。
          </Notice>
          <p>
            <Link to="/login" className="button-link">
              ログイン画面へ
            </Link>
          </p>
        </>
      )}
      {outcome && 'code' in outcome && (
        <>
          <Notice tone="error">
            {outcome.code === 'VERIFICATION_EXPIRED'
              ? '認証用 URL の有効期限（30 分）が過ぎたため、アカウント登録は完了しておりません。お手数ですが、改めて新規アカウント登録をお願いいたします。'
              : outcome.message}
          </Notice>
          <p>
            <Link to="/register" className="button-link">
              新規アカウント登録へ
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
