import type { Actor } from '@app/event-sourcing';
import type { ApplicationCommand, IssuedPoint } from './application.command';
import type { ApplicationEvent } from './application.event';
import { pointHoldsOf } from './point-holds';
import { given } from '../testing/application-scenario';
import {
  APPLICATION_ID,
  OWNER_ID,
  T0,
  TERMS_VERSION,
  auditor,
  minutesAfter,
  operator,
  processingStarted,
  receptionPoint,
  returned,
  submit,
  submitted,
  supplyPoint,
} from '../testing/application-mother';

const later = minutesAfter(T0, 600);
const facts = { applicationId: APPLICATION_ID, ownerAccountId: OWNER_ID, kind: 'NEW' } as const;
const ISSUED_RECEPTION_ID = '0310129876543210987654';

function submittedWith(points = [supplyPoint, receptionPoint]): ApplicationEvent {
  const event = submitted();
  if (event.type !== 'ApplicationSubmitted') throw new Error('unexpected mother');
  return { ...event, data: { ...event.data, meteringPoints: points } };
}

const complete = (issuedPoints?: IssuedPoint[], actor: Actor = operator): ApplicationCommand => ({
  type: 'CompleteApplication',
  data: { actor, ...(issuedPoints ? { issuedPoints } : {}) },
});

describe('OPS-1: an abandoned RETURNED application', () => {
  it('OPS-1: an operator rejects a RETURNED application the applicant left uncorrected', () => {
    const state = given(submitted(), processingStarted(), returned())
      .when(
        {
          type: 'RejectApplication',
          data: { actor: operator, reason: '期限までにご修正がありませんでした。' },
        },
        later,
      )
      .then({
        type: 'ApplicationRejected',
        data: {
          ...facts,
          status: 'REJECTED',
          reason: '期限までにご修正がありませんでした。',
          rejectedAt: later.toISOString(),
        },
      });
    expect(state.status).toBe('REJECTED');
  });

  it('OPS-1 / MTR-2: rejecting a RETURNED application gives its metering points back', () => {
    const before = given(submitted(), returned()).state;
    const holds = pointHoldsOf(before, {
      type: 'ApplicationRejected',
      data: { ...facts, status: 'REJECTED', reason: '理由', rejectedAt: later.toISOString() },
    });
    expect(holds.releases).toEqual([{ pointId: supplyPoint.pointId, outcome: 'REJECTED' }]);
  });
});

