import type { Actor } from '@app/event-sourcing';
import type { SubmitApplication } from '../domain/application.command';
import type {
  ApplicationEvent,
  ApplicationMeteringPoint,
  SealedApplicantInfo,
  SealedCustomerInfo,
} from '../domain/application.event';
import { asSealedText } from '../domain/sealed-text';

export const APPLICATION_ID = 42006;
export const OWNER_ID = '5f0c2a8e-1d3b-4c6a-9e7f-0a1b2c3d4e5f';
export const OTHER_CUSTOMER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
/** 2026-04-01 09:00 in Japan. */
export const T0 = new Date('2026-04-01T00:00:00.000Z');
/** APP-2: the terms in force in these specs. */
export const TERMS_VERSION = '2026-04-01';

export const owner: Actor = { id: OWNER_ID, role: 'CUSTOMER' };
export const otherCustomer: Actor = { id: OTHER_CUSTOMER_ID, role: 'CUSTOMER' };
export const operator: Actor = { id: 'op-1', role: 'OPERATOR' };
export const auditor: Actor = { id: 'au-1', role: 'AUDITOR' };

export const customer: SealedCustomerInfo = {
  name: '東京電機工業株式会社',
  department: '総務部',
  contactName: asSealedText('sealed:contactName'),
  phone: asSealedText('sealed:customerPhone'),
};

export const applicant: SealedApplicantInfo = {
  company: 'エネルギー管理サービス株式会社',
  department: '技術部',
  name: asSealedText('sealed:applicantName'),
  phone1: asSealedText('sealed:phone1'),
  phone2: null,
  email: asSealedText('sealed:email'),
  fax: null,
};

export const supplyPoint: ApplicationMeteringPoint = {
  kind: 'SUPPLY',
  pointId: '0310111234567890123456',
  unissued: false,
  meterId: 'F146832',
};

export const receptionPoint: ApplicationMeteringPoint = {
  kind: 'RECEPTION',
  pointId: '0310120000000000000000',
  unissued: true,
  meterId: 'G123456',
};

export function minutesAfter(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function submit(overrides: Partial<SubmitApplication['data']> = {}): SubmitApplication {
  return {
    type: 'SubmitApplication',
    data: {
      actor: owner,
      applicationId: APPLICATION_ID,
      kind: 'NEW',
      customer,
      applicant,
      meteringPoints: [supplyPoint],
      desiredStartDate: '2026-04-20',
      warnings: [],
      consentConfirmed: true,
      termsVersion: TERMS_VERSION,
      currentTermsVersion: TERMS_VERSION,
      ...overrides,
    },
  };
}

const facts = { applicationId: APPLICATION_ID, ownerAccountId: OWNER_ID, kind: 'NEW' } as const;

export function submitted(at = T0): ApplicationEvent {
  return {
    type: 'ApplicationSubmitted',
    data: {
      ...facts,
      customer,
      applicant,
      meteringPoints: [supplyPoint],
      desiredStartDate: '2026-04-20',
      warnings: [],
      status: 'RECEIVED',
      consentConfirmed: true,
      termsVersion: TERMS_VERSION,
      submittedAt: at.toISOString(),
    },
  };
}

export function processingStarted(at = minutesAfter(T0, 60)): ApplicationEvent {
  return {
    type: 'ProcessingStarted',
    data: { ...facts, status: 'IN_PROGRESS', startedAt: at.toISOString() },
  };
}

export function returned(reason = '計器IDをご確認ください。', at = minutesAfter(T0, 120)) {
  return {
    type: 'ApplicationReturned',
    data: { ...facts, status: 'RETURNED', reason, returnedAt: at.toISOString() },
  } satisfies ApplicationEvent;
}

export function rejected(reason = '離島の地点です。', at = minutesAfter(T0, 120)) {
  return {
    type: 'ApplicationRejected',
    data: { ...facts, status: 'REJECTED', reason, rejectedAt: at.toISOString() },
  } satisfies ApplicationEvent;
}

export function withdrawn(reason: string | null = null, at = minutesAfter(T0, 30)) {
  return {
    type: 'ApplicationWithdrawn',
    data: { ...facts, status: 'WITHDRAWN', reason, withdrawnAt: at.toISOString() },
  } satisfies ApplicationEvent;
}

export function completed(at = minutesAfter(T0, 180)) {
  return {
    type: 'ApplicationCompleted',
    data: {
      ...facts,
      status: 'COMPLETED',
      meteringPoints: [supplyPoint],
      completedAt: at.toISOString(),
    },
  } satisfies ApplicationEvent;
}
