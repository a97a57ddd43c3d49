import type { FieldProblem } from './field-problem';
import { FIELD_LABELS } from '../messages';
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
    ...fullWidthTextProblems(at('name', FIELD_LABELS.customerName), customer.name),
    ...fullWidthTextProblems(
      at('department', FIELD_LABELS.customerDepartment),
      customer.department,
    ),
    ...fullWidthTextProblems(
      at('contactName', FIELD_LABELS.customerContactName),
      customer.contactName,
    ),
    ...phoneNumberProblems(at('phone', FIELD_LABELS.customerPhone), customer.phone, {
      required: true,
    }),
  ];
}

export function applicantInfoProblems(
  applicant: ApplicantInfo,
  path = 'applicant',
): FieldProblem[] {
  const at = (field: string, label: string) => ({ field: `${path}.${field}`, label });
  return [
    ...fullWidthTextProblems(at('company', FIELD_LABELS.applicantCompany), applicant.company),
    ...fullWidthTextProblems(
      at('department', FIELD_LABELS.applicantDepartment),
      applicant.department,
    ),
    ...fullWidthTextProblems(at('name', FIELD_LABELS.applicantName), applicant.name),
    ...phoneNumberProblems(at('phone1', FIELD_LABELS.phone1), applicant.phone1, { required: true }),
    ...phoneNumberProblems(at('phone2', FIELD_LABELS.phone2), applicant.phone2, {
      required: false,
    }),
    ...emailAddressProblems(at('email', FIELD_LABELS.email), applicant.email),
    ...phoneNumberProblems(at('fax', FIELD_LABELS.fax), applicant.fax, { required: false }),
  ];
}

/** An applicant section once checked: empty optional fields are null. */
export interface CheckedApplicantInfo extends ApplicantInfo {
  readonly phone2: string | null;
  readonly fax: string | null;
}
