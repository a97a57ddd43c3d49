import type { ApplicationEvent } from './application.event';
import { pointHoldsOf } from './point-holds';
import { given } from '../testing/application-scenario';
import {
  completed,
  processingStarted,
  receptionPoint,
  rejected,
  returned,
  submitted,
  supplyPoint,
  withdrawn,
} from '../testing/application-mother';

const otherPoint = { ...supplyPoint, pointId: '0310119999999999999999', meterId: 'F999999' };

describe('metering point holds', () => {
  it('MTR-2: a submission claims its issued points; an unissued ID holds nothing', () => {
    const event = submitted();
    const withUnissued = {
      ...event,
      data: { ...event.data, meteringPoints: [receptionPoint, supplyPoint] },
    } as ApplicationEvent;
    expect(pointHoldsOf(given().state, withUnissued)).toEqual({
      kind: 'NEW',
      claims: [{ pointId: supplyPoint.pointId, index: 1 }],
      releases: [],
    });
  });

  it('MTR-2: a change claims the points it adds and releases the ones it drops', () => {
    const before = given(submitted()).state;
    const change = {
      type: 'ApplicationChanged',
      data: {
        ...submitted().data,
        meteringPoints: [otherPoint],
        changedSections: ['meteringPoints'],
        previousStatus: 'RECEIVED',
        status: 'RECEIVED',
        resubmitted: false,
        changedAt: '2026-04-02T00:00:00.000Z',
      },
    } as ApplicationEvent;
    expect(pointHoldsOf(before, change)).toEqual({
      kind: 'NEW',
      claims: [{ pointId: otherPoint.pointId, index: 0 }],
      releases: [{ pointId: supplyPoint.pointId, outcome: 'WITHDRAWN' }],
    });
  });

  it('OPS-4: completion, rejection and withdrawal release every point with their outcome', () => {
    const inProgress = given(submitted(), processingStarted()).state;
    expect(pointHoldsOf(inProgress, completed()).releases).toEqual([
      { pointId: supplyPoint.pointId, outcome: 'COMPLETED' },
    ]);
    expect(pointHoldsOf(inProgress, rejected()).releases).toEqual([
      { pointId: supplyPoint.pointId, outcome: 'REJECTED' },
    ]);
    expect(pointHoldsOf(given(submitted()).state, withdrawn()).releases).toEqual([
      { pointId: supplyPoint.pointId, outcome: 'WITHDRAWN' },
    ]);
  });

  it('MTR-2: starting, returning and resubmitting keep the points held', () => {
    const received = given(submitted()).state;
    expect(pointHoldsOf(received, processingStarted())).toEqual({
      kind: 'NEW',
      claims: [],
      releases: [],
    });
    expect(pointHoldsOf(received, returned())).toEqual({ kind: 'NEW', claims: [], releases: [] });
  });
});
