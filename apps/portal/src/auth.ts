import { graphql } from './gql';
import type { LoginMutation as LoginAnswer } from './gql/graphql';
import { setSession, type Session } from './session';

export const LoginMutation = graphql(`
  mutation Login($userId: String!, $password: String!, $otp: String) {
    login(userId: $userId, password: $password, otp: $otp) {
      accessToken
      expiresAt
      account {
        userId
        name
        role
        mustChangePassword
        mfaEnabled
      }
    }
  }
`);

/** Keeps a new login's session (memory and this tab's sessionStorage). */
export function startSession(login: LoginAnswer['login']): Session {
  const session: Session = {
    token: login.accessToken,
    expiresAt: login.expiresAt,
    userId: login.account.userId,
    name: login.account.name,
    role: login.account.role,
    mustChangePassword: login.account.mustChangePassword,
    mfaEnabled: login.account.mfaEnabled,
  };
  setSession(session);
  return session;
}
