import { randomBytes } from 'node:crypto';
import type { ApiChild } from './api-child';
import { firstStaffLogin, type SignedIn } from './bench-accounts';

/** An OPERATOR as create-operator makes one, past its first login (ACC-5). */
export async function signUpOperator(api: ApiChild): Promise<SignedIn> {
  const userId = `bench_operator_${randomBytes(4).toString('hex')}`;
  return firstStaffLogin(api.url, userId, await api.createOperator(userId));
}