describe('OPS-4: unissued points become real at completion', () => {
  const history = [submittedWith(), processingStarted()];

  it('OPS-4: completing with the issued ID records the assignment, then the completion with the real ID', () => {
    const state = given(...history)
      .when(complete([{ index: 1, pointId: ISSUED_RECEPTION_ID }]), later)
      .then(
        {
          type: 'PointIdsIssued',
          data: {
            ...facts,
            assignments: [
              { index: 1, unissuedPointId: receptionPoint.pointId, pointId: ISSUED_RECEPTION_ID },
            ],
            meteringPoints: [
              supplyPoint,
              { ...receptionPoint, pointId: ISSUED_RECEPTION_ID, unissued: false },
            ],
            issuedAt: later.toISOString(),
          },
        },
        {
          type: 'ApplicationCompleted',
          data: {
            ...facts,
            status: 'COMPLETED',
            meteringPoints: [
              supplyPoint,
              { ...receptionPoint, pointId: ISSUED_RECEPTION_ID, unissued: false },
            ],
            completedAt: later.toISOString(),
          },
        },
      );
    expect(state).toMatchObject({ status: 'COMPLETED' });
    expect(state.status !== 'NOT_SUBMITTED' && state.meteringPoints[1]?.pointId).toBe(
      ISSUED_RECEPTION_ID,
    );
  });

  it('OPS-4: the issued point is claimed for the NEW (meter ID from the application) and made ACTIVE by the completion', () => {
    const state = given(...history).state;
    const issued: ApplicationEvent = {
      type: 'PointIdsIssued',
      data: {
        ...facts,
        assignments: [
          { index: 1, unissuedPointId: receptionPoint.pointId, pointId: ISSUED_RECEPTION_ID },
        ],
        meteringPoints: [
          supplyPoint,
          { ...receptionPoint, pointId: ISSUED_RECEPTION_ID, unissued: false },
        ],
        issuedAt: later.toISOString(),
      },
    };
    expect(pointHoldsOf(state, issued)).toEqual({
      kind: 'NEW',
      claims: [{ pointId: ISSUED_RECEPTION_ID, index: 1 }],
      releases: [],
    });
    const completedEvent: ApplicationEvent = {
      type: 'ApplicationCompleted',
      data: {
        ...facts,
        status: 'COMPLETED',
        meteringPoints: [
          supplyPoint,
          { ...receptionPoint, pointId: ISSUED_RECEPTION_ID, unissued: false },
        ],
        completedAt: later.toISOString(),
      },
    };
    expect(pointHoldsOf(state, completedEvent).releases).toEqual([
      { pointId: supplyPoint.pointId, outcome: 'COMPLETED' },
      { pointId: ISSUED_RECEPTION_ID, outcome: 'COMPLETED' },
    ]);
  });

  it('OPS-4: completing without an issued ID for each unissued point is BAD_USER_INPUT at issuedPoints', () => {
    for (const issuedPoints of [undefined, []]) {
      const error = given(...history)
        .when(complete(issuedPoints), later)
        .thenRefused('BAD_USER_INPUT');
      expect(error.fields).toEqual([
        expect.objectContaining({ field: 'issuedPoints', code: 'ISSUED_POINT_REQUIRED' }),
      ]);
      expect(error.fields[0]?.message).toContain('2件目');
    }
  });

  it('OPS-4: the issued ID keeps the prefix (a reception point stays one) and is not all zeros', () => {
    const error = given(...history)
      .when(
        complete([
          { index: 1, pointId: '0310119876543210987654' },
          { index: 0, pointId: '0310111111111111111111' },
        ]),
        later,
      )
      .thenRefused('BAD_USER_INPUT');
    expect(error.fields.map(({ field, code }) => `${field} ${code}`)).toEqual([
      'issuedPoints[0].pointId PREFIX_MISMATCH',
      'issuedPoints[1].index POINT_ALREADY_ISSUED',
    ]);
    const zeros = given(...history)
      .when(complete([{ index: 1, pointId: receptionPoint.pointId }]), later)
      .thenRefused('BAD_USER_INPUT');
    expect(zeros.fields[0]).toMatchObject({
      field: 'issuedPoints[0].pointId',
      code: 'STILL_UNISSUED',
    });
  });

  it('OPS-4: an application without unissued points completes as before, with no assignment', () => {
    given(submitted(), processingStarted())
      .when(complete(), later)
      .then({
        type: 'ApplicationCompleted',
        data: {
          ...facts,
          status: 'COMPLETED',
          meteringPoints: [supplyPoint],
          completedAt: later.toISOString(),
        },
      });
  });
});

describe('APP-2: the terms version', () => {
  it('APP-2: the submission records the version of the terms consented to', () => {
    const state = given().when(submit(), T0).then(submitted());
    expect(state).toMatchObject({ termsVersion: TERMS_VERSION });
  });

  it('APP-2: a consent to another version than the current one is CONFLICT (the applicant must reread)', () => {
    const error = given()
      .when(submit({ termsVersion: '2020-01-01' }), T0)
      .thenRefused('CONFLICT');
    expect(error.fields).toEqual([
      expect.objectContaining({ field: 'termsVersion', code: 'TERMS_OUTDATED' }),
    ]);
    expect(error.message).toContain(
      '高圧電力メーター情報発信サービス（高圧Bルートサービス）利用規約',
    );
  });

  it('APP-2: a client that does not say which version it showed consents to the current one', () => {
    const state = given()
      .when(submit({ termsVersion: null, currentTermsVersion: '2026-05-01' }), T0)
      .then({
        ...submitted(),
        data: { ...submittedWith([supplyPoint]).data, termsVersion: '2026-05-01' },
      } as ApplicationEvent);
    expect(state).toMatchObject({ termsVersion: '2026-05-01' });
  });

  it('APP-2 (Q7): a TERMINATION needs the same consent', () => {
    given()
      .when(submit({ kind: 'TERMINATION', consentConfirmed: false }), T0)
      .thenRefused('BAD_USER_INPUT');
    given()
      .when(submit({ kind: 'TERMINATION', termsVersion: 'old' }), T0)
      .thenRefused('CONFLICT');
  });
});

describe('APP-12: the back office never submits', () => {
  it.each([operator, auditor])(
    'APP-12: a %o actor cannot submit an application on anyone’s behalf (FORBIDDEN)',
    (actor) => {
      const error = given().when(submit({ actor }), T0).thenRefused('FORBIDDEN');
      expect(error.message).toContain('代行入力は承っておりません');
    },
  );
});
