import { useSyncExternalStore } from 'react';
import type { Role } from './gql/graphql';

/** What the portal keeps of a login: in memory and in this tab's sessionStorage only. */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
  readonly mustChangePassword: boolean;
  /** ACC-9: the account's second factor is on. */
  readonly mfaEnabled: boolean;
}

const KEY = 'b-route.session';
let current: Session | null = read();
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return null;
    const session = JSON.parse(stored) as Session;
    return Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  if (current && Date.parse(current.expiresAt) <= Date.now()) setSession(null);
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** ACC-9: a staff session whose account has no second factor may only enrol it. */
export function mustEnrol(session: Session): boolean {
  return session.role !== 'CUSTOMER' && !session.mfaEnabled;
}

/** Where a new session goes first: the password (ACC-5), the enrolment (ACC-9), or home. */
export function firstPageOf(session: Session): string {
  if (session.mustChangePassword) return '/password';
  if (mustEnrol(session)) return '/mfa';
  return homeOf(session.role);
}

/** The first page of each role. */
export function homeOf(role: Role): string {
  if (role === 'OPERATOR') return '/operator';
  if (role === 'AUDITOR') return '/auditor';
  return '/home';
}
