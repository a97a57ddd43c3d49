import type { FieldProblem } from './field-problem';

/** Long enough for a paragraph of explanation, short enough for a mail (OPS-3). */
export const REASON_MAX_LENGTH = 1000;

/** The `reason` argument of returnApplication / rejectApplication (required) and withdraw. */
export function reasonProblems(
  reason: string | null | undefined,
  { required }: { readonly required: boolean },
): FieldProblem[] {
  const text = reason?.trim() ?? '';
  if (text === '') {
    return required
      ? [{ field: 'reason', code: 'REQUIRED', message: '理由を入力してください。' }]
      : [];
  }
  if ([...text].length > REASON_MAX_LENGTH) {
    return [
      {
        field: 'reason',
        code: 'TOO_LONG',
        message: `理由は${REASON_MAX_LENGTH}文字以内で入力してください。`,
      },
    ];
  }
  return [];
}

export function withdrawalReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  return text === '' ? null : text;
}
