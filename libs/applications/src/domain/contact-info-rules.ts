import type { FieldProblem } from './field-problem';
import { emailAddressProblems, fullWidthTextProblems, phoneNumberProblems } from './text-rules';

/** お客さま情報 (APP-3), as `CustomerInfoInput` carries it. */
export interface CustomerInfo {
  readonly name: string;
  readonly department: string;
  readonly contactName: string;
  readonly phone: string;
}

/** 申込者のご連絡先情報 (APP-3), as `ApplicantInfoInput` carries it. */
export interface ApplicantInfo {
  readonly company: string;
  readonly department: string;
  readonly name: string;
  readonly phone1: string;
  readonly phone2?: string | null;
  readonly email: string;
  readonly fax?: string | null;
}

// Labels as the application form shows them; problems come in the input's field order.
export function customerInfoProblems(customer: CustomerInfo, path = 'customer'): FieldProblem[] {
  const at = (field: string, label: string) => ({ field: `${path}.${field}`, label });
  return [
    ...fullWidthTextProblems(at('name', 'お客さま名'), customer.name),
    ...fullWidthTextProblems(at('department', 'お客さま担当者所属部署名'), customer.department),
    ...fullWidthTextProblems(at('contactName', 'お客さま担当者名'), customer.contactName),
    ...phoneNumberProblems(at('phone', 'お客さま電話番号'), customer.phone, { required: true }),
  ];
}

export function applicantInfoProblems(
  applicant: ApplicantInfo,
  path = 'applicant',
): FieldProblem[] {
  const at = (field: string, label: string) => ({ field: `${path}.${field}`, label });
  return [
    ...fullWidthTextProblems(at('company', '申込者所属企業名'), applicant.company),
    ...fullWidthTextProblems(at('department', '申込者所属部署名'), applicant.department),
    ...fullWidthTextProblems(at('name', '申込者氏名'), applicant.name),
    ...phoneNumberProblems(at('phone1', '電話番号1'), applicant.phone1, { required: true }),
    ...phoneNumberProblems(at('phone2', '電話番号2'), applicant.phone2, { required: false }),
    ...emailAddressProblems(at('email', 'メールアドレス'), applicant.email),
    ...phoneNumberProblems(at('fax', 'FAX番号'), applicant.fax, { required: false }),
  ];
}

/** An applicant section once checked: empty optional fields are null. */
export interface CheckedApplicantInfo extends ApplicantInfo {
  readonly phone2: string | null;
  readonly fax: string | null;
}
