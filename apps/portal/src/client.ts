import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';
import { getSession } from './session';

/** A refusal as the API words it: `extensions.code`, a Japanese message, and refused fields. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly FieldProblem[];
}

export function refusalOf(error: CombinedError | undefined): Refusal | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) {
    return {
      code: 'NETWORK',
      message: 'サーバーに接続できませんでした。時間をおいて再度お試しください。',
      fields: [],
    };
  }
  const extensions = first.extensions as { code?: string; fields?: FieldProblem[] };
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(first.message);
  return {
    code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
    // The API answers in Japanese; a request the portal itself got wrong is never shown raw.
    message: japanese ? first.message : '処理できませんでした。時間をおいて再度お試しください。',
    fields: extensions.fields ?? [],
  };
}

type Listener = (code: 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED' | 'MFA_REQUIRED') => void;
let onSessionProblem: Listener = () => undefined;
export function listenForSessionProblems(listener: Listener): void {
  onSessionProblem = listener;
}

export const client = new Client({
  url: '/graphql',
  // Every answer depends on who asks and when: read each screen fresh.
  requestPolicy: 'network-only',
  preferGetMethod: false,
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error, operation) {
        const code = (error.graphQLErrors[0]?.extensions as { code?: string } | undefined)?.code;
        const name = operation.query.definitions
          .map((definition) => ('name' in definition ? definition.name?.value : undefined))
          .find(Boolean);
        if (code === 'UNAUTHENTICATED' && name !== 'Login') onSessionProblem('UNAUTHENTICATED');
        if (code === 'PASSWORD_CHANGE_REQUIRED') onSessionProblem('PASSWORD_CHANGE_REQUIRED');
        // ACC-9: at login it asks for the code; elsewhere the session must enrol first.
        if (code === 'MFA_REQUIRED' && name !== 'Login') onSessionProblem('MFA_REQUIRED');
      },
    }),
    fetchExchange,
  ],
  fetchOptions: () => {
    const session = getSession();
    const headers: Record<string, string> = {};
    if (session) headers['authorization'] = `Bearer ${session.token}`;
    return { headers };
  },
});
