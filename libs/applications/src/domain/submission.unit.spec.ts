import { given } from '../testing/application-scenario';
import {
  APPLICATION_ID,
  OWNER_ID,
  T0,
  TERMS_VERSION,
  applicant,
  customer,
  operator,
  auditor,
  receptionPoint,
  submit,
  submitted,
  supplyPoint,
} from '../testing/application-mother';

describe('submitting an application', () => {
  it('APP-1: a NEW application for the supply and the reception side together is RECEIVED', () => {
    const warnings = [
      {
        code: 'YEAR_END_CLOSURE' as const,
        message:
          '申込日から利用開始希望日までの間に年末年始休業があるため、利用開始が遅れる場合があります。',
        from: '2026-12-29',
        to: '2027-01-03',
      },
    ];
    const state = given()
      .when(submit({ meteringPoints: [supplyPoint, receptionPoint], warnings }), T0)
      .then({
        type: 'ApplicationSubmitted',
        data: {
          applicationId: APPLICATION_ID,
          ownerAccountId: OWNER_ID,
          kind: 'NEW',
          customer,
          applicant,
          meteringPoints: [supplyPoint, receptionPoint],
          desiredStartDate: '2026-04-20',
          warnings,
          status: 'RECEIVED',
          consentConfirmed: true,
          termsVersion: TERMS_VERSION,
          submittedAt: T0.toISOString(),
        },
      });
    expect(state).toMatchObject({
      status: 'RECEIVED',
      registeredAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      statusReason: null,
      warnings,
    });
  });

  it.each(['TERMINATION', 'ACTIVATION'] as const)('APP-1: a %s application is RECEIVED', (kind) => {
    const state = given()
      .when(submit({ kind }), T0)
      .then({
        ...submitted(),
        data: { ...submitted().data, kind },
      } as ReturnType<typeof submitted>);
    expect(state).toMatchObject({ status: 'RECEIVED', kind });
  });

  it('APP-2: without the customer’s consent nothing is submitted', () => {
    const error = given()
      .when(submit({ consentConfirmed: false }), T0)
      .thenRefused('BAD_USER_INPUT');
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'consentConfirmed', code: 'CONSENT_REQUIRED' }),
    ]);
  });

  it('APP-5: an application names at least one metering point', () => {
    const error = given()
      .when(submit({ meteringPoints: [] }), T0)
      .thenRefused('BAD_USER_INPUT');
    expect(error.fields).toEqual([expect.objectContaining({ field: 'meteringPoints' })]);
  });

  it('APP-1: an application ID is submitted once', () => {
    given(submitted()).when(submit(), T0).thenRefused('CONFLICT');
  });

  it('Visibility: only customer accounts submit; operators and auditors are FORBIDDEN', () => {
    given()
      .when(submit({ actor: operator }), T0)
      .thenRefused('FORBIDDEN');
    given()
      .when(submit({ actor: auditor }), T0)
      .thenRefused('FORBIDDEN');
  });
});
